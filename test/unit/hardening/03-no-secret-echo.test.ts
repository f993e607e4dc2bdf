import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';
import { MAILBOX_PARAMS } from '../../fixtures/export-fixtures';
import { fakeOproxyValues } from '../shared/oproxy/oproxy-fixtures';

// Issue 11, item 3: no message may echo a secret field's value; a quoted
// non-secret value is cut to a short excerpt.
const oproxy = fakeOproxyValues();
const cred = (password: string) => ({ credential: '', identifier: '', password, passwordChanged: false });

function messagesOf(result: ReturnType<typeof importSettings>): string {
  if (result.ok) return result.value.warnings.map((w) => w.message).join('\n');
  return [result.error.message, ...(result.error.fields ?? []).map((f) => `${f.field}: ${f.message}`)].join('\n');
}

describe('item 3: messages never echo secrets and cut long values', () => {
  it('an XSOAR-app Token misread as a tenant (self_deployed: true) is not quoted', () => {
    const text = JSON.stringify({ ...MAILBOX_PARAMS, self_deployed: true, creds_auth_id: cred(oproxy.id), creds_refresh_token: cred(oproxy.token), creds_enc_key: cred(oproxy.key), redirect_uri: 'https://localhost', creds_auth_code: cred('0.FAKE-code') });
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    const all = messagesOf(result);
    expect(all).toContain('creds_refresh_token');
    expect(all).not.toContain(oproxy.token);
    // Not even a recognisable part of it.
    expect(all).not.toContain(oproxy.token.slice(6, 30));
    expect(all).not.toContain(oproxy.key);
  });

  it('a 1 MB mailbox value is quoted as a short excerpt', () => {
    const huge = 'x'.repeat(900_000);
    const result = importSettings(JSON.stringify({ ...MAILBOX_PARAMS, mailbox_to_fetch: huge, use_managed_identities: true }));
    expect(result.ok).toBe(false);
    const all = messagesOf(result);
    expect(all).toContain('mailbox_to_fetch');
    expect(all.length).toBeLessThan(2_000);
    expect(all).toContain('900000 characters');
  });

  it('a secret value that lands in any message is scrubbed (client secret used as a tenant)', () => {
    const secret = 'Abc8Q~FAKEsecretVALUEforTESTSonly0123456789';
    const text = JSON.stringify({ ...MAILBOX_PARAMS, self_deployed: true, creds_auth_id: cred('00000000-0000-4000-8000-00000000c1d0'), creds_refresh_token: cred(secret), creds_enc_key: cred(secret), redirect_uri: 'https://localhost', creds_auth_code: cred('0.FAKE-code') });
    const all = messagesOf(importSettings(text));
    expect(all).not.toContain(secret);
  });
});
