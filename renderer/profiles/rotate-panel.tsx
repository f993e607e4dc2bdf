import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { SecretField } from '../../shared/domain/secret-field';
import type { AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import { newRequestId } from '../ipc/current-request-runner';

type Progress = ResponseOf<'rotation:progress'>['steps'][number];
type Rotated = ResponseOf<'rotation:start'>;

/** The steps in the order they run, with what people call them. */
const STEP_LABELS: Record<Progress['step'], string> = {
  'sign-in': 'Administrator sign-in',
  create: 'Create the new credential in Entra ID',
  store: 'Store it in the keychain',
  'update-xsoar': 'Update the XSOAR instance',
  test: 'Run !msgraph-mail-test',
  'remove-old': 'Remove the old credential from Entra ID',
  'roll-back': 'Undo',
};
const ORDER: readonly Progress['step'][] = ['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old', 'roll-back'];

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly requestId: string; readonly steps: readonly Progress[]; readonly cancelling: boolean }
  | { readonly kind: 'done'; readonly steps: readonly Progress[]; readonly result: Rotated }
  | { readonly kind: 'failed'; readonly steps: readonly Progress[]; readonly error: AppError };

/** Past this the rotation finishes whatever happens (the new credential passed its test). */
function pastNoReturn(steps: readonly Progress[]): boolean {
  return steps.some((s) => (s.step === 'test' && s.state === 'done') || s.step === 'remove-old');
}

/**
 * Rotate on a self-deployed profile: choose the XSOAR connection holding the instance, then create → store → update
 * XSOAR → test → remove the old credential, with each step's progress; Cancel works until the test has passed (what
 * was done is undone), after that the rotation finishes.
 */
export function RotatePanel({ profile, run }: { readonly profile: Profile; readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null> }) {
  const [connections, setConnections] = useState<readonly string[] | null>(null);
  const [connection, setConnection] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    void api.xsoar.listConnections({}).then((r) => {
      if (!live.current) return;
      const names = r.ok ? r.value.connections.map((c) => c.name) : [];
      setConnections(names);
      setConnection((c) => c || (names[0] ?? ''));
    });
    return () => {
      live.current = false;
    };
  }, []);

  const sd = profile.draft.selfDeployed;
  const credential = sd.credentialKind === 'certificate' ? 'certificate' : 'client secret';
  const field = sd.credentialKind === 'certificate' ? SecretField.SelfDeployedPrivateKey : SecretField.SelfDeployedClientSecret;
  if (profile.draft.method !== 'self-deployed' || !profile.secretFields.includes(field)) return null;

  const start = async (): Promise<void> => {
    const requestId = newRequestId('rotation');
    setState({ kind: 'running', requestId, steps: [], cancelling: false });
    const poll = setInterval(() => {
      void api.rotation.progress({ requestId }).then((r) => {
        if (r.ok && live.current) setState((s) => (s.kind === 'running' && s.requestId === requestId ? { ...s, steps: r.value.steps } : s));
      });
    }, 300);
    const r = await api.rotation.start({ requestId, profileId: profile.id, connection, playgroundId: null, secretDays: 180, certificateDays: 365 });
    clearInterval(poll);
    const last = await api.rotation.progress({ requestId });
    const steps = last.ok ? last.value.steps : [];
    if (!live.current) return;
    setState(r.ok ? { kind: 'done', steps, result: r.value } : { kind: 'failed', steps, error: r.error });
    // The profile changed (new value, new end date) — or, after an undo, nothing did; the list shows it either way.
    await run(() => Promise.resolve({ ok: true, value: null } as const));
  };

  const steps = state.kind === 'idle' ? [] : state.steps;
  return (
    <div className="rotate-panel" data-rotate-state={state.kind}>
      <h3>Rotate the {credential}</h3>
      <p className="hint">
        Creates a new {credential} in Entra ID, stores it in the keychain, gives it to the XSOAR instance “{profile.draft.mailbox.instanceName}” and runs !msgraph-mail-test; only when the test passes is the old one removed. Any failure puts everything back.
      </p>
      {connections !== null && connections.length === 0 ? (
        <p className="hint" data-rotate-needs-connection>Add the XSOAR connection that holds this instance first (XSOAR screen).</p>
      ) : (
        <div className="field">
          <label htmlFor="rotate-connection">XSOAR connection</label>
          <select id="rotate-connection" name="rotate-connection" value={connection} disabled={state.kind === 'running'} onChange={(e) => setConnection(e.target.value)}>
            {(connections ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" name="rotate" className="primary" disabled={state.kind === 'running' || connection === ''} onClick={() => void start()}>
        Rotate {credential}
      </button>{' '}
      {state.kind === 'running' && (
        <button
          type="button"
          name="rotate-cancel"
          disabled={state.cancelling || pastNoReturn(state.steps)}
          onClick={() => {
            setState((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s));
            void api.rotation.cancel({ requestId: state.requestId });
          }}
        >
          {pastNoReturn(state.steps) ? 'Finishing (the new credential passed its test)' : state.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      {steps.length > 0 && (
        <ol className="rotate-steps" aria-live="polite">
          {[...steps].sort((a, b) => ORDER.indexOf(a.step) - ORDER.indexOf(b.step)).map((s) => (
            <li key={s.step} data-rotate-step={s.step} data-state={s.state}>
              <strong>{STEP_LABELS[s.step]}</strong>: {s.state === 'running' ? 'running…' : s.state}
              {s.detail !== '' && <span className="hint"> — {s.detail.split('\n')[0]}</span>}
            </li>
          ))}
        </ol>
      )}
      {state.kind === 'done' && (
        <div className="op-ok" role="status" data-rotate-result="done">
          Rotated: the new {credential} is valid until {state.result.newEndsAt.slice(0, 10)}, the test passed on “{state.result.instanceName}” and the old one was removed from Entra ID.
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="op-error" role="alert" data-rotate-result="failed" data-error-code={state.error.code}>
          {state.error.code === ErrorCode.Cancelled ? 'Cancelled. ' : ''}
          {state.error.message}
        </div>
      )}
    </div>
  );
}
