import type { AuthMethod } from '../domain/auth-method';
import type { ProfileSecretField } from '../domain/secret-field';

/**
 * One side of an import clash, as the user compares them: no secret values, only which are stored. The main
 * process fills it and the renderer (and `gma import`) shows it, so both read this one shape.
 */
export interface ImportSideSummary {
  /** The profile id (the bundle's, for the incoming side; `null` when the file carries none). */
  readonly id: string | null;
  readonly name: string;
  readonly instanceName: string;
  readonly mailbox: string;
  readonly method: AuthMethod | null;
  readonly secretFields: readonly ProfileSecretField[];
  /** Last change of the existing profile, or the bundle's export time; `null` when unknown. */
  readonly changedAt: string | null;
}

/** Why an import matches an existing profile: the bundle's profile id, or the same XSOAR instance. */
export type ClashReason = 'same-id' | 'same-instance';
