import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import type { ExportChoice } from '../../shared/export/export-choice';
import type { ProfileSecretField } from '../../shared/domain/secret-field';
import { initialWizardState, wizardReducer } from '../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../shared/wizard/wizard-actions';
import type { WizardState } from '../../shared/wizard/wizard-state';
import { api } from '../ipc/api-client';
import type { AppError } from '../../shared/errors/app-error';
import type { ResponseOf } from '../../shared/ipc/contract';
import { wizardOperations } from './operations/use-shared-operation';

/** Operations whose success the main process records in the profile as a passed check. */
const CHECK_OPERATIONS: ReadonlySet<string> = new Set(['check-credential', 'admin-consent', 'verify-sign-in', 'complete-web-sign-in']);

/** How to export: format, secrets, the bundle's passphrase, and the second-instance confirmation. */
export interface ExportOptions {
  readonly format: ExportChoice;
  readonly includeSecrets: boolean;
  readonly passphrase?: string;
  readonly confirmRebind: boolean;
}

/** The wizard's state plus the intents that need the main process. */
export interface WizardController {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly exportSettings: (options: ExportOptions) => void;
  readonly openExternal: (url: string) => void;
  /** Stores a secret in the keychain; resolves with an error message or null. */
  readonly storeSecret: (field: ProfileSecretField, value: string) => Promise<string | null>;
  /** Copies a non-secret value; resolves with a status line. */
  readonly copyText: (text: string) => Promise<string>;
  /** Has the main process copy a stored secret (cleared after 30 s); resolves with a status line. */
  readonly copySecret: (field: ProfileSecretField) => Promise<string>;
  /** The profile of this configuration, created when a method is chosen; `null` if it could not be created. */
  readonly ensureProfile: () => Promise<string | null>;
  /** The profile the wizard saves to, once there is one. */
  readonly profileId: string | null;
  readonly profileName: string;
  /** Why the profile could not be created, if it could not. */
  readonly createError: AppError | null;
  /** Takes the saved profile's name (it follows the instance name until renamed). */
  readonly profileSaved: (profile: Profile) => void;
  /** Re-reads what the main process recorded in the profile (passed checks, secret versions). */
  readonly refreshFacts: () => Promise<void>;
  /** Resolves once the profile exists (if it is being created) and every secret write finished. */
  readonly settle: () => Promise<void>;
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
  const [createError, setCreateError] = useState<AppError | null>(null);
  // The newest draft and step, for creations started from an older render.
  const latest = useRef({ draft: state.draft, step: state.screen.step as string });
  useEffect(() => {
    latest.current = { draft: state.draft, step: state.screen.step };
  }, [state.draft, state.screen.step]);
  // Secret writes run one after another: each answer lists the profile's stored fields, and two writes in
  // flight could answer out of order, the older list hiding the newer secret.
  const secretQueue = useRef<Promise<unknown>>(Promise.resolve());
  const draft = state.draft;

  const exportSettings = useCallback(
    (options: ExportOptions) => {
      const requestId = nextRequestId.current++;
      dispatch({ type: 'export-started', requestId });
      void api.settings
        .export({ draft, profileId: owner?.id ?? null, ...options })
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
      const created = await api.profiles.createFromDraft({ draft: latest.current.draft, step: latest.current.step }).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'internal', message: String(error) } satisfies AppError,
      }));
      if (!created.ok) {
        // Let a later attempt (the next change or secret) try again.
        creating.current = null;
        setCreateError(created.error);
        return null;
      }
      setCreateError(null);
      setOwner({ id: created.value.id, name: created.value.name });
      return created.value.id;
    })();
    return creating.current;
  }, [owner]);

  // One configuration is one profile from the moment a method is chosen, whatever the method.
  const method = draft.method;
  useEffect(() => {
    if (owner === null && method !== null && creating.current === null) void ensureProfile();
  }, [owner, method, ensureProfile]);

  const profileSaved = useCallback((saved: Profile) => {
    setOwner((o) => (o !== null && o.id === saved.id && o.name !== saved.name ? { id: o.id, name: saved.name } : o));
  }, []);

  const ownerId = owner?.id ?? null;
  const refreshFacts = useCallback(async (): Promise<void> => {
    if (ownerId === null) return;
    const r = await api.profiles.get({ id: ownerId });
    if (r.ok) dispatch({ type: 'profile-facts-loaded', facts: r.value, storedSecrets: r.value.secretFields });
  }, [ownerId]);

  // Results of this profile's operations arrive here whichever step is on screen (or none was, when they started).
  useEffect(() => {
    if (ownerId === null) return;
    return wizardOperations.onSettled((settled) => {
      if (settled.profileId !== ownerId || !settled.result.ok) return;
      if (CHECK_OPERATIONS.has(settled.name)) void refreshFacts();
      if (settled.name === 'capture-code') {
        const code = settled.result.value as ResponseOf<'auth:capture-code'>;
        dispatch({ type: 'stored-secrets-changed', storedSecrets: code.secretFields });
        dispatch({ type: 'self-deployed-changed', patch: { authCodeObtainedAt: code.obtainedAt } });
      }
    });
  }, [ownerId, refreshFacts]);

  const settle = useCallback(async (): Promise<void> => {
    await creating.current;
    await secretQueue.current.catch(() => undefined);
  }, []);

  const storeSecret = useCallback(
    (field: ProfileSecretField, value: string): Promise<string | null> => {
      const run = async (): Promise<string | null> => {
        const profileId = await ensureProfile();
        if (profileId === null) return 'Could not create a profile to hold this secret; see the Profiles screen.';
        const r = await api.secrets.set({ profileId, field, value });
        if (!r.ok) return r.error.fields?.[0]?.message ?? r.error.message;
        dispatch({ type: 'stored-secrets-changed', storedSecrets: r.value.secretFields });
        // A new secret version makes a check that used the old one stale.
        const facts = await api.profiles.get({ id: profileId });
        if (facts.ok) dispatch({ type: 'profile-facts-loaded', facts: facts.value, storedSecrets: facts.value.secretFields });
        return null;
      };
      const result = secretQueue.current.then(run, run);
      secretQueue.current = result;
      return result;
    },
    [ensureProfile],
  );

  const copyText = useCallback(async (text: string): Promise<string> => {
    const r = await api.clipboard.copyText({ text });
    return r.ok ? 'Copied.' : r.error.message;
  }, []);

  const copySecret = useCallback(
    async (field: ProfileSecretField): Promise<string> => {
      if (owner === null) return 'Nothing stored yet.';
      const r = await api.secrets.copy({ profileId: owner.id, field });
      return r.ok ? `Copied; the clipboard is cleared in ${r.value.clearsAfterSeconds} s.` : r.error.message;
    },
    [owner],
  );

  const openExternal = useCallback((url: string) => {
    void api.shell.openExternal({ url });
  }, []);

  return {
    state,
    dispatch,
    exportSettings,
    openExternal,
    storeSecret,
    ensureProfile,
    copyText,
    copySecret,
    profileId: owner?.id ?? null,
    profileName: owner?.name ?? '',
    createError,
    profileSaved,
    refreshFacts,
    settle,
  };
}
