import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { Profile } from '../../shared/domain/profile';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import type { WizardState } from '../../shared/wizard/wizard-state';
import { api } from '../ipc/api-client';

/** Where the open profile's saving stands, as the header shows it. */
export type AutosaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly step: string }
  | { readonly kind: 'failed'; readonly error: AppError };

/** What {@link useAutosave} returns. */
export interface Autosave {
  readonly status: AutosaveStatus;
  /** Saves what is pending now (no debounce) and resolves once every save finished. */
  readonly flush: () => Promise<void>;
}

/** How long typing may pause before the draft is saved. */
export const AUTOSAVE_DEBOUNCE_MS = 400;

interface Snapshot {
  readonly draft: ProfileDraft;
  readonly step: string;
  readonly key: string;
}

function snapshotOf(draft: ProfileDraft, step: string): Snapshot {
  return { draft, step, key: JSON.stringify([draft, step]) };
}

/**
 * Saves the wizard's draft and step to the open profile on every change,
 * debounced, one save at a time (each on the newest values). `flush` lets the
 * app save before it leaves the wizard, so nothing typed is lost to
 * navigation; unmounting flushes too. `onSaved` receives the saved profile
 * (its name follows the instance name until renamed).
 *
 * `alreadySaved`: the profile was opened with exactly these values, so there
 * is nothing to save until something changes.
 */
export function useAutosave(profileId: string | null, state: WizardState, alreadySaved: boolean, onSaved: (profile: Profile) => void): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const snapshot = useMemo(() => snapshotOf(state.draft, state.screen.step), [state.draft, state.screen.step]);
  const [initiallySaved] = useState(() => (alreadySaved ? snapshot.key : null));
  const latest = useRef<Snapshot>(snapshot);
  const saved = useRef<string | null>(initiallySaved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const idRef = useRef(profileId);
  const onSavedRef = useRef(onSaved);
  const mounted = useRef(true);
  // Declared before the effect that schedules saves, so a save always sees the newest values.
  useEffect(() => {
    idRef.current = profileId;
    onSavedRef.current = onSaved;
    latest.current = snapshot;
  }, [profileId, onSaved, snapshot]);

  // Queues one save of the newest values; a queued save that finds them already saved does nothing.
  const saveNow = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const run = async (): Promise<void> => {
      const id = idRef.current;
      const snap = latest.current;
      if (id === null || saved.current === snap.key) return;
      const r = await api.profiles.saveDraft({ id, draft: snap.draft, step: snap.step }).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'internal', message: String(error) } satisfies AppError,
      }));
      if (r.ok) {
        saved.current = snap.key;
        onSavedRef.current(r.value);
      }
      if (!mounted.current) return;
      if (!r.ok) setStatus({ kind: 'failed', error: r.error });
      else if (latest.current.key === snap.key) setStatus({ kind: 'saved', step: snap.step });
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
  }, []);

  const key = snapshot.key;
  useEffect(() => {
    if (profileId === null || saved.current === key) return;
    setStatus({ kind: 'saving' });
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DEBOUNCE_MS);
  }, [profileId, key, saveNow]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving without an explicit flush (window reload, error boundary): still save what was typed.
      if (timer.current !== null) void saveNow();
    };
  }, [saveNow]);

  return { status, flush: saveNow };
}
