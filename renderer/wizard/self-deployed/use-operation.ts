import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors/app-error';
import type { Result } from '../../../shared/result';
import { api } from '../../ipc/api-client';

/** Where one cancellable network step stands. */
export type OperationState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly requestId: string }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: AppError };

let counter = 0;
function newRequestId(): string {
  counter += 1;
  return `op-${Date.now().toString(36)}-${counter}`;
}

/**
 * One cancellable main-process operation: `start` gives it a fresh request id, `cancel` sends `auth:cancel`
 * with that id (the main process aborts the operation and closes its listener). A result whose request id is
 * no longer the current one (the analyst cancelled and started again) is dropped. Leaving the step cancels
 * what is still running, so no listener outlives its screen.
 */
export function useOperation<T>() {
  const [state, setState] = useState<OperationState<T>>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  const start = useCallback(async (run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
    const requestId = newRequestId();
    current.current = requestId;
    setState({ kind: 'running', requestId });
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
  }, []);

  const cancel = useCallback(() => {
    const requestId = current.current;
    if (requestId !== null) void api.auth.cancel({ requestId });
  }, []);

  useEffect(
    () => () => {
      const requestId = current.current;
      if (requestId !== null) void api.auth.cancel({ requestId });
    },
    [],
  );

  return { state, start, cancel, reset: () => setState({ kind: 'idle' }) };
}
