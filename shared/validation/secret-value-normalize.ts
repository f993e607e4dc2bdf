import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import { repairPrivateKeyPem } from '../export/pem-repair';
import { normalizeOproxyKey } from '../oproxy/oproxy-key-normalize';

/**
 * The form a secret is stored in: the oproxy Key on one line, a private key
 * with its PEM structure restored (when it can be), others as given. Applied
 * by the main process before the format rule and the keychain, so what the
 * keychain holds is what every export writes.
 */
export function normalizeSecretValue(field: ProfileSecretField, value: string): string {
  switch (field) {
    case SecretField.XsoarAppKey:
      return normalizeOproxyKey(value);
    case SecretField.SelfDeployedPrivateKey: {
      const repaired = repairPrivateKeyPem(value);
      return repaired.ok ? repaired.pem : value;
    }
    default:
      return value;
  }
}
