import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import { checkOproxyKey, checkOproxyToken } from '../oproxy/oproxy-rules';
import { checkClientSecretValue } from './self-deployed-rules';

/**
 * The format rule of a secret field, or `null` when the value is fine.
 *
 * The main process applies it before anything reaches the keychain, so a
 * value the integration would reject is refused even if the renderer's own
 * check was bypassed.
 */
export function checkSecretValue(field: ProfileSecretField, value: string): string | null {
  switch (field) {
    case SecretField.XsoarAppToken:
      return checkOproxyToken(value).error;
    case SecretField.XsoarAppKey:
      return checkOproxyKey(value).error;
    case SecretField.SelfDeployedClientSecret: {
      const verdict = checkClientSecretValue(value);
      return verdict.ok ? null : verdict.error;
    }
    case SecretField.SelfDeployedPrivateKey:
    case SecretField.SelfDeployedAuthCode:
      return value.trim() === '' ? 'The value is empty.' : null;
  }
}
