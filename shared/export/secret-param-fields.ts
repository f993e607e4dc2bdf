import { AuthMethod } from '../domain/auth-method';
import type { ProfileDraft } from '../domain/profile-draft';
import { SecretField, type ProfileSecretField } from '../domain/secret-field';

/**
 * The keychain field behind a parameter's password box for the draft's
 * method, or `undefined` when that value is not a secret here (the tenant
 * ID in "Token or Tenant ID" is not; the oproxy Token is).
 */
export function secretFieldOfParam(draft: ProfileDraft, param: string): ProfileSecretField | undefined {
  switch (draft.method) {
    case AuthMethod.XsoarApp:
      return param === 'creds_refresh_token' ? SecretField.XsoarAppToken : param === 'creds_enc_key' ? SecretField.XsoarAppKey : undefined;
    case AuthMethod.SelfDeployed:
      return param === 'creds_enc_key'
        ? SecretField.SelfDeployedClientSecret
        : param === 'creds_certificate'
          ? SecretField.SelfDeployedPrivateKey
          : param === 'creds_auth_code'
            ? SecretField.SelfDeployedAuthCode
            : undefined;
    case AuthMethod.ManagedIdentity:
    case null:
      return undefined;
  }
}
