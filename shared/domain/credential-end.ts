/**
 * When a stored credential stops working, as the profile keeps it.
 *
 * Public facts only (dates and Entra ID's key id of the credential, which
 * Graph lists to anyone who may read the registration); never the secret.
 */

/** Which credential: the self-deployed app's client secret or certificate, or any other stored secret (dated by hand). */
export const CREDENTIAL_NAMES = ['client-secret', 'certificate', 'secret'] as const;

/** One of {@link CREDENTIAL_NAMES}. */
export type CredentialName = (typeof CREDENTIAL_NAMES)[number];

/** Where an end date came from: Entra ID's password or key credentials (read through Graph), the certificate itself, or the analyst. */
export const CREDENTIAL_END_SOURCES = ['entra', 'certificate', 'manual'] as const;

/** One of {@link CREDENTIAL_END_SOURCES}. */
export type CredentialEndSource = (typeof CREDENTIAL_END_SOURCES)[number];

/** The recorded end of one credential of a profile. */
export interface CredentialEnd {
  readonly credential: CredentialName;
  /** ISO 8601 instant after which the credential is refused. */
  readonly endsAt: string;
  readonly source: CredentialEndSource;
  /** Entra ID's `keyId` of the password or key credential, when read from Graph; what a rotation removes. */
  readonly keyId: string | null;
  /** ISO 8601, when this was recorded: the newest record of a credential wins. */
  readonly recordedAt: string;
  /**
   * The profile's secret version (see `Profile.secretVersions`) of the stored value this date belongs to, or `null`
   * when none was recorded. A record whose version no longer matches describes a replaced value and is ignored.
   */
  readonly secretVersion: string | null;
}

/** Labels for people. */
export const CREDENTIAL_LABELS: Record<CredentialName, string> = {
  'client-secret': 'Client secret',
  certificate: 'Certificate',
  secret: 'Secret',
};

/** Labels for people. */
export const CREDENTIAL_END_SOURCE_LABELS: Record<CredentialEndSource, string> = {
  entra: 'from Entra ID',
  certificate: 'from the certificate',
  manual: 'entered by hand',
};
