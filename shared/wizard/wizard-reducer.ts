import { emptyDraft } from '../domain/profile-draft';
import { assertNever } from './assert-never';
import type { WizardAction } from './wizard-actions';
import { canJumpTo, problemsOfStep, stepsFor } from './wizard-selectors';
import type { Screen, StepId, WizardState } from './wizard-state';

/** The state of a wizard that has not been touched. */
export function initialWizardState(): WizardState {
  return { draft: emptyDraft(), screen: { step: 'method' }, furthestStep: 'method', storedSecrets: [], showErrors: false, verifiedChecks: [], secretVersions: {} };
}

function screenFor(step: StepId): Screen {
  return step === 'export' ? { step, status: { kind: 'idle' } } : { step };
}

function moveTo(state: WizardState, step: StepId): WizardState {
  return { ...state, screen: screenFor(step), showErrors: false };
}

/** The further of the step reached so far and `step`, in the current method's order. */
function furthestOf(state: WizardState, step: StepId): StepId {
  const steps = stepsFor(state.draft.method);
  return steps.indexOf(step) > steps.indexOf(state.furthestStep) ? step : state.furthestStep;
}

/**
 * The wizard's pure transition function: no I/O, no clocks, no randomness.
 *
 * Next is refused (and errors shown) while the current step has problems;
 * Back moves to the previous step; go-to moves to any earlier step, or forward
 * to a step Next already reached as long as every step before it is complete
 * (see `canJumpTo`), so no step with problems is ever skipped.
 * Export results carry the request id they answer, and a result for a
 * request that is no longer current is dropped.
 */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'method-chosen':
      // Another method has other steps: none of them was reached yet.
      return {
        ...state,
        draft: { ...state.draft, method: action.method },
        showErrors: false,
        furthestStep: action.method === state.draft.method ? state.furthestStep : state.screen.step,
      };
    case 'managed-identity-changed':
      return { ...state, draft: { ...state.draft, managedIdentity: { ...state.draft.managedIdentity, ...action.patch } } };
    case 'mailbox-changed': {
      const mailbox = { ...state.draft.mailbox, ...action.patch };
      // The self-deployed code was signed in as the old mailbox: XSOAR would act as that account.
      const sd = state.draft.selfDeployed;
      const codeStale = sd.authCodeObtainedAt !== '' && mailbox.mailboxToFetch.trim().toLowerCase() !== state.draft.mailbox.mailboxToFetch.trim().toLowerCase();
      const selfDeployed = codeStale ? { ...sd, authCodeObtainedAt: '' } : sd;
      return { ...state, draft: { ...state.draft, mailbox, selfDeployed } };
    }
    case 'xsoar-app-changed':
      return { ...state, draft: { ...state.draft, xsoarApp: { ...state.draft.xsoarApp, ...action.patch } } };
    case 'self-deployed-changed': {
      const current = state.draft.selfDeployed;
      const patch = action.patch;
      // A resolved GUID belongs to the text it was resolved from: a new tenant value forgets it.
      const tenantChanged = patch.tenant !== undefined && patch.tenant.trim() !== current.tenant.trim() && patch.resolvedTenantId === undefined;
      // An authorization code is issued to one app, tenant and redirect URI: a change there needs a new code.
      const codeStale =
        current.authCodeObtainedAt !== '' &&
        patch.authCodeObtainedAt === undefined &&
        (['tenant', 'clientId', 'redirectUri'] as const).some((k) => patch[k] !== undefined && patch[k].trim() !== current[k].trim());
      const next = { ...current, ...patch, ...(tenantChanged ? { resolvedTenantId: '' } : {}), ...(codeStale ? { authCodeObtainedAt: '' } : {}) };
      return { ...state, draft: { ...state.draft, selfDeployed: next } };
    }
    case 'stored-secrets-changed':
      return { ...state, storedSecrets: [...new Set(action.storedSecrets)] };
    case 'next': {
      if (problemsOfStep(state.screen.step, state).length > 0) return { ...state, showErrors: true };
      const steps = stepsFor(state.draft.method);
      const next = steps[steps.indexOf(state.screen.step) + 1];
      return next === undefined ? state : { ...moveTo(state, next), furthestStep: furthestOf(state, next) };
    }
    case 'back': {
      const steps = stepsFor(state.draft.method);
      const previous = steps[steps.indexOf(state.screen.step) - 1];
      if (previous === undefined || (state.screen.step === 'export' && state.screen.status.kind === 'saving')) return state;
      return moveTo(state, previous);
    }
    case 'go-to':
      return canJumpTo(state, action.step) ? moveTo(state, action.step) : state;
    case 'draft-loaded': {
      const steps = stepsFor(action.draft.method);
      const step = action.step !== undefined && steps.includes(action.step) ? action.step : 'method';
      return {
        draft: action.draft,
        screen: screenFor(step),
        furthestStep: step,
        storedSecrets: action.storedSecrets ?? [],
        showErrors: false,
        verifiedChecks: action.facts?.verifiedChecks ?? [],
        secretVersions: action.facts?.secretVersions ?? {},
      };
    }
    case 'profile-facts-loaded':
      // Only the facts: the profile object handed in also carries a (possibly older) saved draft.
      return { ...state, verifiedChecks: action.facts.verifiedChecks, secretVersions: action.facts.secretVersions, storedSecrets: [...new Set(action.storedSecrets)] };
    case 'export-started':
      if (state.screen.step !== 'export') return state;
      return { ...state, screen: { step: 'export', status: { kind: 'saving', requestId: action.requestId } } };
    case 'export-finished': {
      const s = state.screen;
      if (s.step !== 'export' || s.status.kind !== 'saving' || s.status.requestId !== action.requestId) return state;
      const r = action.result;
      if (!r.ok) return { ...state, screen: { step: 'export', status: { kind: 'failed', error: r.error } } };
      if (r.value.status === 'cancelled') return { ...state, screen: { step: 'export', status: { kind: 'cancelled' } } };
      const bound = r.value.boundInstanceName;
      // The export tells which instance XSOAR-app values now belong to; the profile remembers it.
      const draft = bound === undefined ? state.draft : { ...state.draft, xsoarApp: { ...state.draft.xsoarApp, boundInstanceName: bound } };
      const { path, files, warnings, containsSecrets } = r.value;
      return { ...state, draft, screen: { step: 'export', status: { kind: 'saved', path, files, warnings, containsSecrets } } };
    }
    default:
      return assertNever(action);
  }
}
