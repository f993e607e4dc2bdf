import { useState } from 'react';
import { secretFieldsFor } from '../../shared/domain/secret-field';
import type { Profile } from '../../shared/domain/profile';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import { METHOD_NAMES } from './method-names';
import { SecretFieldRow } from './secret-field-row';
import { CredentialExpiry } from './credential-expiry-view';
import { RotatePanel } from './rotate-panel';

interface Props {
  readonly profile: Profile;
  readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null>;
}

/** The selected profile: its secrets, notes and expiry date. Keyed by profile id, so local edits start from the profile's values. */
export function ProfileDetails({ profile, run }: Props) {
  const [notes, setNotes] = useState(profile.notes);
  const [expiry, setExpiry] = useState(profile.secretExpiresAt ?? '');
  const fields = secretFieldsFor(profile.draft.method);
  const dirty = notes !== profile.notes || expiry !== (profile.secretExpiresAt ?? '');
  return (
    <section className="profile-details" aria-label={`Profile ${profile.name}`} data-details-for={profile.name}>
      <h2>{profile.name}</h2>
      <p className="hint">
        {profile.draft.method === null ? 'No method chosen yet' : METHOD_NAMES[profile.draft.method]} · created {profile.createdAt.slice(0, 10)} · updated{' '}
        {profile.updatedAt.slice(0, 16).replace('T', ' ')} UTC
      </p>
      <h3>Secrets</h3>
      {fields.length === 0 ? (
        <p className="hint">This method uses no secrets.</p>
      ) : (
        fields.map((f) => <SecretFieldRow key={f} profileId={profile.id} field={f} stored={profile.secretFields.includes(f)} run={run} />)
      )}
      <h3>Credential end dates</h3>
      <p className="hint">
        From Entra ID when the app registration was created, checked or repaired while signed in; from the certificate itself; or entered by hand below.
      </p>
      <CredentialExpiry profile={profile} withSource />
      <RotatePanel profile={profile} run={run} />
      <h3>Notes</h3>
      <textarea name="profile-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Where this instance runs, who owns it… (never a secret)" />
      <div className="field">
        <label htmlFor="profile-expiry">Secret expires on (by hand)</label>
        <input id="profile-expiry" name="profile-expiry" type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
      </div>
      <button
        type="button"
        name="save-details"
        disabled={!dirty}
        onClick={() => void run(() => api.profiles.updateDetails({ id: profile.id, notes, secretExpiresAt: expiry === '' ? null : expiry }))}
      >
        Save notes and date
      </button>
    </section>
  );
}
