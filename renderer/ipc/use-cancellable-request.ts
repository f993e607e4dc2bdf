import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { Result } from '../../shared/result';

/** Where one cancellable main-process request stands. */
export type RequestState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly requestId: string; readonly label: string }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: AppError };

let counter = 0;

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

  const start = useCallback(async (label: string, run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
    counter += 1;
    const requestId = `${idPrefix}-${Date.now().toString(36)}-${counter}`;
    current.current = requestId;
    setState({ kind: 'running', requestId, label });
    let result: Result<T>;
    try {
      result = await run(requestId);
    } catch (error) {
      result = { ok: false, error: { code: 'internal', message: String(error) } };
    }
    if (current.current !== requestId) return null;
    current.current = null;
    setState(result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', error: result.error });
    return result;
  }, [idPrefix]);

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
