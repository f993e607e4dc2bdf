import { SECRET_FIELD_LABELS } from '../../shared/domain/secret-field';
import type { ClashReason, ImportSideSummary } from '../../shared/export/import-clash-summary';
import { METHOD_NAMES } from './method-names';

interface Props {
  readonly reason: ClashReason;
  readonly existing: ImportSideSummary;
  readonly incoming: ImportSideSummary;
  readonly onReplace: () => void;
  readonly onKeepBoth: () => void;
  readonly onCancel: () => void;
}

function Column({ title, side, testId }: { readonly title: string; readonly side: ImportSideSummary; readonly testId: string }) {
  return (
    <div className="clash-side" data-clash-side={testId}>
      <h4>{title}</h4>
      <dl>
        <dt>Profile</dt>
        <dd data-clash-field="name">{side.name}</dd>
        <dt>Instance</dt>
        <dd data-clash-field="instance">{side.instanceName || '—'}</dd>
        <dt>Mailbox</dt>
        <dd data-clash-field="mailbox">{side.mailbox || '—'}</dd>
        <dt>Method</dt>
        <dd data-clash-field="method">{side.method === null ? 'not chosen' : METHOD_NAMES[side.method]}</dd>
        <dt>Secrets stored</dt>
        <dd data-clash-field="secrets">{side.secretFields.length === 0 ? 'none' : side.secretFields.map((f) => SECRET_FIELD_LABELS[f]).join(', ')}</dd>
        {side.changedAt !== null && (
          <>
            <dt>{testId === 'existing' ? 'Last change' : 'Exported'}</dt>
            <dd>{side.changedAt}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/**
 * The question an import asks when it matches an existing profile: both
 * sides next to each other, then replace, keep both, or cancel. Nothing is
 * stored before the user answers.
 */
export function ImportClash({ reason, existing, incoming, onReplace, onKeepBoth, onCancel }: Props) {
  return (
    <div className="import-clash" role="alertdialog" aria-label="Import matches an existing profile" data-import-clash={reason}>
      <p>
        {reason === 'same-id' ? 'This file holds the same profile as ' : 'This file is for the same XSOAR instance as '}
        <strong>{existing.name}</strong>. What should happen?
      </p>
      <div className="clash-sides">
        <Column title="Your profile" side={existing} testId="existing" />
        <Column title="In the file" side={incoming} testId="incoming" />
      </div>
      <div className="confirm-actions">
        <button type="button" name="import-cancel-clash" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" name="import-keep-both" className="primary" onClick={onKeepBoth}>
          Keep both (import as a new profile)
        </button>
        <button type="button" name="import-replace" className="danger" onClick={onReplace}>
          Replace “{existing.name}”
        </button>
      </div>
      {existing.secretFields.length > 0 && <p className="hint">Replacing deletes the secrets stored for “{existing.name}” from the keychain.</p>}
    </div>
  );
}
