import type { AppError } from '../../shared/errors/app-error';
import type { AutosaveStatus } from '../profiles/use-autosave';

/** Props of {@link SaveState}. */
export interface SaveStateProps {
  readonly profileName: string | null;
  readonly status: AutosaveStatus;
  /** Why the profile could not be created. */
  readonly createError: AppError | null;
}

/**
 * The open configuration's saved state for the header: which profile, and
 * "Saved", "Saving…" or "Not saved: <reason>".
 */
export function SaveState({ profileName, status, createError }: SaveStateProps) {
  if (profileName === null) {
    const reason = createError === null ? 'choose a method to start a profile' : createError.message;
    return (
      <div className="save-state" data-save-state="not-saved" role="status">
        <span className="save-label">Not saved: {reason}</span>
      </div>
    );
  }
  const kind = status.kind === 'failed' ? 'not-saved' : status.kind === 'saving' ? 'saving' : 'saved';
  return (
    <div className="save-state" data-save-state={kind} data-saved-step={status.kind === 'saved' ? status.step : undefined} role="status">
      <span className="save-profile" data-save-profile>
        {profileName}
      </span>
      <span className="save-label">
        {status.kind === 'failed' ? `Not saved: ${status.error.message}` : status.kind === 'saving' ? 'Saving…' : 'Saved'}
      </span>
    </div>
  );
}
