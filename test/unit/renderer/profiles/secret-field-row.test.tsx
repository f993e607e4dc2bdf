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

const { SecretFieldRow, REVEAL_MS, COPIED_FEEDBACK_MS } = await import('../../../../renderer/profiles/secret-field-row');

const countdown = () => document.querySelector('[data-reveal-countdown]')?.textContent;

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
  it('shows "stored in keychain" and no value until Reveal, counts down, then hides it again after 30 s', async () => {
    render(<SecretFieldRow profileId="p1" field="xsoar-app.token" stored run={run} />);
    expect(screen.getByText('stored in keychain')).toBeTruthy();
    expect(document.body.textContent).not.toContain('the-secret-value');
    expect(calls).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reveal Token' }));
    });
    expect(calls).toEqual([['reveal', { profileId: 'p1', field: 'xsoar-app.token' }]]);
    expect(document.querySelector('[data-revealed]')?.textContent).toBe('the-secret-value');
    expect(countdown()).toBe('Hides again in 30 s');
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(countdown()).toBe('Hides again in 29 s');
    await act(async () => {
      vi.advanceTimersByTime(REVEAL_MS - 1000 - 1);
    });
    expect(document.querySelector('[data-revealed]')).not.toBeNull();
    expect(countdown()).toBe('Hides again in 1 s');
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    expect(document.querySelector('[data-revealed]')).toBeNull();
    expect(document.querySelector('[data-reveal-countdown]')).toBeNull();
    expect(document.body.textContent).not.toContain('the-secret-value');
  });

  it('a second Reveal after Hide starts the countdown from 30 s again', async () => {
    render(<SecretFieldRow profileId="p1" field="xsoar-app.token" stored run={run} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reveal Token' }));
    });
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(document.querySelector('[data-reveal-countdown]')?.textContent).toBe('Hides again in 20 s');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hide Token' }));
    });
    expect(document.querySelector('[data-revealed]')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reveal Token' }));
    });
    expect(document.querySelector('[data-reveal-countdown]')?.textContent).toBe('Hides again in 30 s');
  });

  it('names every button after its secret, so rows are told apart', () => {
    render(
      <>
        <SecretFieldRow profileId="p1" field="xsoar-app.token" stored run={run} />
        <SecretFieldRow profileId="p1" field="xsoar-app.key" stored run={run} />
      </>,
    );
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Reveal Token', 'Copy Token', 'Remove Token', 'Reveal Key', 'Copy Key', 'Remove Key']);
  });

  it('Copy asks the main process and never receives the value', async () => {
    render(<SecretFieldRow profileId="p1" field="xsoar-app.key" stored run={run} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy Key' }));
    });
    expect(calls).toEqual([['copy', { profileId: 'p1', field: 'xsoar-app.key' }]]);
    expect(screen.getByText(/clipboard is cleared in 30 s/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('the-secret-value');
    // "Copied" goes away after a short while, so a later Copy is seen as new.
    await act(async () => {
      vi.advanceTimersByTime(COPIED_FEEDBACK_MS);
    });
    expect(screen.queryByText(/clipboard is cleared/)).toBeNull();
  });

  it('an unset field offers a masked input and no Reveal', () => {
    render(<SecretFieldRow profileId="p1" field="self-deployed.client-secret" stored={false} run={run} />);
    expect((document.querySelector('input[name=secret-value]') as HTMLInputElement).type).toBe('password');
    expect(screen.queryByRole('button', { name: /Reveal/ })).toBeNull();
  });
});
