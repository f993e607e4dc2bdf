import type { AuthMethod } from '../domain/auth-method';
import type { MailboxDraft, ManagedIdentityDraft, ProfileDraft } from '../domain/profile-draft';
import type { SecretField } from '../domain/secret-field';
import type { XsoarAppDraft } from '../domain/xsoar-app-draft';
import type { SelfDeployedDraft } from '../domain/self-deployed-draft';
import type { Result } from '../result';
import type { StepId } from './wizard-state';
import type { SecretVersions, VerifiedCheck } from '../domain/verified-check';

/** What the profile holds beside the draft, which the main process changes (checks, secret versions). */
export interface ProfileFacts {
  readonly verifiedChecks: readonly VerifiedCheck[];
  readonly secretVersions: SecretVersions;
}

/** Outcome of an export request as the main process reports it. */
export type ExportOutcome =
  | {
      readonly status: 'saved';
      /** The main file. */
      readonly path: string;
      /** Every file written, the main one first. */
      readonly files: readonly string[];
      readonly warnings: readonly string[];
      readonly containsSecrets: boolean;
      readonly boundInstanceName?: string;
    }
  | { readonly status: 'cancelled' };

/** Everything that can happen to the wizard. */
export type WizardAction =
  | { readonly type: 'method-chosen'; readonly method: AuthMethod }
  | { readonly type: 'managed-identity-changed'; readonly patch: Partial<ManagedIdentityDraft> }
  | { readonly type: 'mailbox-changed'; readonly patch: Partial<MailboxDraft> }
  | { readonly type: 'xsoar-app-changed'; readonly patch: Partial<XsoarAppDraft> }
  | { readonly type: 'self-deployed-changed'; readonly patch: Partial<SelfDeployedDraft> }
  | { readonly type: 'stored-secrets-changed'; readonly storedSecrets: readonly SecretField[] }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: StepId }
  | { readonly type: 'draft-loaded'; readonly draft: ProfileDraft; readonly storedSecrets?: readonly SecretField[]; readonly step?: StepId; readonly facts?: ProfileFacts }
  | { readonly type: 'profile-facts-loaded'; readonly facts: ProfileFacts; readonly storedSecrets: readonly SecretField[] }
  | { readonly type: 'export-started'; readonly requestId: number }
  | { readonly type: 'export-finished'; readonly requestId: number; readonly result: Result<ExportOutcome> };
