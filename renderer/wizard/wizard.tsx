import { assertNever } from '../../shared/wizard/assert-never';
import { progress, stepsFor } from '../../shared/wizard/wizard-selectors';
import type { StepId } from '../../shared/wizard/wizard-state';
import { useWizard } from './use-wizard';
import { secretFieldsFor } from '../../shared/domain/secret-field';
import { initialWizardState, wizardReducer } from '../../shared/wizard/wizard-reducer';
import type { WizardState } from '../../shared/wizard/wizard-state';
import type { Profile } from '../../shared/domain/profile';
import { useAutosave } from '../profiles/use-autosave';
import { MethodStep } from './steps/method-step';
import { ManagedIdentityStep } from './steps/managed-identity-step';
import { XsoarAppConsentStep } from './steps/xsoar-app-consent-step';
import { XsoarAppCredentialsStep } from './steps/xsoar-app-credentials-step';
import { MailboxStep } from './steps/mailbox-step';
import { SelfDeployedAppStep } from './steps/self-deployed-app-step';
import { SelfDeployedCredentialStep } from './steps/self-deployed-credential-step';
import { SelfDeployedSetupStep } from './steps/self-deployed-setup-step';
import { SelfDeployedVerifyStep } from './steps/self-deployed-verify-step';
import { SelfDeployedCodeStep } from './steps/self-deployed-code-step';
import { ReviewStep } from './steps/review-step';
import { ExportStep } from './steps/export-step';
import { SendToXsoarPanel } from '../xsoar/send-to-xsoar-panel';

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
    : wizardReducer(fresh, { type: 'draft-loaded', draft: profile.draft, storedSecrets: profile.secretFields, step: profile.resumeStep as StepId });
}

/**
 * The wizard: progress rail, the current step, and Back/Next. With a
 * `profile`, it starts where the profile stopped and autosaves each step.
 */
export function Wizard({ profile = null }: { readonly profile?: Profile | null }) {
  const { state, dispatch, exportSettings, openExternal, storeSecret, ensureProfile, copyText, copySecret, profileId, profileName } = useWizard(stateFor(profile), profile);
  const autosave = useAutosave(profileId, state);
  const steps = stepsFor(state.draft.method);
  const { index, total } = progress(state);
  const step = state.screen.step;
  const busy = state.screen.step === 'export' && state.screen.status.kind === 'saving';

  return (
    <div className="wizard" data-step={step}>
      <ol className="step-rail" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s} className={s === step ? 'current' : i < index - 1 ? 'done' : ''} aria-current={s === step ? 'step' : undefined}>
            {i < index - 1 ? (
              <button type="button" className="link" onClick={() => dispatch({ type: 'go-to', step: s })}>
                {STEP_TITLES[s]}
              </button>
            ) : (
              <span>{STEP_TITLES[s]}</span>
            )}
          </li>
        ))}
      </ol>
      <section className="step" aria-labelledby="step-title">
        <p className="step-count">
          Step {index} of {total}
          {profileId !== null && (
            <span className="autosave" data-autosave={autosave.kind} data-autosave-step={autosave.kind === 'saved' ? autosave.step : undefined}>
              {' '}
              · Profile “{profileName}”{autosave.kind === 'saved' ? ' · saved' : autosave.kind === 'failed' ? ` · not saved: ${autosave.error.message}` : ''}
            </span>
          )}
        </p>
        <h2 id="step-title">{STEP_TITLES[step]}</h2>
        {renderStep()}
      </section>
      <nav className="wizard-nav">
        <button type="button" name="back" onClick={() => dispatch({ type: 'back' })} disabled={index <= 1 || busy}>
          Back
        </button>
        {step !== 'export' && (
          <button type="button" name="next" className="primary" onClick={() => dispatch({ type: 'next' })}>
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
        return <SelfDeployedAppStep state={state} dispatch={dispatch} />;
      case 'self-deployed-credential':
        return <SelfDeployedCredentialStep state={state} dispatch={dispatch} storeSecret={storeSecret} ensureProfile={ensureProfile} />;
      case 'self-deployed-setup':
        return <SelfDeployedSetupStep draft={state.draft} openExternal={openExternal} />;
      case 'self-deployed-verify':
        return <SelfDeployedVerifyStep state={state} dispatch={dispatch} ensureProfile={ensureProfile} />;
      case 'self-deployed-code':
        return (
          <>
            <SelfDeployedCodeStep state={state} dispatch={dispatch} ensureProfile={ensureProfile} openExternal={openExternal} />
            {codeCaptured && xsoarPanel}
          </>
        );
      case 'mailbox':
        return <MailboxStep state={state} dispatch={dispatch} />;
      case 'review':
        return (
          <>
            <ReviewStep draft={state.draft} copy={{ copyText, copySecret }} />
            {xsoarPanel}
          </>
        );
      case 'export':
        return (
          <>
            <ExportStep status={screen.status} instanceName={state.draft.mailbox.instanceName.trim()} hasSecrets={secretFieldsFor(state.draft.method).length > 0} onExport={exportSettings} />
            {xsoarPanel}
          </>
        );
      default:
        return assertNever(screen);
    }
  }
}
