import { AuthMethod } from '../domain/auth-method';
import type { FieldProblem } from '../errors/app-error';
import { validateMailbox, validateMethod, validateMethodBlock } from '../validation/validate-draft';
import type { ProfileDraft } from '../domain/profile-draft';
import type { StepId, WizardState } from './wizard-state';

/** The steps of the wizard for a given method, in order. */
export function stepsFor(method: AuthMethod | null): readonly StepId[] {
  switch (method) {
    case AuthMethod.ManagedIdentity:
      return ['method', 'managed-identity', 'mailbox', 'review', 'export'];
    case AuthMethod.XsoarApp:
    case AuthMethod.SelfDeployed:
    case null:
      return ['method', 'mailbox', 'review', 'export'];
  }
}

/** Methods that this version can configure end to end. */
export function isMethodAvailable(method: AuthMethod): boolean {
  return method === AuthMethod.ManagedIdentity;
}

/** The problems that keep the analyst on `step`. */
export function problemsOfStep(step: StepId, draft: ProfileDraft): FieldProblem[] {
  switch (step) {
    case 'method':
      return draft.method !== null && !isMethodAvailable(draft.method)
        ? [{ field: 'method', message: 'This method is coming in a later version; choose another one.' }]
        : validateMethod(draft);
    case 'managed-identity':
      return validateMethodBlock(draft);
    case 'mailbox':
      return validateMailbox(draft);
    case 'review':
      return [...validateMethodBlock(draft), ...validateMailbox(draft)];
    case 'export':
      return [];
  }
}

/** Problems of the current step. */
export function currentProblems(state: WizardState): FieldProblem[] {
  return problemsOfStep(state.screen.step, state.draft);
}

/** The message for one field, if it should be shown now. */
export function fieldError(state: WizardState, field: string): string | undefined {
  if (!state.showErrors) return undefined;
  return currentProblems(state).find((p) => p.field === field)?.message;
}

/** Position of the current step, 1-based, and the number of steps. */
export function progress(state: WizardState): { readonly index: number; readonly total: number } {
  const steps = stepsFor(state.draft.method);
  return { index: steps.indexOf(state.screen.step) + 1, total: steps.length };
}
