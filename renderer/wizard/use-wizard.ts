import { useCallback, useReducer, useRef, useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import type { ProfileSecretField } from '../../shared/domain/secret-field';
import { initialWizardState, wizardReducer } from '../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../shared/wizard/wizard-actions';
import type { WizardState } from '../../shared/wizard/wizard-state';
import { api } from '../ipc/api-client';

/** The wizard's state plus the intents that need the main process. */
export interface WizardController {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly exportSettings: (options: { readonly confirmRebind: boolean }) => void;
  readonly openExternal: (url: string) => void;
  /** Stores a secret in the keychain; resolves with an error message or null. */
  readonly storeSecret: (field: ProfileSecretField, value: string) => Promise<string | null>;
  /** The profile that holds this wizard's secrets, created on first need; `null` if it could not be created. */
  readonly ensureProfile: () => Promise<string | null>;
  /** The profile the wizard saves to, once there is one. */
  readonly profileId: string | null;
  readonly profileName: string;
}

function newProfileName(state: WizardState): string {
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `${state.draft.mailbox.instanceName.trim() || 'New configuration'} (${stamp})`;
}

/**
 * Wraps the pure reducer and turns intents into `api` calls.
 *
 * Each request carries an id; the reducer drops a result whose id is no
 * longer current, so a slow answer cannot overwrite a newer one. A wizard
 * started without a profile creates one the first time it must store a
 * secret: secrets live in the keychain under a profile, never in the page.
 */
export function useWizard(initial: WizardState = initialWizardState(), profile: Profile | null = null): WizardController {
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const [owner, setOwner] = useState<{ readonly id: string; readonly name: string } | null>(profile === null ? null : { id: profile.id, name: profile.name });
  const nextRequestId = useRef(1);
  const creating = useRef<Promise<string | null> | null>(null);
  // Secret writes run one after another: each answer lists the profile's stored fields, and two writes in
  // flight could answer out of order, the older list hiding the newer secret.
  const secretQueue = useRef<Promise<unknown>>(Promise.resolve());
  const draft = state.draft;
  const step = state.screen.step;

  const exportSettings = useCallback(
    ({ confirmRebind }: { readonly confirmRebind: boolean }) => {
      const requestId = nextRequestId.current++;
      dispatch({ type: 'export-started', requestId });
      void api.settings
        .export({ draft, profileId: owner?.id ?? null, confirmRebind })
        .then((result) => dispatch({ type: 'export-finished', requestId, result }))
        .catch((error: unknown) =>
          dispatch({ type: 'export-finished', requestId, result: { ok: false, error: { code: 'internal', message: String(error) } } }),
        );
    },
    [draft, owner],
  );

  const ensureProfile = useCallback(async (): Promise<string | null> => {
    if (owner !== null) return owner.id;
    creating.current ??= (async () => {
      const created = await api.profiles.create({ name: newProfileName(state), method: draft.method });
      if (!created.ok) return null;
      await api.profiles.saveDraft({ id: created.value.id, draft, step });
      setOwner({ id: created.value.id, name: created.value.name });
      return created.value.id;
    })();
    return creating.current;
  }, [owner, state, draft, step]);

  const storeSecret = useCallback(
    (field: ProfileSecretField, value: string): Promise<string | null> => {
      const run = async (): Promise<string | null> => {
        const profileId = await ensureProfile();
        if (profileId === null) return 'Could not create a profile to hold this secret; see the Profiles screen.';
        const r = await api.secrets.set({ profileId, field, value });
        if (!r.ok) return r.error.fields?.[0]?.message ?? r.error.message;
        dispatch({ type: 'stored-secrets-changed', storedSecrets: r.value.secretFields });
        return null;
      };
      const result = secretQueue.current.then(run, run);
      secretQueue.current = result;
      return result;
    },
    [ensureProfile],
  );

  const openExternal = useCallback((url: string) => {
    void api.shell.openExternal({ url });
  }, []);

  return { state, dispatch, exportSettings, openExternal, storeSecret, ensureProfile, profileId: owner?.id ?? null, profileName: owner?.name ?? '' };
}
