import { useEffect, useState } from 'react';
import { AuthMethod } from '../../shared/domain/auth-method';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { AUTH_CODE_LIFETIME_MS } from '../../shared/domain/self-deployed-draft';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Result } from '../../shared/result';
import { XSOAR_PRODUCT_LABELS } from '../../shared/xsoar/xsoar-product';
import type { EngineSummary, SendOutcome, SendPlanView, TestReport } from '../../shared/xsoar/xsoar-results';
import { api } from '../ipc/api-client';
import { TestReportView } from './test-report-view';
import { useXsoarConnections } from './use-xsoar-connections';
import { useXsoarOperation } from './use-xsoar-operation';
import { XsoarConnectionsPanel } from './xsoar-connections-panel';
import { XsoarOperationView } from './xsoar-operation-view';

/** Props of {@link SendToXsoarPanel}. */
export interface SendToXsoarPanelProps {
  readonly draft: ProfileDraft;
  /** The profile holding the secrets (created on demand). */
  readonly ensureProfile: () => Promise<string | null>;
  /** XSOAR-app values are now bound to this instance (the wizard keeps it in its draft, as after an export). */
  readonly onBound: (instanceName: string) => void;
}

type UpdatePlan = SendPlanView & { readonly action: 'update' };

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** Minutes left of a self-deployed code, or null when no code time is known. */
function codeMinutesLeft(draft: ProfileDraft, now: number): number | null {
  if (draft.method !== AuthMethod.SelfDeployed || draft.selfDeployed.authCodeObtainedAt === '') return null;
  const left = Date.parse(draft.selfDeployed.authCodeObtainedAt) + AUTH_CODE_LIFETIME_MS - now;
  return Number.isFinite(left) ? Math.floor(left / 60_000) : null;
}

/**
 * "Send to XSOAR": pick a connection (or add one), an engine where the server lists them and, on XSOAR 8 / XSIAM,
 * the playground; then create the instance, or see what changes and confirm the update; then
 * `!msgraph-mail-test` explained. Self-deployed: a warning near the code's expiry and, for an instance that already
 * redeemed a code, `!msgraph-mail-auth-reset` first. Every step shows progress and can be cancelled.
 */
