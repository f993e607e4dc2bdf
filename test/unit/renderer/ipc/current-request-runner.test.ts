import { describe, expect, it } from 'vitest';
import { newRequestId, runCurrentRequest, settledState, type CurrentRequestSlot } from '../../../../renderer/ipc/current-request-runner';
import type { Result } from '../../../../shared/result';

/** A slot that records what the runner told it, like a screen's ref or a store's map entry. */
function recordingSlot<T>(): { slot: CurrentRequestSlot<T>; events: string[]; current: () => string | null; supersede: (id: string) => void } {
  let current: string | null = null;
  const events: string[] = [];
  return {
    events,
    current: () => current,
    supersede: (id) => {
      current = id;
    },
    slot: {
      currentId: () => current,
      started: (id) => {
        current = id;
        events.push(`started ${id}`);
      },
      settled: (result) => {
        current = null;
        events.push(`settled ${JSON.stringify(result)}`);
      },
    },
  };
}

describe('runCurrentRequest', () => {
  it('runs under a fresh id and settles the slot with the result', async () => {
    const { slot, events, current } = recordingSlot<string>();
    let seen = '';
    const result = await runCurrentRequest('op', slot, async (id) => {
      seen = id;
      return { ok: true, value: 'v' };
    });
    expect(seen).toMatch(/^op-[0-9a-z]+-\d+$/);
    expect(result).toEqual({ ok: true, value: 'v' });
    expect(events).toEqual([`started ${seen}`, 'settled {"ok":true,"value":"v"}']);
    expect(current()).toBeNull();
  });

  it('drops the result of a request that is no longer current', async () => {
    const { slot, events, supersede } = recordingSlot<string>();
    const result = await runCurrentRequest('op', slot, async () => {
      supersede('someone-else');
      return { ok: true, value: 'late' };
    });
    expect(result).toBeNull();
    expect(events).toHaveLength(1);
  });

  it('turns a throw into an internal failure', async () => {
    const { slot } = recordingSlot<string>();
    const result = await runCurrentRequest('op', slot, async () => {
      throw new Error('boom');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'Error: boom' } });
  });
});

describe('newRequestId and settledState', () => {
  it('never hands out the same id twice, whatever the prefix', () => {
    const ids = [newRequestId('op'), newRequestId('op'), newRequestId('xsoar')];
    expect(new Set(ids.map((id) => id.split('-').at(-1))).size).toBe(3);
  });

  it('shows a value as done and an error as failed', () => {
    const failed: Result<number> = { ok: false, error: { code: 'internal', message: 'm' } };
    expect(settledState<number>({ ok: true, value: 1 })).toEqual({ kind: 'done', value: 1 });
    expect(settledState(failed)).toEqual({ kind: 'failed', error: { code: 'internal', message: 'm' } });
  });
});
