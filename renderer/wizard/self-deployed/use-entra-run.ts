import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors/app-error';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { ProvisioningProgress } from '../../../shared/entra/provisioning-steps';
import { api } from '../../ipc/api-client';
import { newRequestId } from '../../ipc/current-request-runner';

/** A run's result as the renderer gets it. */
export type EntraRunResult = ResponseOf<'entra:run'>;

/** Where a create, check or repair stands. */
export type EntraRunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly mode: string; readonly steps: readonly ProvisioningProgress[] }
  | { readonly kind: 'done'; readonly mode: string; readonly steps: readonly ProvisioningProgress[]; readonly value: EntraRunResult }
  | { readonly kind: 'failed'; readonly mode: string; readonly steps: readonly ProvisioningProgress[]; readonly error: AppError };

/** How often the steps are asked for while a run is going (the IPC has no push channel). */
const POLL_MS = 300;

/**
 * One create, check or repair at a time: a fresh request id per run, the steps polled while it runs, Cancel through
 * `entra:cancel`, a stale result (after Cancel and a new start) dropped. Leaving the screen cancels the run.
 */
export function useEntraRun() {
  const [state, setState] = useState<EntraRunState>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  const start = useCallback(async (request: Omit<RequestOf<'entra:run'>, 'requestId'>): Promise<EntraRunResult | null> => {
    const requestId = newRequestId('entra');
    current.current = requestId;
    const mode = request.mode;
    setState({ kind: 'running', mode, steps: [] });
    const poll = setInterval(() => {
      void api.entra.progress({ requestId }).then((r) => {
        if (r.ok && current.current === requestId) setState((s) => (s.kind === 'running' ? { ...s, steps: r.value.steps } : s));
      });
    }, POLL_MS);
    const result = await api.entra.run({ ...request, requestId }).finally(() => clearInterval(poll));
    if (current.current !== requestId) return null;
    current.current = null;
    const last = await api.entra.progress({ requestId });
    const steps = last.ok ? last.value.steps : [];
    setState(result.ok ? { kind: 'done', mode, steps, value: result.value } : { kind: 'failed', mode, steps, error: result.error });
    return result.ok ? result.value : null;
  }, []);

  const cancel = useCallback(() => {
    if (current.current !== null) void api.entra.cancel({ requestId: current.current });
  }, []);

  useEffect(() => () => {
    if (current.current !== null) void api.entra.cancel({ requestId: current.current });
  }, []);

  return { state, start, cancel };
}
