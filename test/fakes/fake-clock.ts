import type { Cancel, Clock } from '../../main/ports/clock';

/** A clock that moves only when the test says so. */
export class FakeClock implements Clock {
  private current: number;
  private timers: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 1;

  constructor(start = Date.parse('2026-11-26T10:00:00.000Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  schedule(ms: number, callback: () => void): Cancel {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, callback, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  /** Moves time forward and runs the callbacks that fell due, in order. */
  advance(ms: number): void {
    this.current += ms;
    const due = this.timers.filter((t) => t.at <= this.current).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => t.at > this.current);
    for (const t of due) t.callback();
  }

  /** Callbacks still waiting. */
  get pending(): number {
    return this.timers.length;
  }
}
