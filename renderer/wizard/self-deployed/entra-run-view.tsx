import type { AppError } from '../../../shared/errors/app-error';
import { PROVISIONING_STEP_LABELS } from '../../../shared/entra/provisioning-steps';
import type { ProvisioningProgress } from '../../../shared/entra/provisioning-steps';
import { ErrorView } from './operation-view';
import type { EntraRunState } from './use-entra-run';

const STATE_MARK: Record<ProvisioningProgress['state'], string> = { running: '…', done: '✓', unchanged: '=', failed: '✗' };
const FINDING_MARK = { ok: '✓', warning: '!', problem: '✗' } as const;
const FINDING_LABELS: Record<string, string> = {
  'sign-in-audience': 'Single tenant',
  'web-redirect': 'XSOAR redirect URI (Web)',
  'public-redirect': 'http://localhost (Mobile and desktop)',
  'delegated-permissions': 'Delegated permissions',
  'application-permissions': 'No application permissions',
  'service-principal': 'Enterprise application',
  credential: 'Client secret or certificate',
  consent: 'Consent',
};

interface GraphExplanation {
  readonly step: string;
  readonly explanation: { readonly title: string; readonly meaning: string; readonly fix: string; readonly roles: readonly string[] };
}

function graphExplanationOf(error: AppError): GraphExplanation | null {
  const e = error as AppError & Partial<GraphExplanation>;
  return e.explanation !== undefined && Array.isArray(e.explanation.roles) && typeof e.step === 'string' ? { step: e.step, explanation: e.explanation } : null;
}

/** A failed run: the Graph explanation with the directory roles that would allow the step, or the AADSTS view. */
export function EntraErrorView({ error }: { readonly error: AppError }) {
  const graph = graphExplanationOf(error);
  if (graph === null) return <ErrorView error={error} name="entra" />;
  const { explanation } = graph;
  return (
    <div className="op-error" role="alert" data-op-error="entra" data-error-code={error.code} data-entra-failed-step={graph.step}>
      <strong>{explanation.title}</strong>
      <div>
        <span className="label">What it means:</span> {explanation.meaning}
      </div>
      {explanation.roles.length > 0 && (
        <div data-required-roles>
          <span className="label">Directory roles that allow it:</span> {explanation.roles.join(', ')}
        </div>
      )}
      <div data-fix>
        <span className="label">How to fix it:</span> {explanation.fix}
      </div>
    </div>
  );
}

/** The steps of a run (with Cancel while it runs), then the check lines and the writes made. */
export function EntraRunView({ state, onCancel }: { readonly state: EntraRunState; readonly onCancel: () => void }) {
  if (state.kind === 'idle') return null;
  return (
    <div className="entra-run" data-entra-run={state.kind} data-entra-mode={state.mode}>
      <ol className="entra-steps">
        {state.steps.map((p) => (
          <li key={p.step} data-entra-step={p.step} data-state={p.state}>
            <span aria-hidden="true">{STATE_MARK[p.state]}</span> {PROVISIONING_STEP_LABELS[p.step]}
            {p.detail && <span className="hint"> — {p.detail}</span>}
          </li>
        ))}
      </ol>
      {state.kind === 'running' && (
        <div className="op-progress" role="status" data-op-running="entra">
          <span className="spinner" aria-hidden="true" /> {state.steps.length === 0 ? 'Starting…' : 'Working… the administrator signs in in the browser first.'}{' '}
          <button type="button" name="entra-cancel" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'failed' && <EntraErrorView error={state.error} />}
      {state.kind === 'done' && (
        <div data-op-done="entra" data-write-count={state.value.writes.length}>
          <p>
            <strong>{state.value.displayName}</strong> · client ID <code data-entra-client-id>{state.value.clientId}</code> · signed in as {state.value.administrator}
          </p>
          <p className="hint">{state.mode === 'check' ? 'What the registration looks like:' : 'What the registration looked like before this run:'}</p>
          <ul className="checklist">
            {state.value.findings.map((f) => (
              <li key={f.id} data-finding={f.id} data-status={f.status}>
                <span aria-hidden="true">{FINDING_MARK[f.status]}</span> <strong>{FINDING_LABELS[f.id] ?? f.id}</strong>: {f.detail}
                {f.fix && f.status !== 'ok' && <div className="hint">{state.mode === 'check' ? `Repair: ${f.fix}` : f.fix}</div>}
              </li>
            ))}
          </ul>
          <div data-writes>
            {state.value.writes.length === 0 ? (
              <p>{state.mode === 'check' ? 'Nothing was changed (check only).' : 'Nothing needed changing: no write was made.'}</p>
            ) : (
              <ul>
                {state.value.writes.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
          {state.value.secretStored && <p data-secret-stored>The new client secret is in the keychain; it is shown only if you click Reveal on the next step.</p>}
        </div>
      )}
    </div>
  );
}
