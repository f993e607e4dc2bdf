import { useCallback } from 'react';
import type { Result } from '../../../shared/result';
import { api } from '../../ipc/api-client';
import { useCancellableRequest, type RequestState } from '../../ipc/use-cancellable-request';

/** Where one cancellable network step stands. */
export type OperationState<T> = RequestState<T>;

const cancelAuth = (requestId: string): void => void api.auth.cancel({ requestId });

/**
 * One cancellable sign-in step: Cancel (and leaving the step) sends `auth:cancel` with the step's request id, so
 * the main process aborts the operation and closes its listener.
 */
export function useOperation<T>() {
  const request = useCancellableRequest<T>('op', cancelAuth);
  const { start: startLabelled } = request;
  const start = useCallback((run: (requestId: string) => Promise<Result<T>>) => startLabelled('', run), [startLabelled]);
  return { ...request, start };
}
