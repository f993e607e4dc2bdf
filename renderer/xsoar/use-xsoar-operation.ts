import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';

/** One cancellable XSOAR step (probe, send, test, pull). */
export type XsoarOperation<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly label: string }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: AppError };

let counter = 0;

/**
 * Runs XSOAR steps under fresh request ids; Cancel sends `xsoar:cancel`, a stale result (cancelled and restarted)
 * is dropped, and leaving the screen cancels what still runs.
 */
export function useXsoarOperation<T>() {
  const [state, setState] = useState<XsoarOperation<T>>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  const start = useCallback(async (label: string, run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
    counter += 1;
    const requestId = `xsoar-${Date.now().toString(36)}-${counter}`;
    current.current = requestId;
    setState({ kind: 'running', label });
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
    if (requestId !== null) void api.xsoar.cancel({ requestId });
  }, []);

  useEffect(
    () => () => {
      const requestId = current.current;
      if (requestId !== null) void api.xsoar.cancel({ requestId });
    },
    [],
  );

  return { state, start, cancel, reset: () => setState({ kind: 'idle' }) };
}
