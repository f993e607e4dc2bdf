import { useState } from 'react';
import { AUTH_METHODS, type AuthMethod } from '../../shared/domain/auth-method';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../ipc/api-client';
import { ConfirmPanel } from './confirm-panel';
import { DamagedEntries } from './damaged-entries';
import { ImportPanel } from './import-panel';
import { KeychainMaintenance } from './keychain-maintenance';
import { CopyDiagnosticsButton } from '../diagnostics/copy-diagnostics-button';
import { METHOD_NAMES } from './method-names';
import { ProfileDetails } from './profile-details';
import { ProfileListItem } from './profile-list-item';
import { useProfiles } from './use-profiles';
import { typedInputs } from '../wizard/typed-input-memory';
import { distinguishingIds } from '../../shared/domain/profile-tell-apart';

/** Case-insensitive match on name, instance name, method, mailbox and notes. */
export function matchesSearch(profile: Profile, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const method = profile.draft.method === null ? '' : METHOD_NAMES[profile.draft.method];
  return [profile.name, profile.notes, profile.draft.mailbox.mailboxToFetch, profile.draft.mailbox.instanceName, method].some((t) => t.toLowerCase().includes(q));
}

/** The profiles screen: search, create, duplicate, rename, delete, open in the wizard, secrets. */
export function ProfilesScreen({ onOpen }: { readonly onOpen: (profile: Profile) => void }) {
  const { profiles, notices, damaged, loaded, error, run, clearError, refresh } = useProfiles();
  const [query, setQuery] = useState('');
  const [newName, setNewName] = useState('');
  const [newMethod, setNewMethod] = useState<AuthMethod | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<Profile | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const visible = profiles.filter((p) => matchesSearch(p, query));
  const selected = profiles.find((p) => p.id === selectedId) ?? null;
  // Namesakes show the start of their id (searched over all profiles, not only the visible ones).
  const shortIds = distinguishingIds(profiles);

  const create = async () => {
    const created = await run(() => api.profiles.create({ name: newName.trim(), method: newMethod === '' ? null : newMethod }));
    if (created !== null) {
      setNewName('');
      setSelectedId(created.id);
    }
  };
  const remove = async (profile: Profile) => {
    setPendingDelete(null);
    const deleted = await run(() => api.profiles.delete({ id: profile.id }));
    // What was typed for it in the wizard (pasted keys, passphrases) goes with it.
    if (deleted !== null) typedInputs.forget(profile.id);
    if (deleted !== null && selectedId === profile.id) setSelectedId(null);
  };

  return (
    <div className="profiles-screen" data-loaded={loaded}>
      {notices.length > 0 && !dismissed && (
        <div className="notice" role="alert" data-notice>
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
          <button type="button" name="dismiss-notice" onClick={() => setDismissed(true)}>
            OK
          </button>
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert" data-error-code={error.code}>
          {error.message}{' '}
          <button type="button" className="link" onClick={clearError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="profiles-columns">
        <section className="profiles-list" aria-label="Profiles">
          <form
            className="new-profile"
            onSubmit={(e) => {
              e.preventDefault();
              if (newName.trim() !== '') void create();
            }}
          >
            <input name="new-profile-name" aria-label="New profile name" placeholder="New profile name" value={newName} onChange={(e) => setNewName(e.target.value)} />
            <select name="new-profile-method" aria-label="Method" value={newMethod} onChange={(e) => setNewMethod(e.target.value as AuthMethod | '')}>
              <option value="">Method: choose later</option>
              {AUTH_METHODS.map((m) => (
                <option key={m} value={m}>
                  {METHOD_NAMES[m]}
                </option>
              ))}
            </select>
            <button type="submit" name="create-profile" className="primary" disabled={newName.trim() === ''}>
              Create
            </button>
          </form>
          <ImportPanel
            onImported={(p) => {
              void refresh();
              setSelectedId(p.id);
            }}
          />
          <input name="profile-search" type="search" aria-label="Search profiles" placeholder="Search name, instance, method, mailbox, notes…" value={query} onChange={(e) => setQuery(e.target.value)} />
          {loaded && profiles.length === 0 && <p className="hint">No profiles yet. Create one to keep an instance’s settings and secrets.</p>}
          <ul className="profile-items">
            {visible.map((p) => (
              <ProfileListItem
                key={p.id}
                profile={p}
                shortId={shortIds.get(p.id) ?? null}
                selected={p.id === selectedId}
                onSelect={() => setSelectedId(p.id)}
                onOpen={() => onOpen(p)}
                onDuplicate={() =>
                  // The copy is what the user works on next: select it.
                  void run(() => api.profiles.duplicate({ id: p.id })).then((copy) => copy !== null && setSelectedId(copy.id))
                }
                onRename={(name) => void run(() => api.profiles.rename({ id: p.id, name }))}
                onDelete={() => setPendingDelete(p)}
              />
            ))}
          </ul>
          {pendingDelete && (
            <ConfirmPanel confirmLabel="Delete profile" onConfirm={() => void remove(pendingDelete)} onCancel={() => setPendingDelete(null)}>
              Delete <strong>{pendingDelete.name}</strong> and its {pendingDelete.secretFields.length} secret
              {pendingDelete.secretFields.length === 1 ? '' : 's'} in the keychain? This cannot be undone.
            </ConfirmPanel>
          )}
          <DamagedEntries entries={damaged} run={run} />
          <KeychainMaintenance run={run} />
          <CopyDiagnosticsButton />
        </section>
        {selected ? <ProfileDetails key={selected.id} profile={selected} run={run} /> : <section className="profile-details empty">Select a profile to see its secrets and notes.</section>}
      </div>
    </div>
  );
}
