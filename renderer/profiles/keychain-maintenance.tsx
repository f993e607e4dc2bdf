import { useState } from 'react';
import { typedInputs } from '../wizard/typed-input-memory';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import { ConfirmPanel } from './confirm-panel';

type OrphanGroups = readonly { readonly owner: string; readonly fields: readonly string[]; readonly itemCount: number }[];

interface Props {
  readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null>;
}

/** Leftover keychain items (listed, removable) and "Forget everything". */
export function KeychainMaintenance({ run }: Props) {
  const [orphans, setOrphans] = useState<OrphanGroups | null>(null);
  const [confirmForget, setConfirmForget] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const check = async () => {
    const r = await run(() => api.profiles.listOrphans({}));
    if (r !== null) setOrphans(r.groups);
  };
  const removeOrphans = async () => {
    const r = await run(() => api.profiles.removeOrphans({}));
    if (r !== null) {
      setOrphans([]);
      setMessage(`Removed ${r.removed} leftover keychain item${r.removed === 1 ? '' : 's'}.`);
    }
  };
  const forget = async () => {
    setConfirmForget(false);
    const r = await run(() => api.profiles.forgetEverything({ confirmed: true }));
    if (r !== null) {
      typedInputs.clear();
      setOrphans(null);
      setMessage(`Deleted ${r.profilesDeleted} profile${r.profilesDeleted === 1 ? '' : 's'}, ${r.connectionsDeleted} XSOAR connection${r.connectionsDeleted === 1 ? '' : 's'} and ${r.itemsDeleted} keychain item${r.itemsDeleted === 1 ? '' : 's'}.`);
    }
  };

  return (
    <section className="maintenance" aria-label="Keychain maintenance">
      <h2>Leftover keychain items</h2>
      <p className="hint">Keychain items whose profile no longer exists (for example after the profiles file was damaged), or parts of an interrupted save. Items written in the last 10 minutes are not counted yet: an import running in <code>gma</code> may still be saving them.</p>
      <button type="button" name="check-orphans" onClick={() => void check()}>
        Check
      </button>
      {orphans !== null &&
        (orphans.length === 0 ? (
          <p data-orphans="none">No leftover items.</p>
        ) : (
          <div data-orphans={orphans.length}>
            <ul>
              {orphans.map((g) => (
                <li key={g.owner}>
                  <code>{g.owner}</code>: {g.fields.join(', ')} ({g.itemCount} item{g.itemCount === 1 ? '' : 's'})
                </li>
              ))}
            </ul>
            <button type="button" name="remove-orphans" className="danger" onClick={() => void removeOrphans()}>
              Remove leftover items
            </button>
          </div>
        ))}
      <h2>Forget everything</h2>
      {confirmForget ? (
        <ConfirmPanel confirmLabel="Forget everything" onConfirm={() => void forget()} onCancel={() => setConfirmForget(false)}>
          Delete <strong>every profile</strong>, <strong>every XSOAR connection</strong> and <strong>every keychain item</strong> of this app, including the Microsoft sign-in cache? This cannot be
          undone.
        </ConfirmPanel>
      ) : (
        <button type="button" name="forget-everything" className="danger" onClick={() => setConfirmForget(true)}>
          Forget everything…
        </button>
      )}
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
