/** Why an operation stopped early. */
export type StopReason = 'cancelled' | 'timeout';

/**
 * One bounded operation: the caller's cancel signal and a deadline merged into one `signal` that every network
 * step and listener of the operation uses. `stopReason` tells afterwards whether a failure came from the user's
 * Cancel, from the deadline, or from something else (then `null`), so errors map to the right code.
 */
export class OperationScope {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private reason: StopReason | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCancel = (): void => this.stop('cancelled');
  private readonly cancelSource: AbortSignal | undefined;

  constructor(cancel: AbortSignal | undefined, timeoutMs: number) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.stop('timeout'), timeoutMs);
    if (cancel?.aborted) this.stop('cancelled');
    else cancel?.addEventListener('abort', this.onCancel, { once: true });
    this.cancelSource = cancel;
  }

  /** `cancelled`, `timeout`, or `null` while the operation may still run. */
  get stopReason(): StopReason | null {
    return this.reason;
  }

  private stop(reason: StopReason): void {
    if (this.reason !== null) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.controller.abort(new Error(reason === 'cancelled' ? 'cancelled' : 'timed out'));
  }

  /** Ends the scope: clears the timer and detaches from the caller's signal. Call in `finally`. */
  dispose(): void {
    clearTimeout(this.timer);
    this.cancelSource?.removeEventListener('abort', this.onCancel);
  }
}
