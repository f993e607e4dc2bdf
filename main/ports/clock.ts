/** Cancels a scheduled callback. */
export type Cancel = () => void;

/**
 * Time, injected so services never read the wall clock or start timers
 * behind the tests' back.
 */
export interface Clock {
  /** The current time. */
  now(): Date;
  /** Runs `callback` once after `ms` milliseconds; returns a canceller. */
  schedule(ms: number, callback: () => void): Cancel;
}
