import type { AppError } from '../../shared/errors/app-error';
import type { Result } from '../../shared/result';

/** Where one cancellable main-process request stands. */
export type RequestState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly requestId: string; readonly label: string }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: AppError };

/**
 * Where a caller keeps the request that is current for one slot (a screen's
 * request, one operation of a profile) and shows how it stands.
 */
export interface CurrentRequestSlot<T> {
  /** The id of the slot's current request, if one runs. */
  readonly currentId: () => string | null | undefined;
  /** `requestId` is now the slot's current request and runs. */
  readonly started: (requestId: string) => void;
  /** The current request finished with `result`: it is no longer current. */
  readonly settled: (result: Result<T>) => void;
}

let counter = 0;

/** A request id no other request of this renderer has had: `<idPrefix>-<time>-<n>`. */
export function newRequestId(idPrefix: string): string {
  counter += 1;
  return `${idPrefix}-${Date.now().toString(36)}-${counter}`;
}

/**
 * Runs `run` as the slot's current request under a fresh request id (the id
 * the main process cancels it by). A throw becomes an `internal` failure. The
 * result reaches the slot and the caller only while the request is still the
 * slot's current one: a request cancelled and started again, or superseded,
 * resolves with `null` and changes nothing.
 */
export async function runCurrentRequest<T>(idPrefix: string, slot: CurrentRequestSlot<T>, run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> {
  const requestId = newRequestId(idPrefix);
  slot.started(requestId);
  let result: Result<T>;
  try {
    result = await run(requestId);
  } catch (error) {
    result = { ok: false, error: { code: 'internal', message: String(error) } };
  }
  // Checked and settled in the same turn, so no start in between can be overwritten by this result.
  if (slot.currentId() !== requestId) return null;
  slot.settled(result);
  return result;
}

/** The state a finished request shows: its value, or its error. */
export function settledState<T>(result: Result<T>): RequestState<T> {
  return result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', error: result.error };
}
