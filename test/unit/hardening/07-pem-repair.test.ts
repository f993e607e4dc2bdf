import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';
import { exportSettings, ExportFormat } from '../../../shared/export/export-formats';
import { FAKE_CLIENT_ID, FAKE_TENANT_ID, FAKE_THUMBPRINT, MAILBOX_PARAMS } from '../../fixtures/export-fixtures';

// Issue 11, item 7: a private key pasted on one line (spaces instead of line
// breaks) was accepted and exported unchanged; the Terraform exports set the
// legacy private_key parameter, which the integration reads without repair.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
const ONE_LINE = PEM.replace(/\n/g, ' ');
const cred = (password: string, identifier = '') => ({ credential: '', identifier, password, passwordChanged: false });

function settings(pem: string): string {
  return JSON.stringify({ ...MAILBOX_PARAMS, self_deployed: true, creds_auth_id: cred(FAKE_CLIENT_ID), creds_refresh_token: cred(FAKE_TENANT_ID), creds_certificate: cred(pem, FAKE_THUMBPRINT), redirect_uri: 'https://localhost', creds_auth_code: cred('0.FAKE-code') });
}

describe('item 7: PEM structure is restored on the way in', () => {
  it('a one-line key is imported as a proper PEM that parses', () => {
    const imported = importSettings(settings(ONE_LINE));
    if (!imported.ok) throw new Error(imported.error.message);
    const pem = (imported.value.params.creds_certificate as { password: string }).password;
    expect(pem).toBe(PEM);
    expect(() => createPrivateKey(pem)).not.toThrow();
    expect(imported.value.warnings.some((w) => w.param === 'creds_certificate' && /line breaks/.test(w.message))).toBe(true);
  });

  it('the Terraform export of a one-line key carries the repaired PEM', () => {
    const exported = exportSettings(ExportFormat.TerraformXsoar, { instanceName: 'SOC', params: JSON.parse(settings(ONE_LINE)), secretsIncluded: true });
    if (!exported.ok) throw new Error(exported.error.message);
    const text = exported.value.files.map((f) => f.text).join('\n');
    expect(text).not.toContain(ONE_LINE);
    expect(text).toContain(PEM.split('\n')[1]);
  });

  it.each([
    ['a body that is not Base64', '-----BEGIN PRIVATE KEY-----\nthis is not base64 at all!\n-----END PRIVATE KEY-----'],
    ['mismatched BEGIN/END labels', PEM.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY')],
    ['a cut-off key (no END line)', PEM.split('\n').slice(0, 5).join('\n')],
  ])('refuses what cannot be repaired: %s', (_what, pem) => {
    const imported = importSettings(settings(pem));
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error.fields?.some((f) => f.field === 'creds_certificate')).toBe(true);
  });
});
