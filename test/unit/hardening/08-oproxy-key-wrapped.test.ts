import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';
import { checkOproxyKey } from '../../../shared/oproxy/oproxy-rules';
import { normalizeSecretValue } from '../../../shared/validation/secret-value-normalize';
import { SecretField } from '../../../shared/domain/secret-field';
import { FAKE_OPROXY_KEY, MAILBOX_PARAMS } from '../../fixtures/export-fixtures';

// Issue 11, item 8: an oproxy Key wrapped over two lines was refused although
// the integration (Python's base64.b64decode, which discards whitespace) accepts it.
const WRAPPED = `${FAKE_OPROXY_KEY.slice(0, 20)}\r\n${FAKE_OPROXY_KEY.slice(20)}`;
const cred = (password: string) => ({ credential: '', identifier: '', password, passwordChanged: false });

describe('item 8: a wrapped oproxy Key is accepted and normalized', () => {
  it('the wizard rule accepts it', () => {
    expect(checkOproxyKey(WRAPPED).error).toBeNull();
  });

  it('the value stored is the Key on one line', () => {
    expect(normalizeSecretValue(SecretField.XsoarAppKey, WRAPPED)).toBe(FAKE_OPROXY_KEY);
  });

  it('import accepts it and exports one line', () => {
    const text = JSON.stringify({ ...MAILBOX_PARAMS, self_deployed: false, creds_auth_id: cred('FAKE0000-0000-4000-8000-00000000a11d'), creds_refresh_token: cred('0.FAKE-refresh-token-for-tests-only.AbCdEf'), creds_enc_key: cred(WRAPPED) });
    const imported = importSettings(text);
    if (!imported.ok) throw new Error(imported.error.message);
    expect((imported.value.params.creds_enc_key as { password: string }).password).toBe(FAKE_OPROXY_KEY);
  });

  it('a Key with a character outside Base64 is still refused', () => {
    expect(checkOproxyKey(`${FAKE_OPROXY_KEY.slice(0, 20)}!${FAKE_OPROXY_KEY.slice(21)}`).error).not.toBeNull();
  });
});
