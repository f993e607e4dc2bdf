import { describe, expect, it } from 'vitest';
import { checkParams } from '../../../../shared/export/check-params';
import { exportSettings } from '../../../../shared/export/export-formats';
import { importSettings } from '../../../../shared/export/import-settings';
import { realSecrets, redactSecrets } from '../../../../shared/export/secret-fields';
import { IntegrationMessage } from '../../../../shared/export/integration-messages';
import type { ParamIssue } from '../../../../shared/export/param-issues';
import type { InstanceParams } from '../../../../shared/settings/build-instance-params';
import { credentialValue } from '../../../../shared/xsoar/param-types';
import { FAKE_AUTH_CODE, FAKE_THUMBPRINT, FIXTURE_INSTANCE, FIXTURES, redactedFixture } from '../../../fixtures/export-fixtures';

const issue = (issues: readonly ParamIssue[], param: string) => issues.filter((i) => i.param === param);

describe('checkParams: normalization the integration needs', () => {
  it('removes colons and spaces from a thumbprint, with the reason', () => {
    const params: InstanceParams = { ...FIXTURES['self-deployed-certificate'], creds_certificate: credentialValue(FIXTURES['self-deployed-certificate'].creds_certificate.password, '01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01 23 45 67') };
    const r = checkParams(params, 'included');
    expect(r.ok).toBe(true);
    expect(r.params.creds_certificate).toMatchObject({ identifier: FAKE_THUMBPRINT });
    expect(issue(r.issues, 'creds_certificate')[0]).toMatchObject({ severity: 'warning', code: 'normalized' });
    expect(issue(r.issues, 'creds_certificate')[0]?.message).toContain('crashes');
  });

  it('refuses a thumbprint that is not 40 hex characters', () => {
    const params: InstanceParams = { ...FIXTURES['self-deployed-certificate'], creds_certificate: credentialValue(FIXTURES['self-deployed-certificate'].creds_certificate.password, 'XYZ123') };
    const r = checkParams(params, 'included');
    expect(r.ok).toBe(false);
    expect(issue(r.issues, 'creds_certificate')[0]).toMatchObject({ severity: 'error', code: 'invalid' });
  });

  it('cuts an auth code down to the code and quotes the integration\'s own error', () => {
    for (const pasted of [`${FAKE_AUTH_CODE}&session_state=abc-123`, `code=${FAKE_AUTH_CODE}&session_state=abc`, `https://localhost/?code=${FAKE_AUTH_CODE}&session_state=abc#`]) {
      const r = checkParams({ ...FIXTURES['self-deployed-secret'], creds_auth_code: credentialValue(pasted) }, 'included');
      expect(r.ok).toBe(true);
      expect(r.params.creds_auth_code).toMatchObject({ password: FAKE_AUTH_CODE });
      const warning = issue(r.issues, 'creds_auth_code')[0];
      expect(warning?.code).toBe('normalized');
      expect(warning?.message).toContain(IntegrationMessage.MalformedAuthCode);
      expect(warning?.message).not.toContain(FAKE_AUTH_CODE);
    }
  });

  it('refuses a Key that is not Base64 of a 16, 24 or 32-byte key', () => {
    for (const key of ['not base64!', 'QUJD', 'RkFLRS1LRVktRk9SLVRFU1RTLU9OTFktMzEtQllURQ==']) {
      const r = checkParams({ ...FIXTURES['xsoar-app'], creds_enc_key: credentialValue(key) }, 'included');
      expect(r.ok).toBe(false);
      const e = issue(r.issues, 'creds_enc_key')[0];
      expect(e?.code).toBe('invalid');
      expect(e?.message).toContain(IntegrationMessage.BadKeySuffix);
      expect(e?.message).not.toContain(key);
    }
    for (const bytes of [16, 24, 32]) {
      const key = btoa('k'.repeat(bytes));
      expect(checkParams({ ...FIXTURES['xsoar-app'], creds_enc_key: credentialValue(key) }, 'included').ok).toBe(true);
    }
  });

  it('uses the integration\'s messages for a missing Key and a missing secret or certificate', () => {
    const { creds_enc_key: _key, ...noKey } = FIXTURES['xsoar-app'];
    expect(issue(checkParams(noKey, 'included').issues, 'creds_enc_key')[0]?.message).toBe(IntegrationMessage.KeyMissing);
    const { creds_enc_key: _secret, ...noSecret } = FIXTURES['self-deployed-secret'];
    expect(issue(checkParams(noSecret, 'included').issues, 'creds_enc_key')[0]?.message).toBe(IntegrationMessage.KeyOrCertificateMissing);
    const halfCert = { ...FIXTURES['self-deployed-certificate'], creds_certificate: credentialValue('', FAKE_THUMBPRINT) };
    expect(issue(checkParams(halfCert, 'included').issues, 'creds_certificate')[0]?.message).toBe(IntegrationMessage.KeyOrCertificateMissing);
  });

  it('refuses an encrypted private key', () => {
    const pem = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nRkFLRQ==\n-----END ENCRYPTED PRIVATE KEY-----';
    const r = checkParams({ ...FIXTURES['self-deployed-certificate'], creds_certificate: credentialValue(pem, FAKE_THUMBPRINT) }, 'included');
    expect(issue(r.issues, 'creds_certificate')[0]?.message).toContain('encrypted');
  });

  it('refuses a secret and a certificate together', () => {
    const r = checkParams({ ...FIXTURES['self-deployed-certificate'], creds_enc_key: credentialValue('FAKE-secret') }, 'included');
    expect(issue(r.issues, 'creds_enc_key')[0]).toMatchObject({ severity: 'error', code: 'mixed-methods' });
  });

  it('leaves out another method\'s parameters with a warning', () => {
    const r = checkParams({ ...FIXTURES['xsoar-app'], redirect_uri: 'https://localhost', managed_identities_client_id: credentialValue('x') }, 'included');
    expect(r.ok).toBe(true);
    expect(r.params.redirect_uri).toBeUndefined();
    expect(r.params.managed_identities_client_id).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['not-applicable', 'not-applicable']);
  });

  it('moves legacy string parameters into their creds_* twins and refuses conflicting ones', () => {
    const { creds_auth_id: _a, creds_enc_key: _k, ...rest } = FIXTURES['xsoar-app'];
    const r = checkParams({ ...rest, auth_id: 'FAKE-id', enc_key: FIXTURES['xsoar-app'].creds_enc_key.password }, 'included');
    expect(r.ok).toBe(true);
    expect(r.params.creds_auth_id).toEqual(credentialValue('FAKE-id'));
    expect(r.params.auth_id).toBeUndefined();
    expect(r.issues.filter((i) => i.code === 'legacy-converted')).toHaveLength(2);
    const conflict = checkParams({ ...FIXTURES['xsoar-app'], auth_id: 'FAKE-other-id' }, 'included');
    expect(issue(conflict.issues, 'auth_id')[0]).toMatchObject({ severity: 'error', code: 'legacy-conflict' });
  });

  it('refuses a real secret when secrets are excluded, and a placeholder when included', () => {
    const leaked = checkParams(FIXTURES['self-deployed-secret'], 'excluded');
    expect(leaked.issues.filter((i) => i.code === 'secret-not-redacted').map((i) => i.param)).toEqual(['creds_enc_key', 'creds_auth_code']);
    const unresolved = checkParams(redactedFixture('self-deployed-secret'), 'included');
    expect(unresolved.issues.filter((i) => i.code === 'secret-unresolved').map((i) => i.param)).toEqual(['creds_enc_key', 'creds_auth_code']);
  });

  it('redactSecrets leaves an empty slot empty, so a missing secret is still refused', () => {
    const empty = { ...FIXTURES['self-deployed-secret'], creds_auth_code: credentialValue('') };
    const redacted = redactSecrets(empty, (kind) => `<keychain ${kind}>`);
    expect(redacted.creds_auth_code).toEqual(credentialValue(''));
    expect(redacted.creds_enc_key).toEqual(credentialValue('<keychain client-secret>'));
    expect(issue(checkParams(redacted, 'excluded').issues, 'creds_auth_code')[0]?.code).toBe('missing');
  });

  it('realSecrets keeps real values and drops placeholders', () => {
    expect(realSecrets(FIXTURES['xsoar-app'])).toEqual({ 'oproxy-token': FIXTURES['xsoar-app'].creds_refresh_token.password, 'oproxy-key': FIXTURES['xsoar-app'].creds_enc_key.password });
    expect(realSecrets(redactedFixture('xsoar-app'))).toEqual({});
    expect(realSecrets(FIXTURES['managed-identity-user-assigned'])).toEqual({});
  });

  it('treats the tenant ID in creds_refresh_token as not secret in self-deployed mode', () => {
    const r = checkParams(redactedFixture('self-deployed-secret'), 'excluded');
    expect(r.ok).toBe(true);
    expect(r.params.creds_refresh_token).toEqual(FIXTURES['self-deployed-secret'].creds_refresh_token);
  });
});

