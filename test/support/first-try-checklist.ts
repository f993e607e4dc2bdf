import { expect } from 'vitest';

// An independent reading of the spec's first-try checklist (§6), written
// against an exported REST body without the exporter's own rule book, so
// that a mistake in one is not hidden by the same mistake in the other.

const EXACT_NAMES = new Set([
  'creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'auth_id', 'refresh_token', 'enc_key', 'creds_certificate',
  'certificate_thumbprint', 'private_key', 'creds_auth_code', 'auth_code', 'redirect_uri', 'self_deployed',
  'use_managed_identities', 'managed_identities_client_id', 'isFetch', 'mailbox_to_fetch', 'folder_to_fetch', 'first_fetch',
  'fetch_limit', 'incidentType', 'display_full_email_body', 'fetch_html_formatting', 'mark_fetched_read',
  'incidentFetchInterval', 'insecure', 'proxy', 'legacy_name',
]);
const CHECKBOXES = new Set(['self_deployed', 'use_managed_identities', 'isFetch', 'display_full_email_body', 'fetch_html_formatting', 'mark_fetched_read', 'insecure', 'proxy', 'legacy_name']);

interface Cred { credential: string; identifier: string; password: string; passwordChanged: boolean }

/** Asserts that a REST body passes the spec's first-try checklist (§6). */
export function expectFirstTry(body: { readonly brand: string; readonly data: ReadonlyArray<{ readonly name: string; readonly value: unknown }> }): void {
  const v = Object.fromEntries(body.data.map((d) => [d.name, d.value])) as Record<string, unknown>;
  const pw = (key: string) => (v[key] as Cred | undefined)?.password;
  // 1. brand and exact, case-sensitive parameter names
  expect(body.brand).toBe('Microsoft Graph Mail Single User');
  for (const key of Object.keys(v)) expect(EXACT_NAMES.has(key), key).toBe(true);
  // 2. one mode only, nothing empty, no legacy twins beside the creds_* params
  for (const value of Object.values(v)) expect(value).not.toBe('');
  for (const legacy of ['auth_id', 'refresh_token', 'enc_key', 'certificate_thumbprint', 'private_key', 'auth_code']) expect(v[legacy]).toBeUndefined();
  const mi = v['use_managed_identities'] === true;
  const selfDeployed = v['self_deployed'] === true;
  if (mi) {
    // 10. managed identity: nothing else of the auth block
    for (const key of ['creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'creds_certificate', 'creds_auth_code', 'redirect_uri']) expect(v[key]).toBeUndefined();
  } else if (selfDeployed) {
    // 4. self-deployed: GUID client ID, tenant, secret or certificate pair, redirect URI; 5. bare auth code
    expect(pw('creds_auth_id')).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i);
    expect(pw('creds_refresh_token')).toMatch(/\S/);
    expect(typeof v['redirect_uri'] === 'string' && v['redirect_uri'].startsWith('https://')).toBe(true);
    expect(pw('creds_auth_code')).not.toMatch(/session_state|^code=/);
    const cert = v['creds_certificate'] as Cred | undefined;
    expect((pw('creds_enc_key') === undefined) !== (cert === undefined)).toBe(true);
    if (cert !== undefined) {
      // 6. thumbprint 40 hex, unencrypted PEM with BEGIN/END lines
      expect(cert.identifier).toMatch(/^[0-9A-Fa-f]{40}$/);
      expect(cert.password).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----\n[\s\S]+\n-----END (RSA )?PRIVATE KEY-----$/);
    }
  } else {
    // 3. XSOAR app: self_deployed false, Key = Base64 of 16/24/32 bytes
    expect(v['self_deployed']).toBe(false);
    expect([16, 24, 32]).toContain(atob(pw('creds_enc_key') ?? '').length);
    expect(pw('creds_refresh_token')).toMatch(/\S/);
  }
  // type-9 values are objects, never strings
  for (const [key, value] of Object.entries(v)) {
    if (key.startsWith('creds_') || key === 'managed_identities_client_id') expect(Object.keys(value as object).sort()).toEqual(['credential', 'identifier', 'password', 'passwordChanged']);
  }
  // 8. numeric fetch_limit string, "<number> <unit>", mailbox and folder always sent
  expect(v['fetch_limit']).toMatch(/^\d+$/);
  expect(v['first_fetch']).toMatch(/^\d+ (minute|hour|day|week|month|year)s?$/);
  expect(v['mailbox_to_fetch']).toMatch(/^[^@\s]+@[^@\s]+$/);
  expect(v['folder_to_fetch']).toMatch(/\S/);
  // 9. booleans as JSON booleans, insecure/proxy off
  for (const key of CHECKBOXES) if (key in v) expect(typeof v[key], key).toBe('boolean');
  expect(v['insecure']).not.toBe(true);
  expect(v['proxy']).not.toBe(true);
}
