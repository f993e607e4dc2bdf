import { useState } from 'react';
import { useTypedInput } from '../use-typed-input';
import { SecretField } from '../../../shared/domain/secret-field';
import { ADMIN_SIGN_IN_SCOPES, APP_REQUIRED_SCOPES, DEFAULT_BOOTSTRAP_CLIENT_ID, MAILBOX_USER_LOOKUP_SCOPE, SECRET_EXPIRY_DAYS } from '../../../shared/entra/entra-constants';
import type { ConsentMode } from '../../../shared/entra/registration-model';
import type { AppError } from '../../../shared/errors/app-error';
import type { WizardAction } from '../../../shared/wizard/wizard-actions';
import type { WizardState } from '../../../shared/wizard/wizard-state';
import { TextField } from '../../components/fields';
import { api } from '../../ipc/api-client';
import { EntraRunView } from './entra-run-view';
import { ErrorView } from './operation-view';
import { useEntraRun } from './use-entra-run';

/** Props: the wizard's state and dispatch, and a way to get (or create) the profile that holds the secrets. */
export interface CreateAppPanelProps {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly ensureProfile: () => Promise<string | null>;
}

/**
 * "Create the app for me": every delegated permission shown and explained before an administrator signs in, the
 * choices (credential, secret expiry, consent scope, bootstrap client), then create, check or repair through
 * Microsoft Graph with progress per step and Cancel. The results land in the draft (client ID, tenant GUID) and
 * the keychain (the secret), so the next steps go on without re-typing.
 */
