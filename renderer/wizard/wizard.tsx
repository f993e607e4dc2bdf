import { Suspense, useEffect, useState, type MutableRefObject } from 'react';
import { TypedInputScope } from './use-typed-input';
import { useStepFocus } from './use-step-focus';
import { unavailableExportChoices } from '../../shared/export/export-availability';
import { MethodStep } from './steps/method-step';
import { assertNever } from '../../shared/wizard/assert-never';
import { checkStandings, progress, stepRail } from '../../shared/wizard/wizard-selectors';
import type { StepId } from '../../shared/wizard/wizard-state';
import { useWizard } from './use-wizard';
import { secretFieldsFor } from '../../shared/domain/secret-field';
import { initialWizardState, wizardReducer } from '../../shared/wizard/wizard-reducer';
import type { WizardState } from '../../shared/wizard/wizard-state';
import type { Profile } from '../../shared/domain/profile';
import { useAutosave } from '../profiles/use-autosave';
import {
  ExportStep,
  MailboxStep,
  ManagedIdentityStep,
  preloadStepsFor,
  ReviewStep,
  SelfDeployedAppStep,
  SelfDeployedCodeStep,
  SelfDeployedCredentialStep,
  SelfDeployedSetupStep,
  SelfDeployedVerifyStep,
  XsoarAppConsentStep,
  XsoarAppCredentialsStep,
} from './lazy-steps';
import { CreateAppPanel } from './self-deployed/create-app-panel';
import { createPortal } from 'react-dom';
import { SendToXsoarPanel } from './lazy-xsoar-panel';
import { SaveState } from './save-state';
import { requiredFields } from '../../shared/wizard/required-fields';
import { RequiredLegend } from '../components/fields';

/** Steps where the analyst types values: their required fields carry an asterisk the legend explains. */
const INPUT_STEPS: ReadonlySet<StepId> = new Set(['managed-identity', 'xsoar-app-credentials', 'self-deployed-app', 'self-deployed-credential', 'mailbox']);

const STEP_TITLES: Record<StepId, string> = {
  method: 'Authentication method',
  'managed-identity': 'Managed identity',
  'xsoar-app-consent': 'Admin consent',
  'xsoar-app-credentials': 'ID, Token and Key',
  'self-deployed-app': 'App registration',
  'self-deployed-credential': 'Client secret or certificate',
  'self-deployed-setup': 'Entra ID setup checklist',
  'self-deployed-verify': 'Verify',
  'self-deployed-code': 'Authorization code for XSOAR',
  mailbox: 'Mailbox and fetch settings',
  review: 'Review',
  export: 'Export',
};

/** The wizard's state when `profile` is opened: its draft, at the step where it stopped. */
function stateFor(profile: Profile | null): WizardState {
  const fresh = initialWizardState();
  // The reducer falls back to the first step if the saved one no longer exists.
  return profile === null
    ? fresh
    : wizardReducer(fresh, { type: 'draft-loaded', draft: profile.draft, storedSecrets: profile.secretFields, step: profile.resumeStep as StepId, facts: profile });
}

/** Props of {@link Wizard}. */
export interface WizardProps {
  readonly profile?: Profile | null;
  /** Where the header shows the saved state (absent in component tests). */
  readonly headerSlot?: HTMLElement | null;
  /** The app calls this before it leaves the wizard: it saves what is pending. */
  readonly leaveGuardRef?: MutableRefObject<(() => Promise<void>) | null>;
}

/**
 * The wizard: progress rail, the current step, and Back/Next. One
 * configuration is one profile: it is created when a method is chosen and
 * saved on every change; with a `profile`, the wizard starts where it stopped.
 */
