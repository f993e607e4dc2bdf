import type { Cancel, Clock } from '../ports/clock';

/** {@link Clock} over `Date` and `setTimeout`. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  schedule(ms: number, callback: () => void): Cancel {
    const timer = setTimeout(callback, ms);
    // A pending clipboard wipe must not keep the process alive on quit.
    timer.unref?.();
    return () => clearTimeout(timer);
  }
}
