import type { Result } from '../../shared/result';
import type { RotatedCredential, RotationPhase } from '../../shared/lifecycle/rotation-journal';

/** One rotation as asked for. */
export interface RotationRequest {
  readonly profileId: string;
  /** The saved XSOAR connection (name or id) holding the profile's instance. */
  readonly connection: string;
  /** Where `!msgraph-mail-test` runs; `null`: the connection's saved playground (or found, on XSOAR 6). */
  readonly playgroundId: string | null;
  /** Validity of a new client secret, in days (1–730). */
  readonly secretDays: number;
  /** Validity of a new certificate, in days (1–365). */
  readonly certificateDays: number;
}

/** The steps as people see them. */
export const ROTATION_STEPS = ['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old'] as const;

/** One of {@link ROTATION_STEPS}, or the undoing of a failed rotation. */
export type RotationStep = (typeof ROTATION_STEPS)[number] | 'roll-back';

/** A progress report. */
export interface RotationProgress {
  readonly step: RotationStep;
  readonly state: 'running' | 'done' | 'failed';
  readonly detail: string;
}

/** What a finished rotation did (never a secret). */
export interface RotationResult {
  readonly credential: RotatedCredential;
  readonly instanceName: string;
  readonly newEndsAt: string;
  readonly newKeyId: string | null;
  readonly removedKeyId: string | null;
  readonly removedThumbprint: string | null;
}

/**
 * What a recovery did with one journal left behind: undone or finished; left to the process running it; or left as
 * it is, with the reason, because it cannot be acted on now (`postponed`: no administrator token, XSOAR unreachable;
 * tried again at the next start) or without the user (`needs-attention`: its profile is gone, or the file is not a
 * journal this version understands).
 */
export type RecoveryReport =
  | { readonly profileId: string; readonly outcome: 'rolled-back' | 'finished' | 'running-elsewhere' }
  | { readonly profileId: string; readonly outcome: 'postponed' | 'needs-attention'; readonly reason: string };

/** True when the report leaves the journal in place (something still to do). */
export function recoveryLeftOver(report: RecoveryReport): report is Extract<RecoveryReport, { reason: string }> {
  return report.outcome === 'postponed' || report.outcome === 'needs-attention';
}

/** Why a report leaves its journal in place, `null` when it does not. */
export function reasonOf(report: RecoveryReport): string | null {
  return 'reason' in report ? report.reason : null;
}

/** The administrator's Graph token, interactively or from the keychain's cache (the caller decides). */
export interface AdminTokenSource {
  token(tenant: string, cancel?: AbortSignal): Promise<Result<{ readonly accessToken: string; readonly tenantId: string; readonly username: string }>>;
}

/** An outside action of a rotation, as the crash tests name the points they stop at. */
export type RotationAction = 'created' | 'staged' | 'xsoar-updated' | 'tested' | 'promoted' | 'old-removed' | 'xsoar-restored' | 'new-removed';

/** Test hooks: called after each journal write and after each outside action (crash tests pause there). */
export interface RotationHooks {
  readonly journaled?: (phase: RotationPhase) => Promise<void>;
  readonly acted?: (what: RotationAction) => Promise<void>;
}
