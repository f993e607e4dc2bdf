import { describe, expect, it } from 'vitest';
import { abortableDelay } from '../../../../shared/async/abortable-delay';

describe('abortableDelay', () => {
  it('waits the time it is given', async () => {
    const started = Date.now();
    await abortableDelay(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('ends early when the signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = abortableDelay(10_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await waiting;
    await abortableDelay(10_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
