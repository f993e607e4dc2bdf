import { AUTH_METHODS, AuthMethod } from '../../../shared/domain/auth-method';
import { fieldError, isMethodAvailable } from '../../../shared/wizard/wizard-selectors';
import type { EditingStepProps } from './step-props';

const AUTH_DOC = 'https://xsoar.pan.dev/docs/reference/articles/microsoft-integrations---authentication';

const DESCRIPTIONS: Record<AuthMethod, { readonly title: string; readonly text: string }> = {
  [AuthMethod.XsoarApp]: {
    title: 'Cortex XSOAR application',
    text: 'The quickest start when your tenant allows it: an administrator of the mailbox’s tenant approves the Cortex XSOAR app on a consent page, which hands back an ID, a Token and a Key. Those three values work for one XSOAR instance only.',
  },
  [AuthMethod.SelfDeployed]: {
    title: 'Self-deployed Entra ID application',
    text: 'Use your own app registration in Entra ID when policy forbids third-party apps or you want full control: a client secret or a certificate, a Web redirect URI, delegated mail permissions, and a one-time authorization code signed in as the mailbox.',
  },
  [AuthMethod.ManagedIdentity]: {
    title: 'Azure managed identity',
    text: 'Only when the integration runs on an Azure VM — for XSOAR 8, on an engine installed on an Azure VM. No secrets at all: the VM’s system-assigned identity, or a user-assigned identity you name by its client ID.',
  },
};

/** Step 1: choose one of the three methods. */
export function MethodStep({ state, dispatch, openExternal }: EditingStepProps & { readonly openExternal: (url: string) => void }) {
  const error = fieldError(state, 'method');
  return (
    <div>
      <p>
        The integration signs in to Microsoft Graph in one of three ways. The fields “ID or Client ID”, “Token or Tenant ID” and “Key or Client
        Secret” mean different things for each, so choose first.
      </p>
      <div className="method-list" role="radiogroup" aria-label="Authentication method">
        {AUTH_METHODS.map((m) => {
          const available = isMethodAvailable(m);
          const d = DESCRIPTIONS[m];
          return (
            <label key={m} className={`method-card${state.draft.method === m ? ' selected' : ''}${available ? '' : ' unavailable'}`}>
              <input
                type="radio"
                name="method"
                value={m}
                checked={state.draft.method === m}
                disabled={!available}
                onChange={() => dispatch({ type: 'method-chosen', method: m })}
              />
              <span className="method-title">
                {d.title}
                {!available && <span className="badge">coming next</span>}
              </span>
              <span className="method-text">{d.text}</span>
            </label>
          );
        })}
      </div>
      {error && (
        <div className="field-error" role="alert" data-field-error="method">
          {error}
        </div>
      )}
      <p className="hint">
        Background:{' '}
        <button type="button" className="link" onClick={() => openExternal(AUTH_DOC)}>
          Microsoft integrations – authentication (xsoar.pan.dev)
        </button>
      </p>
    </div>
  );
}