describe('export refuses invalid settings and lists every problem', () => {
  it('names each parameter once per problem', () => {
    const bad: InstanceParams = { ...FIXTURES['self-deployed-secret'], creds_auth_id: credentialValue('not-a-guid'), redirect_uri: 'ftp://x', fetch_limit: 'fifty', mailbox_to_fetch: '' };
    const r = exportSettings('rest', { instanceName: '', params: bad, secretsIncluded: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('config/invalid');
    expect(r.error.fields?.map((f) => f.field)).toEqual(['instanceName', 'creds_auth_id', 'redirect_uri', 'mailbox_to_fetch', 'fetch_limit']);
  });
});

const flat = (extra: Record<string, unknown>) => JSON.stringify({ ...FIXTURES['self-deployed-secret'], ...extra });

describe('import: unknown parameters, type mismatches, booleans as strings', () => {
  it('applies the integration\'s default folder when folder_to_fetch is missing, and says so', () => {
    const { folder_to_fetch: _omitted, ...withoutFolder } = FIXTURES['self-deployed-secret'] as Record<string, unknown>;
    const r = importSettings(JSON.stringify(withoutFolder));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.params.folder_to_fetch).toBe('Inbox');
    expect(issue(r.value.warnings, 'folder_to_fetch')).toEqual([expect.objectContaining({ code: 'normalized', message: expect.stringContaining('"Inbox", was applied') })]);
  });

  it('reports unknown parameters and leaves them out', () => {
    const r = importSettings(flat({ azure_cloud: 'Worldwide', Foo: 1 }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.filter((w) => w.code === 'unknown-param').map((w) => w.param)).toEqual(['azure_cloud', 'Foo']);
    expect('azure_cloud' in r.value.params).toBe(false);
  });

  it('converts "false" for self_deployed, insecure and proxy and explains truthiness', () => {
    const r = importSettings(flat({ insecure: 'false', proxy: 'TRUE', isFetch: 'false' }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.params.insecure).toBe(false);
    expect(r.value.params.proxy).toBe(true);
    expect(r.value.params.isFetch).toBe(false);
    const insecure = r.value.warnings.find((w) => w.param === 'insecure');
    expect(insecure?.code).toBe('boolean-string');
    expect(insecure?.message).toContain('plain truthiness');
    expect(r.value.warnings.find((w) => w.param === 'isFetch')?.message).not.toContain('truthiness');
  });

  it('refuses wrong JSON types naming the parameter', () => {
    const r = importSettings(flat({ creds_enc_key: 'FAKE-bare-string', self_deployed: 'yes', folder_to_fetch: ['Inbox'], creds_auth_code: { password: 1 } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('import/invalid');
    expect(r.error.fields?.map((f) => f.field)).toEqual(['creds_enc_key', 'creds_auth_code', 'self_deployed', 'folder_to_fetch']);
    expect(r.error.message).not.toContain('FAKE-bare-string');
  });

  it('refuses a reference to a stored XSOAR credential', () => {
    const r = importSettings(flat({ creds_enc_key: { credential: 'graph-secret', identifier: '', password: '', passwordChanged: false } }));
    expect(!r.ok && r.error.fields?.[0]).toMatchObject({ field: 'creds_enc_key' });
  });

  it('accepts numbers for numeric strings in YAML with a warning, refuses duplicate keys', () => {
    const yaml = `creds_auth_id: {credential: "", identifier: "", password: "${FIXTURES['xsoar-app'].creds_auth_id.password}", passwordChanged: false}
creds_refresh_token: {password: "FAKE-token"}
creds_enc_key: {password: "${FIXTURES['xsoar-app'].creds_enc_key.password}"}
mailbox_to_fetch: soc@contoso.example
folder_to_fetch: Inbox
fetch_limit: 25
`;
    const r = importSettings(yaml);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.params.fetch_limit).toBe('25');
    expect(r.value.params.self_deployed).toBe(false);
    expect(r.value.warnings.map((w) => w.code)).toEqual(['number-as-string']);
    const dup = importSettings(`${yaml}fetch_limit: 30\n`);
    expect(dup.ok).toBe(false);
  });

  it('refuses YAML alias bombs and files that are not settings', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const r = importSettings(bomb, 'params-yaml');
    expect(!r.ok && r.error.code).toBe('import/invalid');
    expect(importSettings('- just\n- a list\n').ok).toBe(false);
    expect(importSettings('{"brand": "Microsoft Graph Mail Single User", "data": "nope"}').ok).toBe(false);
    expect(importSettings('{ not json').ok).toBe(false);
  });

  it('maps dialog labels to parameter names', () => {
    const { proxy: _proxy, ...withoutProxy } = FIXTURES['self-deployed-secret'];
    const r = importSettings(JSON.stringify({ ...withoutProxy, 'Use system proxy settings': true }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.params.proxy).toBe(true);
  });

  it('REST body: refuses another brand and a declared type that differs; skips hasvalue false', () => {
    const good = exportSettings('rest', { instanceName: FIXTURE_INSTANCE, params: FIXTURES['managed-identity-system-assigned'], secretsIncluded: true });
    if (!good.ok) throw new Error(good.error.message);
    const body = JSON.parse(good.value.files[0]?.text ?? '{}') as { brand: string; data: Array<Record<string, unknown>> };
    expect(importSettings(JSON.stringify({ ...body, brand: 'EWS v2' })).ok).toBe(false);
    const retyped = { ...body, data: body.data.map((d) => (d.name === 'isFetch' ? { ...d, type: 0 } : d)) };
    const r = importSettings(JSON.stringify(retyped));
    expect(!r.ok && r.error.fields?.[0]?.field).toBe('isFetch');
    const unset = { ...body, data: [...body.data, { name: 'managed_identities_client_id', type: 9, value: '', hasvalue: false }] };
    const u = importSettings(JSON.stringify(unset));
    expect(u.ok && u.value.params.managed_identities_client_id).toBe(undefined);
  });
});
