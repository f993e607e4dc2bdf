import { useEffect, useState } from 'react';
import { useTypedInput } from '../use-typed-input';
import { SecretField } from '../../../shared/domain/secret-field';
import { AUTH_CODE_LIFETIME_MS, effectiveTenant } from '../../../shared/domain/self-deployed-draft';
import type { AppError } from '../../../shared/errors/app-error';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { fieldError } from '../../../shared/wizard/wizard-selectors';
import { api } from '../../ipc/api-client';
import { ErrorView, OperationView } from '../self-deployed/operation-view';
import { useSharedOperation } from '../operations/use-shared-operation';
import type { EditingStepProps } from './step-props';

type Prepared = ResponseOf<'auth:prepare-code'>;
type StoredCode = ResponseOf<'auth:capture-code'>;

/** Milliseconds left of a code obtained at `obtainedAt` (ISO), never negative. */
export function msLeft(obtainedAt: string, now: number): number {
  const start = Date.parse(obtainedAt);
  return Number.isNaN(start) ? 0 : Math.max(0, start + AUTH_CODE_LIFETIME_MS - now);
}

function Countdown({ obtainedAt }: { readonly obtainedAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = msLeft(obtainedAt, now);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return left > 0 ? (
    <div className="countdown" data-countdown>
      {minutes}:{seconds.toString().padStart(2, '0')} left to save the instance and run <code>!msgraph-mail-test</code>
    </div>
  ) : (
    <div className="countdown expired" data-countdown="expired">
      The code has probably expired (Entra ID accepts it for about 10 minutes). Get a new one unless XSOAR already redeemed it.
    </div>
  );
}

/**
 * Self-deployed app, step 6: the one-time authorization code XSOAR redeems. Built exactly like
 * `!msgraph-mail-generate-login-url` (no PKCE); caught automatically on a loopback redirect URI, otherwise
 * pasted from the browser's address bar. The code goes to the keychain; this page only shows the countdown.
 */
export function SelfDeployedCodeStep({ state, dispatch, ensureProfile, openExternal, profileId: ownerId }: EditingStepProps & {
  readonly ensureProfile: () => Promise<string | null>;
  readonly openExternal: (url: string) => void;
  readonly profileId: string | null;
}) {
  const s = state.draft.selfDeployed;
  // Outlives this step: leaving it while the browser sign-in runs neither closes the listener nor loses the code.
  const capture = useSharedOperation<StoredCode>(ownerId, 'capture-code');
  // The attempt and the pasted address (it carries the code) outlive the step for the session, never in the profile.
  const [prepared, setPrepared] = useTypedInput<Prepared | null>('code-attempt', null);
  const [pasteMode, setPasteMode] = useTypedInput('code-paste-mode', false);
  const [pasted, setPasted] = useTypedInput('pasted-address', '');
  const [error, setError] = useState<AppError | null>(null);
  const [fallback, setFallback] = useTypedInput<string | null>('code-fallback', null);
  const inKeychain = state.storedSecrets.includes(SecretField.SelfDeployedAuthCode);
  // A code obtained before the app, tenant, redirect URI or mailbox changed no longer counts.
  const stored = inKeychain && s.authCodeObtainedAt !== '';

  const accept = (r: Result<StoredCode>): void => {
    if (!r.ok) return;
    dispatch({ type: 'stored-secrets-changed', storedSecrets: r.value.secretFields });
    dispatch({ type: 'self-deployed-changed', patch: { authCodeObtainedAt: r.value.obtainedAt } });
    setPrepared(null);
    setPasteMode(false);
  };

  const getCode = async (): Promise<void> => {
    setError(null);
    setFallback(null);
    capture.reset();
    const profileId = await ensureProfile();
    if (profileId === null) {
      setError({ code: 'internal', message: 'Could not create a profile to hold the code; see the Profiles screen.' });
      return;
    }
    const p = await api.auth.prepareCode({ tenantId: effectiveTenant(s), clientId: s.clientId.trim(), redirectUri: s.redirectUri.trim(), mailbox: state.draft.mailbox.mailboxToFetch.trim() });
    if (!p.ok) {
      setError(p.error);
      return;
    }
    setPrepared(p.value);
    if (!p.value.loopback) {
      setPasteMode(true);
      openExternal(p.value.url);
      return;
    }
    setPasteMode(false);
    const r = await capture.start((requestId) => api.auth.captureCode({ requestId, attemptId: p.value.attemptId, profileId }));
    if (r === null) return;
    if (!r.ok && r.error.code === 'auth/port-in-use') {
      // Something else holds the port: the browser still lands on the redirect; the analyst pastes its address.
      capture.reset();
      setFallback(r.error.message);
      setPasteMode(true);
      openExternal(p.value.url);
      return;
    }
    accept(r);
  };

  const submitPaste = async (): Promise<void> => {
    if (prepared === null) return;
    setError(null);
    const profileId = await ensureProfile();
    if (profileId === null) return;
    const r = await api.auth.pasteCode({ attemptId: prepared.attemptId, profileId, pasted: pasted.trim() });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setPasted('');
    setFallback(null);
    accept(r);
  };

  return (
    <div>
      <p>
        XSOAR signs in with a one-time <strong>authorization code</strong> issued for its redirect URI <code>{s.redirectUri.trim()}</code>. Sign
        in as <strong>{state.draft.mailbox.mailboxToFetch.trim()}</strong>; the code goes to the keychain and into the export. This app never
        redeems it (that would use it up).
      </p>
      <button type="button" name="get-code" className="primary" disabled={capture.state.kind === 'running'} onClick={() => void getCode()}>
        {stored ? 'Get a new code' : 'Get the code for XSOAR'}
      </button>
      <OperationView name="capture-code" state={capture.state} runningText={`Waiting for the sign-in on ${s.redirectUri.trim()} (up to 5 minutes)…`} onCancel={capture.cancel} renderDone={() => null} />
      {fallback !== null && (
        <div className="notice" data-capture-fallback>
          {fallback} Paste the address instead.
        </div>
      )}
      {pasteMode && prepared !== null && (
        <div className="field" data-paste-code>
          <p>
            The sign-in opened in your browser. After signing in, the browser lands on <code>{s.redirectUri.trim()}</code> (an error page is
            normal there). Copy the <strong>whole address</strong> from the address bar and paste it here.
          </p>
          <label htmlFor="pasted-address">Address the browser landed on</label>
          <textarea id="pasted-address" name="pasted-address" rows={3} spellCheck={false} value={pasted} onChange={(e) => {
              setPasted(e.target.value);
              setError(null);
            }} />
          <div className="copy-row">
            <button type="button" name="submit-pasted" disabled={pasted.trim() === ''} onClick={() => void submitPaste()}>
              Take the code
            </button>
            <button type="button" className="link" name="reopen-login" onClick={() => openExternal(prepared.url)}>
              Open the sign-in again
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorView error={error} name="code" />}
      {fieldError(state, 'selfDeployed.authCode') && (
        <div className="field-error" role="alert" data-field-error="selfDeployed.authCode">
          {fieldError(state, 'selfDeployed.authCode')}
        </div>
      )}
      {inKeychain && !stored && (
        <div className="notice" data-code-stale>
          The code in the keychain was obtained for earlier settings (app, tenant, redirect URI or mailbox). Get a new one.
        </div>
      )}
      {stored && (
        <div className="op-ok" data-code-stored>
          <span className="stored-badge">Authorization code stored in keychain</span>
          <Countdown obtainedAt={s.authCodeObtainedAt} />
        </div>
      )}
      <h3>Then, in XSOAR</h3>
      <ol data-next-steps>
        <li>Export on the last step and paste the values into the instance; <strong>Save</strong> the instance right away.</li>
        <li>
          Run <code>!msgraph-mail-test</code> in the War Room. Do <strong>not</strong> use the instance’s Test button: it cannot redeem the code and
          always fails for this method.
        </li>
        <li>
          If the instance already redeemed an earlier code, run <code>!msgraph-mail-auth-reset</code> first, then paste the new code and run{' '}
          <code>!msgraph-mail-test</code>.
        </li>
      </ol>
    </div>
  );
}
