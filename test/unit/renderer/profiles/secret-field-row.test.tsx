// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Result } from '../../../../shared/result';

const calls: Array<[string, unknown]> = [];
vi.mock('../../../../renderer/ipc/api-client', () => ({
  api: {
    secrets: {
      reveal: async (req: unknown) => {
        calls.push(['reveal', req]);
        return { ok: true, value: { value: 'the-secret-value' } };
      },
      copy: async (req: unknown) => {
        calls.push(['copy', req]);
        return { ok: true, value: { clearsAfterSeconds: 30 } };
      },
    },
  },
}));

const { SecretFieldRow, REVEAL_MS } = await import('../../../../renderer/profiles/secret-field-row');

const run = async <T,>(action: () => Promise<Result<T>>): Promise<T | null> => {
  const r = await action();
  return r.ok ? r.value : null;
};

beforeEach(() => {
  vi.useFakeTimers();
  calls.length = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SecretFieldRow', () => {
  it('shows "stored in keychain" and no value until Reveal, then hides it again after 30 s', async () => {
    render(<SecretFieldRow profileId="p1" field="xsoar-app.token" stored run={run} />);
    expect(screen.getByText('stored in keychain')).toBeTruthy();
    expect(document.body.textContent).not.toContain('the-secret-value');
    expect(calls).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    });
    expect(calls).toEqual([['reveal', { profileId: 'p1', field: 'xsoar-app.token' }]]);
    expect(document.querySelector('[data-revealed]')?.textContent).toBe('the-secret-value');
    await act(async () => {
      vi.advanceTimersByTime(REVEAL_MS - 1);
    });
    expect(document.querySelector('[data-revealed]')).not.toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    expect(document.querySelector('[data-revealed]')).toBeNull();
    expect(document.body.textContent).not.toContain('the-secret-value');
  });

  it('Copy asks the main process and never receives the value', async () => {
    render(<SecretFieldRow profileId="p1" field="xsoar-app.key" stored run={run} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    });
    expect(calls).toEqual([['copy', { profileId: 'p1', field: 'xsoar-app.key' }]]);
    expect(screen.getByText(/clipboard is cleared in 30 s/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('the-secret-value');
  });

  it('an unset field offers a masked input and no Reveal', () => {
    render(<SecretFieldRow profileId="p1" field="self-deployed.client-secret" stored={false} run={run} />);
    expect((document.querySelector('input[name=secret-value]') as HTMLInputElement).type).toBe('password');
    expect(screen.queryByRole('button', { name: 'Reveal' })).toBeNull();
  });
});
