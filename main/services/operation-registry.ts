import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, type Result } from '../../shared/result';

/**
 * The cancellable operations in flight, by the request id the renderer chose.
 *
 * Each network step of the wizard runs under one AbortController kept here, so
 * the renderer's Cancel (`auth:cancel` with the same id) reaches the service's
 * signal and closes its listener at once. Ids are per window and short-lived;
 * a second operation with an id in use is refused rather than sharing a signal.
 */
export class OperationRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Runs `operation` under a fresh signal registered as `requestId`, then forgets it. */
  async run<T>(requestId: string, operation: (signal: AbortSignal) => Promise<Result<T>>): Promise<Result<T>> {
    if (this.running.has(requestId)) return fail(appError(ErrorCode.OperationBusy, `Operation ${requestId} is already running.`));
    const controller = new AbortController();
    this.running.set(requestId, controller);
    try {
      return await operation(controller.signal);
    } finally {
      this.running.delete(requestId);
    }
  }

  /** Aborts the operation `requestId`; true when one was running. */
  cancel(requestId: string): boolean {
    const controller = this.running.get(requestId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** How many operations are in flight (for tests and shutdown). */
  get size(): number {
    return this.running.size;
  }
}
