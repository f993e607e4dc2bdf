import { api } from '../ipc/api-client';
import { useCancellableRequest, type RequestState } from '../ipc/use-cancellable-request';

/** One cancellable XSOAR step (probe, send, test, pull). */
export type XsoarOperation<T> = RequestState<T>;

const cancelXsoar = (requestId: string): void => void api.xsoar.cancel({ requestId });

/** Runs XSOAR steps under fresh request ids; Cancel (and leaving the screen) sends `xsoar:cancel`. */
export function useXsoarOperation<T>() {
  return useCancellableRequest<T>('xsoar', cancelXsoar);
}
