import type { CheckInputs, VerifiedCheckKind } from '../../shared/domain/verified-check';

/**
 * Where a passed self-deployed check is remembered (the profile). The
 * auth service calls it when a check passes, whether or not the wizard that
 * started it is still on screen.
 */
export interface CheckRecorder {
  record(profileId: string, kind: VerifiedCheckKind, inputs: CheckInputs, viaWebRedirect: boolean): Promise<unknown>;
  /** An authorization code was stored for the profile at `obtainedAt`: its age counts from then. */
  codeObtained(profileId: string, obtainedAt: string): Promise<unknown>;
}

/** Records nothing (the command line and tests that do not look at checks). */
export const NO_CHECK_RECORDER: CheckRecorder = { record: async () => undefined, codeObtained: async () => undefined };
