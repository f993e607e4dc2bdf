import { AuthMethod } from '../domain/auth-method';
import type { FieldProblem } from '../errors/app-error';
import { validateMailbox, validateManagedIdentity, validateMethod, validateMethodBlock } from '../validation/validate-draft';
import { checkOproxyId } from '../oproxy/oproxy-rules';
import { validateXsoarApp } from '../validation/validate-xsoar-app';
import { validateSelfDeployedApp, validateSelfDeployedAuthCode, validateSelfDeployedCredential } from '../validation/validate-self-deployed';
import type { StepId, WizardState } from './wizard-state';
import { latestChecks, standingOf, type CheckStanding, type VerifiedCheckKind } from '../domain/verified-check';

/** The steps of the wizard for a given method, in order. */
export function stepsFor(method: AuthMethod | null): readonly StepId[] {
  switch (method) {
    case AuthMethod.ManagedIdentity:
      return ['method', 'managed-identity', 'mailbox', 'review', 'export'];
    case AuthMethod.XsoarApp:
      return ['method', 'xsoar-app-consent', 'xsoar-app-credentials', 'mailbox', 'review', 'export'];
    case AuthMethod.SelfDeployed:
      return [
        'method',
        'self-deployed-app',
        'self-deployed-credential',
        'self-deployed-setup',
        'mailbox',
        'self-deployed-verify',
        'self-deployed-code',
        'review',
        'export',
      ];
    case null:
      return ['method', 'mailbox', 'review', 'export'];
  }
}

/** Methods that this version can configure end to end. */
export function isMethodAvailable(method: AuthMethod): boolean {
  switch (method) {
    case AuthMethod.ManagedIdentity:
    case AuthMethod.XsoarApp:
    case AuthMethod.SelfDeployed:
      return true;
  }
}

/** The problems that keep the analyst on `step`. */
export function problemsOfStep(step: StepId, state: Pick<WizardState, 'draft' | 'storedSecrets'>): FieldProblem[] {
  const { draft, storedSecrets } = state;
  switch (step) {
    case 'method':
      return draft.method !== null && !isMethodAvailable(draft.method)
        ? [{ field: 'method', message: 'This method is coming in a later version; choose another one.' }]
        : validateMethod(draft);
    case 'managed-identity':
      return validateManagedIdentity(draft);
    case 'xsoar-app-consent':
      return [];
    case 'xsoar-app-credentials':
      return validateXsoarApp(draft, storedSecrets);
    case 'self-deployed-app':
      return validateSelfDeployedApp(draft);
    case 'self-deployed-credential':
      return validateSelfDeployedCredential(draft, storedSecrets);
    // The checklist is advice; the verification is recommended but does not block (the analyst may verify in XSOAR).
    case 'self-deployed-setup':
    case 'self-deployed-verify':
      return [];
    case 'self-deployed-code':
      return validateSelfDeployedAuthCode(draft, storedSecrets);
    case 'mailbox':
      return validateMailbox(draft);
    case 'review':
      return [...validateMethodBlock(draft, storedSecrets), ...validateMailbox(draft)];
    case 'export':
      return [];
  }
}

/** Problems of the current step. */
export function currentProblems(state: WizardState): FieldProblem[] {
  return problemsOfStep(state.screen.step, state);
}

/** The message for one field, if it should be shown now. */
export function fieldError(state: WizardState, field: string): string | undefined {
  if (!state.showErrors) return undefined;
  return currentProblems(state).find((p) => p.field === field)?.message;
}

/** Advice for the ID field that does not block Next (e.g. a self-deployed client ID). */
export function xsoarAppIdHints(state: WizardState): readonly string[] {
  return state.draft.xsoarApp.id.trim() === '' ? [] : checkOproxyId(state.draft.xsoarApp.id).hints;
}

/** One entry of the step rail. */
export interface RailStep {
  readonly step: StepId;
  readonly current: boolean;
  /** Reached with Next and without problems now. */
  readonly completed: boolean;
  /** The rail offers it as a link (see {@link canJumpTo}). */
  readonly canJump: boolean;
}

/**
 * The step rail: every step of the method, which are complete, and which the rail may jump to: any earlier
 * step, and forward any step already reached, up to and including the first step that has problems now (so a
 * change that broke an earlier step stops the jump there, and no step is skipped unseen).
 */
export function stepRail(state: WizardState): RailStep[] {
  const steps = stepsFor(state.draft.method);
  const current = steps.indexOf(state.screen.step);
  const reached = Math.max(steps.indexOf(state.furthestStep), current);
  const incomplete = steps.findIndex((s) => problemsOfStep(s, state).length > 0);
  const firstIncomplete = incomplete === -1 ? steps.length : incomplete;
  // A running export cannot be left (as Back refuses it).
  const locked = state.screen.step === 'export' && state.screen.status.kind === 'saving';
  return steps.map((step, i) => ({
    step,
    current: i === current,
    completed: i <= reached && i < firstIncomplete,
    canJump: !locked && i !== current && (i < current || (i <= reached && i <= firstIncomplete)),
  }));
}

/** Whether the step rail may move to `step` now (see {@link stepRail}). */
export function canJumpTo(state: WizardState, step: StepId): boolean {
  return stepRail(state).some((r) => r.step === step && r.canJump);
}

/** Position of the current step, 1-based, and the number of steps. */
export function progress(state: WizardState): { readonly index: number; readonly total: number } {
  const steps = stepsFor(state.draft.method);
  return { index: steps.indexOf(state.screen.step) + 1, total: steps.length };
}

/**
 * The remembered checks against the current values: each passed check, newest
 * of its kind, marked stale when a value it verified (or the secret it used)
 * changed since. Only self-deployed configurations have these checks.
 */
export function checkStandings(state: Pick<WizardState, 'draft' | 'verifiedChecks' | 'secretVersions'>): CheckStanding[] {
  if (state.draft.method !== AuthMethod.SelfDeployed) return [];
  return latestChecks(state.verifiedChecks).map((c) => standingOf(c, state.draft, state.secretVersions));
}

/** The standing of the check `kind`, or `undefined` when it never passed. */
export function standingOfKind(state: Pick<WizardState, 'draft' | 'verifiedChecks' | 'secretVersions'>, kind: VerifiedCheckKind): CheckStanding | undefined {
  return checkStandings(state).find((s) => s.kind === kind);
}
