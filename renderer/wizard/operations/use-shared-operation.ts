import { useCallback, useSyncExternalStore } from 'react';
import type { Result } from '../../../shared/result';
import { api } from '../../ipc/api-client';
import type { OperationState } from '../self-deployed/use-operation';
import { OperationStore } from './operation-store';

/** The app's one store of wizard operations; the main process cancels by request id. */
export const wizardOperations = new OperationStore((requestId) => {
  void api.auth.cancel({ requestId });
});

/** What {@link useSharedOperation} returns (the same shape as a step-local operation). */
export interface SharedOperation<T> {
  readonly state: OperationState<T>;
  readonly start: (run: (requestId: string) => Promise<Result<T>>) => Promise<Result<T> | null>;
  readonly cancel: () => void;
  readonly reset: () => void;
}

/**
 * An operation of the open profile that outlives the step showing it: the
 * step can be left and shown again (or the wizard left and the profile
 * reopened) and it shows the same running operation or its result.
 */
export function useSharedOperation<T>(profileId: string | null, name: string, store: OperationStore = wizardOperations): SharedOperation<T> {
  const subscribe = useCallback((l: () => void) => store.subscribe(l), [store]);
  const state = useSyncExternalStore(subscribe, () => store.get<T>(profileId, name));
  const start = useCallback((run: (requestId: string) => Promise<Result<T>>) => store.start(profileId, name, run), [store, profileId, name]);
  const cancel = useCallback(() => store.cancel(profileId, name), [store, profileId, name]);
  const reset = useCallback(() => store.reset(profileId, name), [store, profileId, name]);
  return { state, start, cancel, reset };
}
