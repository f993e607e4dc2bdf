// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';

/** Answers of `settings:import`, released by the test one at a time. */
const pending: Array<(answer: unknown) => void> = [];
const requests: unknown[] = [];
vi.mock('../../../../renderer/ipc/api-client', () => ({
  api: {
    settings: {
      chooseImport: async () => ({ ok: true, value: { status: 'chosen', handle: 'h1', fileName: 'soc-prod.gma-bundle', kind: 'bundle' } }),
      import: (req: unknown) => {
        requests.push(req);
        return new Promise((resolve) => pending.push(resolve));
      },
    },
  },
}));

const { ImportPanel } = await import('../../../../renderer/profiles/import-panel');

afterEach(() => {
  cleanup();
  pending.length = 0;
  requests.length = 0;
});

const WRONG = { ok: false, error: { code: 'bundle/wrong-passphrase', message: 'The passphrase is wrong (or the bundle was changed).' } };

async function typePassphraseAndSubmit(value: string): Promise<void> {
  fireEvent.change(document.querySelector('input[name=import-passphrase]')!, { target: { value } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  });
}

describe('ImportPanel with an encrypted bundle', () => {
  it('shows "Decrypting…" as a status while the bundle opens, and keeps the file name after a wrong passphrase', async () => {
    render(<ImportPanel onImported={() => undefined} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import settings or bundle…' }));
    });
    expect(screen.getByLabelText('Passphrase of soc-prod.gma-bundle')).toBeTruthy();

    await typePassphraseAndSubmit('not the passphrase');
    expect(requests).toEqual([{ handle: 'h1', passphrase: 'not the passphrase' }]);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Decrypting soc-prod.gma-bundle…');
    expect(document.querySelector('.import-panel')?.getAttribute('aria-busy')).toBe('true');
    expect((screen.getByRole('button', { name: 'Import settings or bundle…' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => {
      pending.shift()!(WRONG);
    });
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.querySelector('.import-panel')?.hasAttribute('aria-busy')).toBe(false);
    // The same file, named again, with the reason.
    expect(screen.getByLabelText('Passphrase of soc-prod.gma-bundle')).toBeTruthy();
    expect(document.querySelector('[data-field-error=import-passphrase]')?.textContent).toContain('passphrase is wrong');

    await typePassphraseAndSubmit('the right passphrase');
    expect(screen.getByRole('status').textContent).toBe('Decrypting soc-prod.gma-bundle…');
    await act(async () => {
      pending.shift()!({ ok: true, value: { status: 'imported', profile: { name: 'SOC Prod' }, replaced: false, warnings: [], missingSecrets: [] } });
    });
    expect(document.querySelector('[data-imported="SOC Prod"]')).not.toBeNull();
  });
});
