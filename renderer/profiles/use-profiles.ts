import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { Profile } from '../../shared/domain/profile';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import type { DamagedEntryView } from './damaged-entries';

/** The profiles screen's data and the last error of an action. */
export interface ProfilesState {
  readonly profiles: readonly Profile[];
  readonly notices: readonly string[];
  /** Entries of the profiles file set aside as damaged. */
  readonly damaged: readonly DamagedEntryView[];
  readonly loaded: boolean;
  readonly error: AppError | null;
}

/** What {@link useProfiles} returns. */
export interface ProfilesController extends ProfilesState {
  /** Reloads the list. */
  readonly refresh: () => Promise<void>;
  /**
   * Runs one action against the main process; on success reloads the list
   * and returns the value, on failure records the error and returns `null`.
   */
  readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null>;
  readonly clearError: () => void;
}

function withListing(s: ProfilesState, r: Result<{ readonly profiles: readonly Profile[]; readonly notices: readonly string[]; readonly damaged: readonly DamagedEntryView[] }>): ProfilesState {
  return r.ok ? { ...s, profiles: r.value.profiles, notices: r.value.notices, damaged: r.value.damaged, loaded: true } : { ...s, loaded: true, error: r.error };
}

/** Loads the profiles and runs actions on them. */
export function useProfiles(): ProfilesController {
  const [state, setState] = useState<ProfilesState>({ profiles: [], notices: [], damaged: [], loaded: false, error: null });

  const refresh = useCallback(() => api.profiles.list({}).then((r) => setState((s) => withListing(s, r))), []);

  const run = useCallback(
    async <T,>(action: () => Promise<Result<T>>): Promise<T | null> => {
      const r = await action();
      if (!r.ok) {
        setState((s) => ({ ...s, error: r.error }));
        return null;
      }
      setState((s) => ({ ...s, error: null }));
      await refresh();
      return r.value;
    },
    [refresh],
  );

  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  useEffect(() => {
    let live = true;
    void api.profiles.list({}).then((r) => {
      if (live) setState((s) => withListing(s, r));
    });
    return () => {
      live = false;
    };
  }, []);

  return { ...state, refresh, run, clearError };
}
