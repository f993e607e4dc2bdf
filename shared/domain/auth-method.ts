/**
 * The three ways the integration can authenticate (spec §1.4 mode matrix).
 */
export const AuthMethod = Object.freeze({
  /** The Cortex XSOAR multi-tenant app, via the oproxy consent page (ID, Token, Key). */
  XsoarApp: 'xsoar-app',
  /** A self-deployed Entra ID app registration with a one-time authorization code. */
  SelfDeployed: 'self-deployed',
  /** Azure managed identities (only when the integration runs on an Azure VM). */
  ManagedIdentity: 'managed-identity',
} as const);

/** One of the values of {@link AuthMethod}. */
export type AuthMethod = (typeof AuthMethod)[keyof typeof AuthMethod];

/** All methods, in the order the wizard presents them. */
export const AUTH_METHODS: readonly AuthMethod[] = [AuthMethod.XsoarApp, AuthMethod.SelfDeployed, AuthMethod.ManagedIdentity];
