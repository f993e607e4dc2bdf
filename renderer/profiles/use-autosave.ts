import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { WizardState } from '../../shared/wizard/wizard-state';
import { api } from '../ipc/api-client';

/** The last autosave's outcome. */
export type AutosaveStatus = { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly step: string } | { readonly kind: 'failed'; readonly error: AppError };

/**
 * Saves the wizard's draft and step to the open profile whenever the step
 * changes. The wizard leaves a step forward only when it is valid, so
 * every valid step is saved, and reopening the profile resumes there.
 */
export function useAutosave(profileId: string | null, state: WizardState): AutosaveStatus {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const draft = state.draft;
  const lastSaved = useRef<string | null>(null);
  const step = state.screen.step;

  useEffect(() => {
    if (profileId === null) return;
    // Opening a profile lands on its saved step: nothing new to save.
    if (lastSaved.current === null) {
      lastSaved.current = step;
      return;
    }
    // Edits within a step are saved when the step is left.
    if (lastSaved.current === step) return;
    lastSaved.current = step;
    void api.profiles.saveDraft({ id: profileId, draft, step }).then((r) => setStatus(r.ok ? { kind: 'saved', step } : { kind: 'failed', error: r.error }));
  }, [profileId, step, draft]);

  return status;
}
