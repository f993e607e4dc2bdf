// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildChecklistModel } from '../../../../shared/export/checklist-model';
import { exportSettings } from '../../../../shared/export/export-formats';
import { prepareExport } from '../../../../shared/export/export-input';
import { PARAM_TABLE } from '../../../../shared/xsoar/param-table';
import { FIXTURE_INSTANCE, FIXTURES, redactedFixture } from '../../../fixtures/export-fixtures';

function text(name: keyof typeof FIXTURES): string {
  const r = exportSettings('checklist-md', { instanceName: FIXTURE_INSTANCE, params: FIXTURES[name], secretsIncluded: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.files[0]?.text ?? '';
}

const HOSTILE = '<script>alert(1)</script> & "x" \'y\'';

describe('manual checklist', () => {
  it('lists every visible box once, the instance name first, hidden legacy params never', () => {
    const prepared = prepareExport({ instanceName: FIXTURE_INSTANCE, params: FIXTURES['self-deployed-certificate'], secretsIncluded: true });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const rows = buildChecklistModel(prepared.value).groups.flatMap((g) => g.rows);
    expect(rows[0]).toMatchObject({ label: 'Name', action: 'enter', value: FIXTURE_INSTANCE });
    const params = rows.slice(1).map((r) => r.param);
    const visible = PARAM_TABLE.filter((p) => !p.hidden).map((p) => p.name);
    // creds_certificate has two boxes (thumbprint and private key).
    expect([...params].sort()).toEqual([...visible, 'creds_certificate'].sort());
    expect(rows.find((r) => r.label === 'Use a self-deployed Azure application')?.action).toBe('tick');
    expect(rows.find((r) => r.label === 'Key or Client Secret')?.action).toBe('leave-empty');
    expect(rows.find((r) => r.label === 'Private Key')).toMatchObject({ secret: true, placeholder: false });
  });

  it('masks secrets unless included', () => {
    const r = exportSettings('checklist-md', { instanceName: FIXTURE_INSTANCE, params: redactedFixture('xsoar-app'), secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    const md = r.value.files[0]?.text ?? '';
    expect(md).not.toContain(FIXTURES['xsoar-app'].creds_enc_key.password);
    expect(md).toContain('field oproxy-key');
    expect(md).toContain('Secrets are not included');
  });

  it('gives the post-save steps of each method', () => {
    const sd = text('self-deployed-secret');
    expect(sd).toContain('`!msgraph-mail-test`');
    expect(sd).toContain('`!msgraph-mail-auth-reset`');
    expect(sd).toContain('10 minutes');
    expect(sd).toContain('Do not use the Test button');
    expect(text('xsoar-app')).toContain('Do not use the Test button');
    expect(text('managed-identity-system-assigned')).toContain('the Test button works');
    expect(text('managed-identity-system-assigned')).not.toContain('10 minutes');
  });

  it('HTML is self-contained and escapes every value', () => {
    const r = exportSettings('checklist-html', { instanceName: HOSTILE, params: { ...FIXTURES['managed-identity-system-assigned'], incidentType: HOSTILE }, secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    const html = r.value.files[0]?.text ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;');
    expect(html).not.toMatch(/\b(src|href)=|@import|url\(/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // Parsed by a real HTML parser: the hostile text stays text.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.title).toBe(`Microsoft Graph Mail Single User: instance ${JSON.stringify(HOSTILE)}`);
    const incident = [...doc.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'Incident type');
    expect(incident?.querySelector('code')?.textContent).toBe(HOSTILE);
  });

  it('Markdown escapes labels and values', () => {
    const r = exportSettings('checklist-md', { instanceName: FIXTURE_INSTANCE, params: { ...FIXTURES['managed-identity-system-assigned'], incidentType: 'a`b' }, secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    const md = r.value.files[0]?.text ?? '';
    expect(md).toContain('``a`b``');
    expect(md).toContain('First fetch timestamp (\\<number> \\<time unit>');
  });
});
