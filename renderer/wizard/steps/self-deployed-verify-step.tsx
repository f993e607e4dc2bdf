import { useTypedInput } from '../use-typed-input';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { SignInChecklistView, type Verification } from '../self-deployed/sign-in-checklist-view';
import { effectiveTenant } from '../../../shared/domain/self-deployed-draft';
import { api } from '../../ipc/api-client';
import { OperationView } from '../self-deployed/operation-view';
import { useSharedOperation } from '../operations/use-shared-operation';
import { VerifyCheckRun } from '../self-deployed/verify-check-run';
import { standingOfKind } from '../../../shared/wizard/wizard-selectors';
import type { EditingStepProps } from './step-props';

/**
 * Self-deployed app, step 5: prove the registration works before XSOAR tries. Three independent checks, each
 * with progress and Cancel: the credential (no user), admin consent (an administrator, in the browser), and a
 * sign-in as the mailbox user with a ✓/✗ checklist. None blocks Next: a tenant may need only some of them.
 *
 * The checks run outside this step: moving to another step (or leaving the wizard) does not cancel them, and
 * the main process records each passed check in the profile, which this step shows when it is back on screen.
 */
export function SelfDeployedVerifyStep({ state, ensureProfile, profileId: ownerId }: EditingStepProps & { readonly ensureProfile: () => Promise<string | null>; readonly profileId: string | null }) {
  const s = state.draft.selfDeployed;
  const m = state.draft.mailbox;
  const tenant = effectiveTenant(s);
  const clientId = s.clientId.trim();
  const credential = useSharedOperation<ResponseOf<'auth:check-credential'>>(ownerId, 'check-credential');
  const consent = useSharedOperation<ResponseOf<'auth:admin-consent'>>(ownerId, 'admin-consent');
  const signIn = useSharedOperation<Verification>(ownerId, 'verify-sign-in');
  const webBegin = useSharedOperation<ResponseOf<'auth:begin-web-sign-in'>>(ownerId, 'begin-web-sign-in');
  const webComplete = useSharedOperation<Verification>(ownerId, 'complete-web-sign-in');
  const profileRef = ownerId === null ? {} : { profileId: ownerId };
  // The address carries an authorization code: remembered for the session only, never in the profile.
  const [pasted, setPasted] = useTypedInput('web-pasted', '');
  const credentialRef = {
    credentialKind: s.credentialKind,
    ...(s.credentialKind === 'certificate' && s.certificate ? { thumbprint: s.certificate.sha1Thumbprint } : {}),
  };

  const checkCredential = () =>
    credential.start(async (requestId) => {
      const profileId = await ensureProfile();
      if (profileId === null) return { ok: false, error: { code: 'internal', message: 'No profile holds the credential yet.' } };
      return api.auth.checkCredential({ requestId, profileId, tenant, clientId, ...credentialRef });
    });

  const beginWeb = () => {
    webComplete.reset();
    return webBegin.start(async (requestId) => {
      const profileId = await ensureProfile();
      if (profileId === null) return { ok: false, error: { code: 'internal', message: 'No profile holds the credential yet.' } };
      return api.auth.beginWebSignIn({
        requestId,
        profileId,
        tenant,
        clientId,
        ...credentialRef,
        redirectUri: s.redirectUri.trim(),
        mailbox: m.mailboxToFetch.trim(),
        folderToFetch: m.folderToFetch.trim() || 'Inbox',
      });
    });
  };

  const completeWeb = (attemptId: string) =>
    webComplete.start(async (requestId) => {
      const r = await api.auth.completeWebSignIn({ requestId, attemptId, pasted: pasted.trim() });
      if (r.ok) setPasted('');
      return r;
    });

  return (
    <div>
      <p>
        Check the registration now, while you are at the portal, instead of finding out in XSOAR. Each check can be repeated after you fix
        something.
      </p>
      <section className="verify-section" data-verify="credential">
        <h3>1. Credential check (no user needed)</h3>
        <p className="hint">Asks Entra ID for an app-only token with the {s.credentialKind === 'secret' ? 'client secret' : 'certificate'}: proves tenant, client ID and credential together. The token is thrown away.</p>
        <VerifyCheckRun
          name="check-credential"
          buttonText="Check the credential"
          operation={credential}
          onStart={() => void checkCredential()}
          standing={standingOfKind(state, 'credential')}
          runningText="Asking Entra ID for a token…"
          renderDone={(v) => (
            <div className="op-ok">
              ✓ Entra ID accepted tenant {v.tenantId}, client ID {clientId} and the {s.credentialKind === 'secret' ? 'client secret' : 'certificate'}.
            </div>
          )}
        />
      </section>
      <section className="verify-section" data-verify="consent">
        <h3>2. Admin consent (when users may not consent)</h3>
        <p className="hint">
          Opens Microsoft’s admin consent page for the four delegated permissions in your browser. An administrator signs in and accepts; the
          answer comes back to this app on http://localhost (register it under Mobile and desktop applications). Skip this if consent is already
          granted.
        </p>
        <VerifyCheckRun
          name="admin-consent"
          buttonText="Ask an administrator to consent"
          operation={consent}
          onStart={() => void consent.start((requestId) => api.auth.adminConsent({ requestId, ...profileRef, tenant, clientId }))}
          standing={standingOfKind(state, 'admin-consent')}
          runningText="Waiting for the administrator in the browser (up to 5 minutes)…"
          renderDone={(v) => <div className="op-ok">✓ Admin consent granted for tenant {v.tenantId}{v.scopes ? ` (${v.scopes.map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '')).join(', ')})` : ''}.</div>}
        />
      </section>
      <section className="verify-section" data-verify="sign-in">
        <h3>3. Sign in as the mailbox</h3>
        <p className="hint">
          Sign in as <strong>{m.mailboxToFetch.trim()}</strong> in your browser. The app then checks the granted permissions, the account, reading
          mail (what <code>!msgraph-mail-test</code> does) and the folder <code>{m.folderToFetch.trim() || 'Inbox'}</code>.
        </p>
        <VerifyCheckRun
          name="verify-sign-in"
          buttonText="Sign in and verify"
          operation={signIn}
          onStart={() =>
            void signIn.start((requestId) =>
              api.auth.verifySignIn({ requestId, ...profileRef, tenant, clientId, mailbox: m.mailboxToFetch.trim(), folderToFetch: m.folderToFetch.trim() || 'Inbox' }),
            )
          }
          standing={standingOfKind(state, 'sign-in')}
          runningText="Waiting for the sign-in in the browser (up to 5 minutes)…"
          renderDone={(v) => <SignInChecklistView verification={v} />}
        />
        <details className="web-sign-in" data-verify="web-sign-in">
          <summary>No Mobile-and-desktop redirect on the registration? Verify through XSOAR’s Web redirect instead</summary>
          <p className="hint">
            The app signs in with its {s.credentialKind === 'secret' ? 'client secret' : 'certificate'} through <code>{s.redirectUri.trim()}</code>. After
            signing in, the browser lands there (an error page is normal); paste the whole address below. This uses a separate code; the one
            for XSOAR comes on the next step.
          </p>
          <button type="button" name="begin-web-sign-in" disabled={webBegin.state.kind === 'running'} onClick={() => void beginWeb()}>
            Sign in through the Web redirect
          </button>
          <OperationView name="begin-web-sign-in" state={webBegin.state} runningText="Opening the sign-in…" onCancel={webBegin.cancel} renderDone={() => null} />
          {webBegin.state.kind === 'done' && webComplete.state.kind !== 'done' && (
            <div className="field">
              <label htmlFor="web-pasted">Address the browser landed on</label>
              <textarea id="web-pasted" name="web-pasted" rows={3} spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
              <button
                type="button"
                name="complete-web-sign-in"
                disabled={pasted.trim() === '' || webComplete.state.kind === 'running'}
                onClick={() => {
                  if (webBegin.state.kind === 'done') void completeWeb(webBegin.state.value.attemptId);
                }}
              >
                Verify
              </button>
            </div>
          )}
          <OperationView
            name="complete-web-sign-in"
            state={webComplete.state}
            runningText="Redeeming the sign-in and running the checks…"
            onCancel={webComplete.cancel}
            renderDone={(v) => <SignInChecklistView verification={v} />}
          />
        </details>
      </section>
    </div>
  );
}
