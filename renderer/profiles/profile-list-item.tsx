import { useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { METHOD_NAMES } from './method-names';
import { authCodeAgeOf, describeAuthCodeAge } from '../../shared/domain/auth-code-age';
import { SecretField } from '../../shared/domain/secret-field';
import { CredentialExpiry } from './credential-expiry-view';

interface Props {
  readonly profile: Profile;
  /** The start of the id, shown when another profile has the same name; `null` otherwise. */
  readonly shortId: string | null;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly onOpen: () => void;
  readonly onDuplicate: () => void;
  readonly onRename: (name: string) => void;
  readonly onDelete: () => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** When a profile last changed, in the analyst's local time (`YYYY-MM-DD HH:MM`). */
export function lastChange(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'at an unknown time';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// The list is a snapshot: the age is computed when it is drawn.
function CodeAge({ obtainedAt }: { readonly obtainedAt: string }) {
  const [now] = useState(() => Date.now());
  const age = authCodeAgeOf(obtainedAt, now);
  return (
    <span className={`profile-meta code-age code-age-${age.kind}`} data-code-age={age.kind}>
      Authorization code {describeAuthCodeAge(age)}
    </span>
  );
}

/** One row of the profile list: name, instance, method, mailbox and last change, with its actions and an inline rename. */
export function ProfileListItem({ profile, shortId, selected, onSelect, onOpen, onDuplicate, onRename, onDelete }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <li className={`profile-item${selected ? ' selected' : ''}`} data-profile-name={profile.name}>
      {renaming === null ? (
        <button type="button" name="select" className="profile-name" onClick={onSelect} aria-pressed={selected}>
          {profile.name}
          {shortId !== null && (
            <span className="profile-short-id" data-short-id={shortId} title="Another profile has the same name; the id tells them apart">
              {' '}
              · id {shortId}
            </span>
          )}
        </button>
      ) : (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (renaming.trim() !== '') onRename(renaming.trim());
            setRenaming(null);
          }}
        >
          <input name="rename-profile" aria-label="New name" value={renaming} autoFocus onChange={(e) => setRenaming(e.target.value)} />
          <button type="submit" name="rename-save">
            Save
          </button>
          <button type="button" name="rename-cancel" onClick={() => setRenaming(null)}>
            Cancel
          </button>
        </form>
      )}
      <span className="profile-facts">
        <span data-fact="instance" title="Instance name in XSOAR">
          {profile.draft.mailbox.instanceName.trim() || '(no instance name)'}
        </span>
        {' · '}
        <span data-fact="method">{profile.draft.method === null ? 'no method yet' : METHOD_NAMES[profile.draft.method]}</span>
        {' · '}
        <span data-fact="mailbox">{profile.draft.mailbox.mailboxToFetch.trim() || 'no mailbox yet'}</span>
      </span>
      <span className="profile-meta">
        <span data-fact="updated">changed {lastChange(profile.updatedAt)}</span> · {profile.secretFields.length} secret
        {profile.secretFields.length === 1 ? '' : 's'} in keychain
      </span>
      <CredentialExpiry profile={profile} />
      {profile.draft.method === 'self-deployed' && profile.secretFields.includes(SecretField.SelfDeployedAuthCode) && profile.draft.selfDeployed.authCodeObtainedAt !== '' && (
        <CodeAge obtainedAt={profile.draft.selfDeployed.authCodeObtainedAt} />
      )}
      <span className="profile-actions">
        <button type="button" name="open" className="primary" onClick={onOpen}>
          Open in wizard
        </button>
        <button type="button" name="duplicate" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" name="rename" onClick={() => setRenaming(profile.name)}>
          Rename
        </button>
        <button type="button" name="delete" className="danger" onClick={onDelete}>
          Delete
        </button>
      </span>
    </li>
  );
}