export function Wizard({ profile = null, headerSlot = null, leaveGuardRef }: WizardProps) {
  const { state, dispatch, exportSettings, openExternal, storeSecret, ensureProfile, copyText, copySecret, profileId, profileName, createError, profileSaved, settle } =
    useWizard(stateFor(profile), profile);
  const autosave = useAutosave(profileId, state, profile !== null, profileSaved);
  // Typed input outside the draft is remembered per profile; before there is one, per wizard run (never shared with the next).
  const [runKey] = useState(() => `run-${Math.random().toString(36).slice(2)}`);
  const flush = autosave.flush;
  useEffect(() => {
    if (leaveGuardRef === undefined) return;
    leaveGuardRef.current = async () => {
      await settle();
      await flush();
    };
    return () => {
      leaveGuardRef.current = null;
    };
  }, [leaveGuardRef, settle, flush]);
  const rail = stepRail(state);
  const { index, total } = progress(state);
  const step = state.screen.step;
  const busy = state.screen.step === 'export' && state.screen.status.kind === 'saving';
  const method = state.draft.method;
  useEffect(() => preloadStepsFor(method), [method]);
  const { headingRef, sectionRef, next, onKeyDown } = useStepFocus(step, () => dispatch({ type: 'next' }));

  return (
    <div className="wizard" data-step={step}>
      <ol className="step-rail" aria-label="Steps">
        {rail.map((r) => (
          <li key={r.step} className={r.current ? 'current' : r.completed ? 'done' : ''} aria-current={r.current ? 'step' : undefined} data-rail-step={r.step}>
            {r.canJump ? (
              <button type="button" className="link" name={`go-to-${r.step}`} onClick={() => dispatch({ type: 'go-to', step: r.step })}>
                {STEP_TITLES[r.step]}
                {r.completed && <span className="visually-hidden"> (done)</span>}
              </button>
            ) : (
              <span>{STEP_TITLES[r.step]}</span>
            )}
          </li>
        ))}
      </ol>
      <section className="step" aria-labelledby="step-title" ref={sectionRef} onKeyDown={onKeyDown}>
        <p className="step-count">
          Step {index}
          {state.draft.method !== null && <> of {total}</>}
        </p>
        {headerSlot !== null && createPortal(<SaveState profileName={profileId === null ? null : profileName} status={autosave.status} createError={createError} />, headerSlot)}
        <h2 id="step-title" tabIndex={-1} ref={headingRef}>{STEP_TITLES[step]}</h2>
        {INPUT_STEPS.has(step) && requiredFields(step, state).size > 0 && <RequiredLegend />}
        <TypedInputScope.Provider value={profileId ?? runKey}>
          <Suspense fallback={<p className="loading">Loading…</p>}>{renderStep()}</Suspense>
        </TypedInputScope.Provider>
      </section>
      <nav className="wizard-nav">
        <button type="button" name="back" onClick={() => dispatch({ type: 'back' })} disabled={index <= 1 || busy}>
          Back
        </button>
        {step !== 'export' && (
          <button type="button" name="next" className="primary" onClick={next}>
            Next
          </button>
        )}
      </nav>
    </div>
  );

  function renderStep() {
    const screen = state.screen;
    // Send to XSOAR: under Review and Export, and right after a self-deployed code is captured.
    const xsoarPanel = <SendToXsoarPanel draft={state.draft} ensureProfile={ensureProfile} onBound={(n) => dispatch({ type: 'xsoar-app-changed', patch: { boundInstanceName: n } })} />;
    const codeCaptured = state.storedSecrets.includes('self-deployed.auth-code') && state.draft.selfDeployed.authCodeObtainedAt !== '';
    switch (screen.step) {
      case 'method':
        return <MethodStep state={state} dispatch={dispatch} openExternal={openExternal} />;
      case 'managed-identity':
        return <ManagedIdentityStep state={state} dispatch={dispatch} />;
      case 'xsoar-app-consent':
        return <XsoarAppConsentStep openExternal={openExternal} />;
      case 'xsoar-app-credentials':
        return <XsoarAppCredentialsStep state={state} dispatch={dispatch} storeSecret={storeSecret} />;
      case 'self-deployed-app':
        return (
          <>
            <SelfDeployedAppStep state={state} dispatch={dispatch} openExternal={openExternal} />
            <CreateAppPanel state={state} dispatch={dispatch} ensureProfile={ensureProfile} />
          </>
        );
      case 'self-deployed-credential':
        return <SelfDeployedCredentialStep state={state} dispatch={dispatch} storeSecret={storeSecret} ensureProfile={ensureProfile} />;
      case 'self-deployed-setup':
        return <SelfDeployedSetupStep draft={state.draft} openExternal={openExternal} />;
      case 'self-deployed-verify':
        return <SelfDeployedVerifyStep state={state} dispatch={dispatch} ensureProfile={ensureProfile} profileId={profileId} />;
      case 'self-deployed-code':
        return (
          <>
            <SelfDeployedCodeStep state={state} dispatch={dispatch} ensureProfile={ensureProfile} openExternal={openExternal} profileId={profileId} />
            {codeCaptured && xsoarPanel}
          </>
        );
      case 'mailbox':
        return <MailboxStep state={state} dispatch={dispatch} />;
      case 'review':
        return (
          <>
            <ReviewStep draft={state.draft} copy={{ copyText, copySecret }} standings={checkStandings(state)} />
            {xsoarPanel}
          </>
        );
      case 'export':
        return (
          <>
            <ExportStep
              status={screen.status}
              instanceName={state.draft.mailbox.instanceName.trim()}
              hasSecrets={secretFieldsFor(state.draft.method).length > 0}
              onExport={exportSettings}
              unavailable={unavailableExportChoices(state.draft)}
              authCodeObtainedAt={state.draft.method === 'self-deployed' ? state.draft.selfDeployed.authCodeObtainedAt : ''}
              selfDeployed={state.draft.method === 'self-deployed'}
              sendToXsoarHere
            />
            {xsoarPanel}
          </>
        );
      default:
        return assertNever(screen);
    }
  }
}
