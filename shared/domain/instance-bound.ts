import type { ProfileDraft } from './profile-draft';
import { SecretField, type ProfileSecretField } from './secret-field';
import { emptyXsoarAppDraft } from './xsoar-app-draft';

/**
 * Secrets that belong to exactly one XSOAR instance and so must not be
 * copied with a profile: the oproxy Token and Key (the refresh token
 * rotates into one instance's context) and a one-time authorization code.
 */
export const INSTANCE_BOUND_SECRETS: readonly ProfileSecretField[] = [SecretField.XsoarAppToken, SecretField.XsoarAppKey, SecretField.SelfDeployedAuthCode];

/**
 * The draft of a duplicated profile: everything but the values bound to
 * the original's instance (the XSOAR-app ID and its binding, and the time
 * the one-time authorization code was obtained, since the code stays behind).
 */
export function draftForDuplicate(draft: ProfileDraft): ProfileDraft {
  return { ...draft, xsoarApp: emptyXsoarAppDraft(), selfDeployed: { ...draft.selfDeployed, authCodeObtainedAt: '' } };
}
