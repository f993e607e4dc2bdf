import { useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { METHOD_NAMES } from './method-names';

interface Props {
  readonly profile: Profile;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly onOpen: () => void;
  readonly onDuplicate: () => void;
  readonly onRename: (name: string) => void;
  readonly onDelete: () => void;
}

/** One row of the profile list, with its actions and an inline rename. */
export function ProfileListItem({ profile, selected, onSelect, onOpen, onDuplicate, onRename, onDelete }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <li className={`profile-item${selected ? ' selected' : ''}`} data-profile-name={profile.name}>
      {renaming === null ? (
        <button type="button" name="select" className="profile-name" onClick={onSelect} aria-pressed={selected}>
          {profile.name}
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
      <span className="profile-meta">
        {profile.draft.method === null ? 'no method yet' : METHOD_NAMES[profile.draft.method]} · {profile.secretFields.length} secret
        {profile.secretFields.length === 1 ? '' : 's'} in keychain
        {profile.secretExpiresAt !== null && ` · expires ${profile.secretExpiresAt}`}
      </span>
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
