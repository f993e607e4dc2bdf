import type { AuthMethod } from './auth-method';

/**
 * Every secret the app keeps, by stable name. The name is part of the
 * keychain account, so a value, once shipped, never changes.
 */
export const SecretField = Object.freeze({
  /** Cortex XSOAR app: the Token from the oproxy consent page. */
  XsoarAppToken: 'xsoar-app.token',
  /** Cortex XSOAR app: the Key from the oproxy consent page. */
  XsoarAppKey: 'xsoar-app.key',
  /** Self-deployed app: the client secret. */
  SelfDeployedClientSecret: 'self-deployed.client-secret',
  /** Self-deployed app: the certificate's private key (PEM). */
  SelfDeployedPrivateKey: 'self-deployed.private-key',
  /** Self-deployed app: the one-time authorization code. */
  SelfDeployedAuthCode: 'self-deployed.auth-code',
  /** The MSAL token cache: app-wide, not per profile. */
  MsalTokenCache: 'msal.token-cache',
  /** The administrator's MSAL token cache (Graph app management; what lets `gma rotate` run unattended): app-wide. */
  MsalAdminTokenCache: 'msal.admin-token-cache',
  /** A saved XSOAR connection's API key (per connection, not per profile). */
  XsoarApiKey: 'xsoar.api-key',
} as const);

/** One of the values of {@link SecretField}. */
export type SecretField = (typeof SecretField)[keyof typeof SecretField];

/** Secrets that belong to one profile (everything but the app-wide token cache and XSOAR connection keys). */
export type ProfileSecretField = Exclude<SecretField, typeof SecretField.MsalTokenCache | typeof SecretField.MsalAdminTokenCache | typeof SecretField.XsoarApiKey>;

/** Every profile-scoped field, in display order. */
export const PROFILE_SECRET_FIELDS: readonly ProfileSecretField[] = [
  SecretField.XsoarAppToken,
  SecretField.XsoarAppKey,
  SecretField.SelfDeployedClientSecret,
  SecretField.SelfDeployedPrivateKey,
  SecretField.SelfDeployedAuthCode,
];

/** The secret fields a method uses, in display order. */
export function secretFieldsFor(method: AuthMethod | null): readonly ProfileSecretField[] {
  switch (method) {
    case 'xsoar-app':
      return [SecretField.XsoarAppToken, SecretField.XsoarAppKey];
    case 'self-deployed':
      return [SecretField.SelfDeployedClientSecret, SecretField.SelfDeployedPrivateKey, SecretField.SelfDeployedAuthCode];
    case 'managed-identity':
    case null:
      return [];
  }
}

/** A label for people. */
export const SECRET_FIELD_LABELS: Record<SecretField, string> = {
  'xsoar-app.token': 'Token (from the consent page)',
  'xsoar-app.key': 'Key (from the consent page)',
  'self-deployed.client-secret': 'Client secret',
  'self-deployed.private-key': 'Certificate private key (PEM)',
  'self-deployed.auth-code': 'Authorization code',
  'msal.token-cache': 'Microsoft sign-in token cache',
  'msal.admin-token-cache': 'Administrator sign-in token cache',
  'xsoar.api-key': 'XSOAR API key',
};

/** The largest secret the vault stores, in UTF-8 bytes (a PEM chain or a token cache fits easily). */
export const MAX_SECRET_BYTES = 256 * 1024;