export function SendToXsoarPanel({ draft, ensureProfile, onBound }: SendToXsoarPanelProps) {
  const { connections, error: listError, reload } = useXsoarConnections();
  const [chosenId, setConnectionId] = useState('');
  const [manage, setManage] = useState(false);
  const [enginesOf, setEnginesOf] = useState<{ readonly id: string; readonly engines: readonly EngineSummary[] }>({ id: '', engines: [] });
  const [engine, setEngine] = useState('');
  const [playgroundEdits, setPlaygroundEdits] = useState<Readonly<Record<string, string>>>({});
  const [runTest, setRunTest] = useState(true);
  const [resetFirst, setResetFirst] = useState(true);
  const [confirmRebind, setConfirmRebind] = useState(false);
  const [plan, setPlan] = useState<UpdatePlan | null>(null);
  const planOp = useXsoarOperation<SendPlanView>();
  const sendOp = useXsoarOperation<SendOutcome>();
  const resetOp = useXsoarOperation<TestReport>();
  const now = useNow(15_000);
  // The first connection is preselected; a removed choice falls back to it.
  const connection = connections?.find((c) => c.id === chosenId) ?? connections?.[0] ?? null;
  const connectionId = connection?.id ?? '';
  const engines = enginesOf.id === connectionId ? enginesOf.engines : [];
  const playground = playgroundEdits[connectionId] ?? connection?.playgroundId ?? '';
  const setPlayground = (value: string) => setPlaygroundEdits((p) => ({ ...p, [connectionId]: value }));
  const needsPlayground = connection !== null && connection.product !== null && connection.product !== 'xsoar6';
  const selfDeployed = draft.method === AuthMethod.SelfDeployed;
  const minutesLeft = codeMinutesLeft(draft, now);
  const instanceName = draft.mailbox.instanceName.trim();

  useEffect(() => {
    if (connectionId === '') return undefined;
    let live = true;
    void api.xsoar.listEngines({ requestId: `engines-${Date.now().toString(36)}`, connectionId }).then((r) => {
      if (live) setEnginesOf({ id: connectionId, engines: r.ok ? r.value.engines : [] });
    });
    return () => {
      live = false;
    };
  }, [connectionId]);

  const source = async (requestId: string, rebind: boolean) => {
    const profileId = await ensureProfile();
    return profileId === null ? null : { requestId, connectionId, profileId, draft, engine, confirmRebind: rebind };
  };

  const send = async (confirmedVersion: number | null, rebind: boolean) => {
    setPlan(null);
    const r = await sendOp.start(confirmedVersion === null ? `Creating “${instanceName}”…` : `Updating “${instanceName}”…`, async (requestId): Promise<Result<SendOutcome>> => {
      const s = await source(requestId, rebind);
      if (s === null) return { ok: false, error: { code: ErrorCode.Internal, message: 'Could not create a profile to hold the secrets.' } };
      return api.xsoar.send({ ...s, confirmedVersion, test: runTest, playgroundId: playground.trim() });
    });
    if (r?.ok && r.value.status === 'confirm') setPlan(r.value.plan);
    if (r?.ok && r.value.status === 'sent' && r.value.boundInstanceName !== undefined) onBound(r.value.boundInstanceName);
  };

  const start = async (rebind: boolean) => {
    sendOp.reset();
    resetOp.reset();
    setPlan(null);
    setConfirmRebind(rebind);
    const r = await planOp.start('Looking for the instance on the server…', async (requestId): Promise<Result<SendPlanView>> => {
      const s = await source(requestId, rebind);
      if (s === null) return { ok: false, error: { code: ErrorCode.Internal, message: 'Could not create a profile to hold the secrets.' } };
      return api.xsoar.planSend(s);
    });
    if (!r?.ok) return;
    if (r.value.action === 'create') await send(null, rebind);
    else setPlan(r.value);
  };

  const confirmUpdate = async (p: UpdatePlan) => {
    if (selfDeployed && resetFirst) {
      const reset = await resetOp.start('Running !msgraph-mail-auth-reset…', (requestId) => api.xsoar.authReset({ requestId, connectionId, instanceName, playgroundId: playground.trim() }));
      if (!reset?.ok) return;
    }
    await send(p.version, confirmRebind);
  };

  const bindingError = planOp.state.kind === 'failed' && planOp.state.error.code === ErrorCode.InstanceBindingMismatch;
  const busy = planOp.state.kind === 'running' || sendOp.state.kind === 'running' || resetOp.state.kind === 'running';

  return (
    <section className="send-to-xsoar" data-send-to-xsoar aria-labelledby="send-to-xsoar-title">
      <h3 id="send-to-xsoar-title">Send to Cortex XSOAR</h3>
      <p className="hint">Creates the instance “{instanceName}” (or updates it after showing what changes) through the XSOAR API, then proves it with <code>!msgraph-mail-test</code>.</p>
      {listError !== null && <div className="op-error" role="alert">{listError.message}</div>}
      {connections !== null && connections.length > 0 && (
        <div className="field">
          <label htmlFor="xsoar-connection">Connection</label>
          <select id="xsoar-connection" name="xsoar-connection" value={connectionId} onChange={(e) => {
            setConnectionId(e.target.value);
            setEngine('');
          }}>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.product === null ? c.url : XSOAR_PRODUCT_LABELS[c.product]}
              </option>
            ))}
          </select>{' '}
          <button type="button" className="link" name="manage-connections" onClick={() => setManage((m) => !m)}>
            {manage ? 'Hide connections' : 'Manage connections'}
          </button>
        </div>
      )}
      {connections !== null && (connections.length === 0 || manage) && <XsoarConnectionsPanel connections={connections} onChanged={() => void reload()} />}
      {connection !== null && (
        <>
          {engines.length > 0 && (
            <div className="field">
              <label htmlFor="xsoar-engine">Run on</label>
              <select id="xsoar-engine" name="xsoar-engine" value={engine} onChange={(e) => setEngine(e.target.value)}>
                <option value="">The XSOAR server itself (no engine)</option>
                {engines.map((e) => (
                  <option key={e.id} value={e.id}>{e.name}</option>
                ))}
              </select>
              {draft.method === AuthMethod.ManagedIdentity && <div className="hint">A managed identity works only where the instance runs: choose the engine on the Azure VM that holds it.</div>}
            </div>
          )}
          {needsPlayground && (
            <div className="field">
              <label htmlFor="xsoar-playground">Playground or incident ID for the test</label>
              <input id="xsoar-playground" name="xsoar-playground" value={playground} onChange={(e) => setPlayground(e.target.value)} />
              <div className="hint">XSOAR 8 and XSIAM cannot find your playground by API: copy the ID from the War Room address. It is remembered for this connection.</div>
            </div>
          )}
          <label className="checkbox">
            <input type="checkbox" name="xsoar-run-test" checked={runTest} onChange={(e) => setRunTest(e.target.checked)} /> Run <code>!msgraph-mail-test</code> after sending
          </label>
          {minutesLeft !== null && minutesLeft < 0 && (
            <div className="notice" data-code-expired>The authorization code is older than 10 minutes and Entra ID will refuse it: capture a new code before sending.</div>
          )}
          {minutesLeft !== null && minutesLeft >= 0 && minutesLeft < 4 && (
            <div className="notice" data-code-expiring>The authorization code expires in about {minutesLeft + 1} minute(s): send now.</div>
          )}
          <button type="button" name="send-to-xsoar" className="primary" disabled={busy || (needsPlayground && runTest && playground.trim() === '')} onClick={() => void start(false)}>
            Send to XSOAR
          </button>
        </>
      )}
      <XsoarOperationView state={planOp.state} onCancel={planOp.cancel} name="xsoar-plan">
        {() => null}
      </XsoarOperationView>
      {bindingError && (
        <button type="button" name="send-rebind" onClick={() => void start(true)}>
          Send anyway (the old instance was deleted or renamed)
        </button>
      )}
      {plan !== null && (
        <div className="xsoar-diff" data-xsoar-diff data-after-conflict={plan.afterConflict ? 'true' : undefined}>
          {plan.afterConflict && <div className="notice" data-version-conflict>Someone changed “{plan.instanceName}” while you were sending. This is the instance as it is now:</div>}
          <p>
            “{plan.instanceName}” already exists on {connection?.name}. Updating changes:
          </p>
          {plan.changes.length === 0 ? (
            <p data-no-changes>No plain values change.</p>
          ) : (
            <table className="params">
              <thead>
                <tr><th>Setting</th><th>Now in XSOAR</th><th>After the update</th></tr>
              </thead>
              <tbody>
                {plan.changes.map((c) => (
                  <tr key={c.param} data-change={c.param}>
                    <td>{c.label}</td>
                    <td>{c.before ?? <em>unset</em>}</td>
                    <td>{c.after ?? <em>unset</em>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plan.secretsReplaced.length > 0 && <p className="hint">Secrets replaced with the profile’s values from the keychain: {plan.secretsReplaced.join(', ')}. Other stored secrets stay as they are.</p>}
          {selfDeployed && (
            <label className="checkbox">
              <input type="checkbox" name="xsoar-reset-first" checked={resetFirst} onChange={(e) => setResetFirst(e.target.checked)} /> Run <code>!msgraph-mail-auth-reset</code> first (the instance may already have redeemed an earlier code; a new code is used only after a reset)
            </label>
          )}
          <button type="button" name="confirm-update" className="primary" onClick={() => void confirmUpdate(plan)}>
            Update instance
          </button>{' '}
          <button type="button" name="cancel-update" onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      )}
      <XsoarOperationView state={resetOp.state} onCancel={resetOp.cancel} name="xsoar-reset">
        {(r) => (r.passed ? <div className="op-ok" data-auth-reset>Authorization reset.</div> : <TestReportView report={r} />)}
      </XsoarOperationView>
      <XsoarOperationView state={sendOp.state} onCancel={sendOp.cancel} name="xsoar-send">
        {(outcome) =>
          outcome.status === 'confirm' ? null : (
            <div data-xsoar-sent={outcome.action}>
              <div className="op-ok">
                {outcome.action === 'created' ? 'Created' : 'Updated'} instance “{outcome.instanceName}” on {connection?.name}.
              </div>
              {outcome.test !== null && <TestReportView report={outcome.test} />}
            </div>
          )
        }
      </XsoarOperationView>
    </section>
  );
}
