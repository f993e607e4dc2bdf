import { describe, expect, it } from 'vitest';
import { OperationStore, type SettledOperation } from '../../../../renderer/wizard/operations/operation-store';
import type { Result } from '../../../../shared/result';

/** A promise the test resolves by hand: an operation waiting for its administrator. */
function pending<T>(): { readonly promise: Promise<T>; readonly resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('OperationStore', () => {
  it('keeps an operation and its result per profile, whoever is watching', async () => {
    const store = new OperationStore(() => undefined);
    const settled: SettledOperation[] = [];
    store.onSettled((s) => settled.push(s));
    const consent = pending<Result<{ tenantId: string }>>();
    const started = store.start('p1', 'admin-consent', () => consent.promise);
    expect(store.get('p1', 'admin-consent').kind).toBe('running');
    expect(store.anyRunning('p1')).toBe(true);
    expect(store.get('p2', 'admin-consent').kind).toBe('idle');
    consent.resolve({ ok: true, value: { tenantId: 't' } });
    await started;
    expect(store.get('p1', 'admin-consent')).toEqual({ kind: 'done', value: { tenantId: 't' } });
    expect(store.anyRunning('p1')).toBe(false);
    expect(settled).toEqual([{ profileId: 'p1', name: 'admin-consent', result: { ok: true, value: { tenantId: 't' } } }]);
  });

  it('Cancel asks the main process to cancel the current request; a superseded result is dropped', async () => {
    const cancelled: string[] = [];
    const store = new OperationStore((id) => cancelled.push(id));
    const first = pending<Result<string>>();
    let firstId = '';
    const a = store.start('p1', 'capture-code', (id) => {
      firstId = id;
      return first.promise;
    });
    store.cancel('p1', 'capture-code');
    expect(cancelled).toEqual([firstId]);
    const b = store.start('p1', 'capture-code', async () => ({ ok: true, value: 'second' }));
    await b;
    first.resolve({ ok: true, value: 'first' });
    expect(await a).toBeNull();
    expect(store.get('p1', 'capture-code')).toEqual({ kind: 'done', value: 'second' });
  });

  it('notifies subscribers and resets a finished result; a throw becomes a failure', async () => {
    const store = new OperationStore(() => undefined);
    let changes = 0;
    const off = store.subscribe(() => (changes += 1));
    await store.start('p1', 'verify-sign-in', async () => {
      throw new Error('boom');
    });
    expect(store.get('p1', 'verify-sign-in')).toMatchObject({ kind: 'failed', error: { code: 'internal' } });
    store.reset('p1', 'verify-sign-in');
    expect(store.get('p1', 'verify-sign-in').kind).toBe('idle');
    expect(changes).toBe(3);
    off();
    store.reset('p1', 'verify-sign-in');
    expect(changes).toBe(3);
  });
});
