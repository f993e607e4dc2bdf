import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/ipc/contract';
import { api } from '../ipc/api-client';
import { useCancellableRequest } from '../ipc/use-cancellable-request';

type Unfinished = ResponseOf<'rotation:unfinished'>;
type Recovered = ResponseOf<'rotation:recover'>;
type Rotation = Unfinished['rotations'][number];

const cancelRotation = (requestId: string): void => void api.rotation.cancel({ requestId });

const PHASE_LABELS: Record<Rotation['phase'], string> = {
  creating: 'while creating the new credential',
  created: 'after storing the new credential',
  'updating-xsoar': 'while updating the XSOAR instance',
  testing: 'while testing the new credential',
  committing: 'after the test passed',
};

const OUTCOME_LABELS: Record<Recovered['reports'][number]['outcome'], string> = {
  'rolled-back': 'undone: the old credential is in use again',
  finished: 'finished: the new credential is in use, the old one was removed',
  'running-elsewhere': 'running in another window or in gma; left to it',
  postponed: 'not finished yet',
  'needs-attention': 'needs you',
};

function describe(r: Rotation): string {
  const what = r.credential === 'certificate' ? 'certificate' : 'client secret';
  const plan = r.recovery === 'roll-forward' ? 'It is to be finished' : 'It is to be undone';
  return `${r.profileName ?? 'A deleted profile'}: the rotation of the ${what} of “${r.instanceName}” stopped ${PHASE_LABELS[r.phase]} (started ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC). ${plan}; until then both credentials stay valid in Entra ID.`;
}

/**
 * Rotations a crash interrupted that the start could not finish or undo by itself (usually: the administrator's
 * cached sign-in had expired). Each is listed with what recovering it will do; "Finish now" does it, opening an
 * administrator sign-in in the browser when needed, and can be cancelled. Shown above every screen, like the expiry
 * banner, because an unfinished rotation blocks deleting its profile and leaves two valid credentials in Entra ID.
 */
export function UnfinishedRotationsBanner() {
  const [unfinished, setUnfinished] = useState<Unfinished | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const { state, start, cancel } = useCancellableRequest<Recovered>('recover', cancelRotation);
  const refresh = useCallback(async (): Promise<void> => {
    const r = await api.rotation.unfinished({});
    if (r.ok) setUnfinished(r.value);
  }, []);
  useEffect(() => {
    let live = true;
    // The main process answers once its unattended recovery at start is over.
    void api.rotation.unfinished({}).then((r) => {
      if (live && r.ok) setUnfinished(r.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const recover = async (): Promise<void> => {
    await start('Finishing the interrupted rotations…', (requestId) => api.rotation.recover({ requestId }));
    await refresh();
  };

  const reports = state.kind === 'done' ? state.value.reports : [];
  if (dismissed || unfinished === null || (unfinished.rotations.length === 0 && unfinished.unreadable.length === 0 && reports.length === 0)) return null;
  const left = unfinished.rotations.length + unfinished.unreadable.length;
  return (
    <section className={`expiry-banner unfinished-rotations ${left === 0 ? 'banner-resolved' : 'expiry-critical'}`} role={left === 0 ? 'status' : 'alert'} aria-labelledby="unfinished-rotations-title" data-unfinished-rotations={left}>
      <h2 id="unfinished-rotations-title" className="banner-title">
        {left === 0 ? 'The interrupted rotations are dealt with.' : `${left === 1 ? 'A credential rotation was' : `${left} credential rotations were`} interrupted.`}
      </h2>
      {reports.length > 0 && (
        <ul data-recovery-reports>
          {reports.map((r) => (
            <li key={r.profileId} data-recovery-outcome={r.outcome}>
              {r.profileName ?? 'A deleted profile'}: {OUTCOME_LABELS[r.outcome]}
              {r.reason ? ` — ${r.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
      {left > 0 && (
        <>
          <ul>
            {unfinished.rotations.map((r) => (
              <li key={r.profileId} data-unfinished-rotation={r.profileName ?? r.profileId} data-recovery={r.recovery}>
                {describe(r)}
                {r.lastAttempt?.reason ? <span className="field-error"> Last try: {r.lastAttempt.reason}</span> : null}
              </li>
            ))}
            {unfinished.unreadable.map((name) => (
              <li key={name} data-unreadable-journal={name}>
                rotations/{name} in the data folder is not a rotation journal this version can act on; it is left as it is.
              </li>
            ))}
          </ul>
          {state.kind === 'running' ? (
            <p role="status">
              {state.label} An administrator sign-in may open in your browser.{' '}
              <button type="button" name="recover-cancel" onClick={cancel}>
                Cancel
              </button>
            </p>
          ) : (
            <p>
              <button type="button" name="recover-now" onClick={() => void recover()} disabled={unfinished.rotations.length === 0}>
                Finish now
              </button>{' '}
              <span className="hint">Opens the administrator sign-in in your browser when the one cached on this computer cannot serve.</span>
            </p>
          )}
          {state.kind === 'failed' && <p className="field-error" role="alert">{state.error.message}</p>}
        </>
      )}
      {left === 0 && (
        <button type="button" name="recover-dismiss" onClick={() => setDismissed(true)}>
          Dismiss
        </button>
      )}
    </section>
  );
}
