import type { AuthMethod } from './auth-method';
import type { CredentialEnd } from './credential-end';
import type { ProfileDraft } from './profile-draft';
import type { ProfileSecretField } from './secret-field';
import type { SecretVersions, VerifiedCheck } from './verified-check';

/**
 * One XSOAR instance configuration, as the profiles file keeps it.
 *
 * Everything here is non-secret: secrets live in the keychain, and
 * `secretFields` only records which of them are stored.
 */
export interface Profile {
  /** Random UUID; part of the profile's keychain account names. */
  readonly id: string;
  readonly name: string;
  /**
   * True once the analyst named the profile (Profiles screen, rename, import).
   * While false, the name follows the draft's instance name on every save.
   */
  readonly nameSetByUser: boolean;
  /** The wizard's settings; `draft.method` is the profile's method. */
  readonly draft: ProfileDraft;
  /** The secret fields stored in the keychain for this profile. */
  readonly secretFields: readonly ProfileSecretField[];
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Free text; never a secret. */
  readonly notes: string;
  /** When the profile's secret (client secret, certificate) expires, `YYYY-MM-DD`, as entered by hand, if known. */
  readonly secretExpiresAt: string | null;
  /** End dates of the stored credentials: read from Entra ID, taken from the certificate or entered by hand. */
  readonly credentialEnds: readonly CredentialEnd[];
  /** The wizard step to resume at. */
  readonly resumeStep: string;
  /** The newest passed check of each kind (recorded by the main process when the check passes). */
  readonly verifiedChecks: readonly VerifiedCheck[];
  /** A random id per stored secret value, replaced on every write: what a check's `secretVersion` refers to. */
  readonly secretVersions: SecretVersions;
}

/** The method of a profile. */
export function profileMethod(profile: Profile): AuthMethod | null {
  return profile.draft.method;
}

/** Longest profile name. */
export const MAX_PROFILE_NAME = 120;
/** Longest notes text. */
export const MAX_PROFILE_NOTES = 4000;
