import { useState } from 'react';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import { ConfirmPanel } from './confirm-panel';

/** What the list shows of an entry the loader set aside. */
export interface DamagedEntryView {
  readonly key: string;
  readonly reason: string;
  readonly setAsideAt: string;
  readonly name: string | null;
  readonly profileId: string | null;
}

interface Props {
  readonly entries: readonly DamagedEntryView[];
  readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null>;
}

/**
 * Profile entries of the file that could not be read. They stay in the
 * file until the user saves their raw JSON or deletes them; the other
 * profiles are unaffected.
 */
export function DamagedEntries({ entries, run }: Props) {
  const [pendingDelete, setPendingDelete] = useState<DamagedEntryView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (entries.length === 0 && message === null) return null;

  const exportRaw = async (entry: DamagedEntryView) => {
    const r = await run(() => api.profiles.exportDamaged({ key: entry.key }));
    if (r !== null && r.status === 'saved') setMessage(`Saved the raw entry to ${r.path}.`);
  };
  const remove = async (entry: DamagedEntryView) => {
    setPendingDelete(null);
    const r = await run(() => api.profiles.deleteDamaged({ key: entry.key }));
    if (r !== null) setMessage(`Deleted the damaged entry${r.deletedItems > 0 ? ` and its ${r.deletedItems} keychain item${r.deletedItems === 1 ? '' : 's'}` : ''}.`);
  };

  return (
    <section className="damaged-entries" aria-label="Damaged entries" data-damaged-entries>
      <h3>Damaged entries</h3>
      {entries.length > 0 && <p className="hint">These entries of the profiles file could not be read. They are kept as they were until you save or delete them.</p>}
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-damaged-key={e.key}>
            <strong>{e.name ?? 'Unnamed entry'}</strong>
            {e.profileId !== null && <span className="profile-meta"> · id {e.profileId}</span>}
            <div className="profile-meta">Set aside because {e.reason}.</div>
            <span className="profile-actions">
              <button type="button" name="export-damaged" onClick={() => void exportRaw(e)}>
                Export raw…
              </button>
              <button type="button" name="delete-damaged" className="danger" onClick={() => setPendingDelete(e)}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      {pendingDelete && (
        <ConfirmPanel confirmLabel="Delete entry" onConfirm={() => void remove(pendingDelete)} onCancel={() => setPendingDelete(null)}>
          Delete the damaged entry <strong>{pendingDelete.name ?? pendingDelete.key}</strong>
          {pendingDelete.profileId !== null && ' and the keychain items of its id'}? This cannot be undone; export it first to keep a copy.
        </ConfirmPanel>
      )}
      {message && (
        <p className="success" role="status" data-damaged-message>
          {message}
        </p>
      )}
    </section>
  );
}
