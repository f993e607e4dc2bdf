import type { AppError } from '../errors/app-error';
import type { ProfileDraft } from '../domain/profile-draft';
import type { SecretField } from '../domain/secret-field';
import type { SecretVersions, VerifiedCheck } from '../domain/verified-check';

/** Identifier of a wizard step. */
export type StepId =
  | 'method'
  | 'managed-identity'
  | 'xsoar-app-consent'
  | 'xsoar-app-credentials'
  | 'self-deployed-app'
  | 'self-deployed-credential'
  | 'self-deployed-setup'
  | 'mailbox'
  | 'self-deployed-verify'
  | 'self-deployed-code'
  | 'review'
  | 'export';

/** What the export step is doing. */
export type ExportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving'; readonly requestId: number }
  | { readonly kind: 'saved'; readonly path: string; readonly files: readonly string[]; readonly warnings: readonly string[]; readonly containsSecrets: boolean }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly error: AppError };

/**
 * The screen the wizard shows, as a union keyed by `step`: per-step status
 * lives only on its own step, so an export can never be "saving" while the
 * analyst edits the mailbox.
 */
export type Screen =
  | { readonly step: 'method' }
  | { readonly step: 'managed-identity' }
  | { readonly step: 'xsoar-app-consent' }
  | { readonly step: 'xsoar-app-credentials' }
  | { readonly step: 'self-deployed-app' }
  | { readonly step: 'self-deployed-credential' }
  | { readonly step: 'self-deployed-setup' }
  | { readonly step: 'self-deployed-verify' }
  | { readonly step: 'self-deployed-code' }
  | { readonly step: 'mailbox' }
  | { readonly step: 'review' }
  | { readonly step: 'export'; readonly status: ExportStatus };

/** The whole wizard state. */
export interface WizardState {
  /** What the analyst entered; kept across steps and method switches. */
  readonly draft: ProfileDraft;
  readonly screen: Screen;
  /**
   * The furthest step Next reached with the current method (the step a profile resumed at counts as reached).
   * The step rail may jump forward to it, but never past a step that has problems now.
   */
  readonly furthestStep: StepId;
  /** Secrets the keychain holds for this profile (names only; values never enter the renderer's state). */
  readonly storedSecrets: readonly SecretField[];
  /** Set after Next was refused on this step, so untouched fields show their errors too. */
  readonly showErrors: boolean;
  /** Checks that passed, as the profile remembers them (the main process records them). */
  readonly verifiedChecks: readonly VerifiedCheck[];
  /** Versions of the stored secrets, to tell whether a passed check used the current one. */
  readonly secretVersions: SecretVersions;
}
