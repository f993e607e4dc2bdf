import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/result';
import { runCurrentRequest, settledState, type RequestState } from './current-request-runner';

// Screens import the request state from the hook they use.
export type { RequestState } from './current-request-runner';

/**
 * One cancellable main-process request at a time: `start` gives it a fresh request id, `cancel` asks the main
 * process (through `sendCancel`, the channel of the request's service) to abort that id. A result whose id is no
 * longer the current one (cancelled and started again) is dropped. Leaving the screen cancels what still runs, so
 * no listener or connection outlives it.
 */
// `sendCancel` should be a stable function (module level), or `cancel` changes identity on every render.
export function useCancellableRequest<T>(idPrefix: string, sendCancel: (requestId: string) => void) {
  const [state, setState] = useState<RequestState<T>>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  const start = useCallback(
    (label: string, run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> =>
      runCurrentRequest(
        idPrefix,
        {
          currentId: () => current.current,
          started: (requestId) => {
            current.current = requestId;
            setState({ kind: 'running', requestId, label });
          },
          settled: (result) => {
            current.current = null;
            setState(settledState(result));
          },
        },
        run,
      ),
    [idPrefix],
  );

  const cancel = useCallback(() => {
    if (current.current !== null) sendCancel(current.current);
  }, [sendCancel]);

  useEffect(
    () => () => {
      if (current.current !== null) sendCancel(current.current);
    },
    [sendCancel],
  );

  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, start, cancel, reset };
}