export function CreateAppPanel({ state, dispatch, ensureProfile }: CreateAppPanelProps) {
  const s = state.draft.selfDeployed;
  const mailbox = state.draft.mailbox.mailboxToFetch;
  const run = useEntraRun();
  const [consent, setConsent] = useTypedInput<ConsentMode>('entra-consent', 'tenant');
  const [secretDays, setSecretDays] = useTypedInput<number>('entra-secret-days', 180);
  const [bootstrap, setBootstrap] = useTypedInput('entra-bootstrap-client-id', '');
  const [problem, setProblem] = useState<AppError | null>(null);
  const [generating, setGenerating] = useState(false);
  const running = run.state.kind === 'running';
  const ready = s.tenant.trim() !== '' && s.redirectUri.trim() !== '' && mailbox.trim() !== '' && (s.credentialKind === 'secret' || s.certificate !== null);

  const generateCertificate = async (): Promise<void> => {
    setProblem(null);
    setGenerating(true);
    const profileId = await ensureProfile();
    const r = profileId === null ? null : await api.certs.generate({ profileId, commonName: 'xsoar-graph-mail', validityDays: 365, keySize: 2048 });
    setGenerating(false);
    if (r === null) return setProblem({ code: 'internal', message: 'Could not create a profile to hold the private key; see the Profiles screen.' });
    if (!r.ok) return setProblem(r.error);
    dispatch({ type: 'stored-secrets-changed', storedSecrets: r.value.secretFields });
    dispatch({ type: 'self-deployed-changed', patch: { certificate: r.value.certificate, credentialKind: 'certificate' } });
  };

  const start = async (mode: 'create' | 'check' | 'repair'): Promise<void> => {
    setProblem(null);
    const profileId = await ensureProfile();
    if (profileId === null) return setProblem({ code: 'internal', message: 'Could not create a profile for this app registration; see the Profiles screen.' });
    const result = await run.start({
      profileId,
      draft: state.draft,
      step: state.screen.step,
      mode,
      consent,
      secretExpiryDays: secretDays,
      bootstrapClientId: bootstrap.trim() === '' ? null : bootstrap.trim(),
    });
    if (result === null || mode === 'check') return;
    dispatch({ type: 'self-deployed-changed', patch: { clientId: result.clientId, resolvedTenantId: result.tenantId } });
    if (result.secretStored && !state.storedSecrets.includes(SecretField.SelfDeployedClientSecret)) {
      dispatch({ type: 'stored-secrets-changed', storedSecrets: [...state.storedSecrets, SecretField.SelfDeployedClientSecret] });
    }
  };

  const adminScopes = [...ADMIN_SIGN_IN_SCOPES, ...(consent === 'mailbox-user' ? [MAILBOX_USER_LOOKUP_SCOPE] : [])];
  return (
    <section className="create-app" data-create-app aria-labelledby="create-app-title">
      <h3 id="create-app-title">Create the Entra ID app for me</h3>
      <p>
        No portal visit: an administrator signs in once in the browser, and the assistant creates the app registration through Microsoft Graph — or
        finds the one it made before, or checks and repairs the registration whose client ID is above. Running it again is safe.
      </p>
      <div className="scope-lists">
        <div>
          <h4>The administrator’s sign-in asks for</h4>
          <ul>
            {adminScopes.map((p) => (
              <li key={p.value} data-admin-scope={p.value}>
                <code>{p.value}</code> — to {p.why}
              </li>
            ))}
          </ul>
          <p className="hint">
            Needed role: Application Administrator or Cloud Application Administrator (or Application Developer to create, if your tenant lets users register
            apps).
          </p>
        </div>
        <div>
          <h4>The app gets exactly these delegated Microsoft Graph permissions</h4>
          <ul>
            {APP_REQUIRED_SCOPES.map((p) => (
              <li key={p.value} data-app-scope={p.value}>
                <code>{p.value}</code> — to {p.why}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {mailbox.trim() === '' || state.screen.step === 'self-deployed-app' ? (
        <TextField
          name="entra-mailbox"
          label="Mailbox the integration reads (mailbox_to_fetch)"
          param="mailbox_to_fetch"
          value={mailbox}
          placeholder="soc@contoso.com"
          onChange={(mailboxToFetch) => dispatch({ type: 'mailbox-changed', patch: { mailboxToFetch } })}
        />
      ) : null}
      <fieldset>
        <legend>How the app proves its identity</legend>
        <label>
          <input type="radio" name="entra-credential" value="secret" checked={s.credentialKind === 'secret'} onChange={() => dispatch({ type: 'self-deployed-changed', patch: { credentialKind: 'secret' } })} />
          Client secret, valid for{' '}
          <select name="entra-secret-days" value={secretDays} onChange={(e) => setSecretDays(Number(e.target.value))} disabled={s.credentialKind !== 'secret'}>
            {SECRET_EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>{' '}
          — stored straight in the keychain, shown only on Reveal
        </label>
        <label>
          <input type="radio" name="entra-credential" value="certificate" checked={s.credentialKind === 'certificate'} onChange={() => dispatch({ type: 'self-deployed-changed', patch: { credentialKind: 'certificate' } })} />
          Certificate — only its public part is uploaded; the private key stays in the keychain
        </label>
        {s.credentialKind === 'certificate' &&
          (s.certificate === null ? (
            <button type="button" name="entra-generate-certificate" onClick={() => void generateCertificate()} disabled={generating}>
              {generating ? 'Generating…' : 'Generate a certificate (1 year, RSA 2048)'}
            </button>
          ) : (
            <div className="hint" data-entra-certificate={s.certificate.sha1Thumbprint}>
              Certificate {s.certificate.subject}, thumbprint {s.certificate.sha1Thumbprint}, valid until {s.certificate.notAfter.slice(0, 10)}.
            </div>
          ))}
      </fieldset>
      <fieldset>
        <legend>Consent</legend>
        <label>
          <input type="radio" name="entra-consent" value="tenant" checked={consent === 'tenant'} onChange={() => setConsent('tenant')} />
          For every user in the tenant — simplest; no user ever sees a consent prompt for this app
        </label>
        <label>
          <input type="radio" name="entra-consent" value="mailbox-user" checked={consent === 'mailbox-user'} onChange={() => setConsent('mailbox-user')} />
          For the mailbox user only — least privilege: nobody else can use the app’s permissions; another mailbox later needs its own consent
        </label>
      </fieldset>
      <details>
        <summary>Sign in with my organisation’s own client instead of Microsoft Graph Command Line Tools</summary>
        <p className="hint">
          By default the administrator signs in through Microsoft Graph Command Line Tools ({DEFAULT_BOOTSTRAP_CLIENT_ID}). To use your own: register an app
          once (single tenant), add the Mobile and desktop redirect <code>http://localhost</code>, add the delegated Microsoft Graph permissions
          Application.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All (plus User.ReadBasic.All for mailbox-only consent), grant admin consent, and
          enter its Application (client) ID here.
        </p>
        <TextField name="entra-bootstrap-client-id" label="Bootstrap client ID (optional)" value={bootstrap} placeholder={DEFAULT_BOOTSTRAP_CLIENT_ID} onChange={setBootstrap} />
      </details>
      <div className="copy-row">
        <button type="button" name="entra-create" className="primary" onClick={() => void start('create')} disabled={!ready || running}>
          Sign in as administrator and create the app
        </button>
        <button type="button" name="entra-check" onClick={() => void start('check')} disabled={!ready || running || s.clientId.trim() === ''}>
          Check the registration
        </button>
        <button type="button" name="entra-repair" onClick={() => void start('repair')} disabled={!ready || running || s.clientId.trim() === ''}>
          Repair it
        </button>
      </div>
      {!ready && <div className="hint">Fill in the tenant, the redirect URI and the mailbox{s.credentialKind === 'certificate' ? ', and generate the certificate' : ''} first.</div>}
      {problem && <ErrorView error={problem} name="entra-setup" />}
      <EntraRunView state={run.state} onCancel={run.cancel} />
    </section>
  );
}
