import { draftForDuplicate, INSTANCE_BOUND_SECRETS } from '../../shared/domain/instance-bound';
import { randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { AuthMethod } from '../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../shared/domain/profile-draft';
import { MAX_PROFILE_NAME, type Profile } from '../../shared/domain/profile';
import { fail, type Result } from '../../shared/result';
import type { ProfileSecretField } from '../../shared/domain/secret-field';
import type { Clock } from '../ports/clock';
import type { ProfileStore } from '../profiles/profile-store';
import type { OrphanGroup, SecretVault } from '../secrets/secret-vault';
import { expected } from './expected-failure';
import { profileNameFromInstance } from '../../shared/domain/instance-profile-name';
import { fingerprintOf, secretUsedBy, withCheck, type CheckInputs, type VerifiedCheck, type VerifiedCheckKind } from '../../shared/domain/verified-check';

/** What the profiles screen shows. */
export interface ProfileListing {
  readonly profiles: readonly Profile[];
  /** Things the user must be told (a damaged file moved aside, …). */
  readonly notices: readonly string[];
}

function notFound(): Result<never> {
  return fail(appError(ErrorCode.ProfileNotFound, 'This profile no longer exists; it may have been deleted in another window.'));
}

/**
 * Profiles as the user manages them: the store for non-secret data, the
 * vault for the secrets, kept in step.
 *
 * Keychain work happens before the file changes, so a keychain failure
 * (locked, unavailable) leaves the profiles file untouched.
 */
export class ProfilesService {
  constructor(
    private readonly store: ProfileStore,
    private readonly vault: SecretVault,
    private readonly clock: Clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Every profile plus load-time notices. */
  async list(): Promise<Result<ProfileListing>> {
    return expected(async () => {
      const notices = await this.store.load();
      return { profiles: await this.store.list(), notices: notices.map((n) => n.message) };
    });
  }

  /** Creates an empty profile named by the analyst, optionally with its method chosen. */
  create(name: string, method: AuthMethod | null): Promise<Result<Profile>> {
    return this.add({ name, nameSetByUser: true, draft: { ...emptyDraft(), method }, resumeStep: 'method' });
  }

  /**
   * The wizard's configuration becomes a profile (when a method is chosen):
   * it holds `draft` as it is and is named after its instance until renamed.
   */
  createFromDraft(draft: ProfileDraft, step: string): Promise<Result<Profile>> {
    return this.add({ name: profileNameFromInstance(draft.mailbox.instanceName), nameSetByUser: false, draft, resumeStep: step });
  }

  /** The profile `id`. */
  async get(id: string): Promise<Result<Profile>> {
    const loaded = await expected(() => this.store.get(id));
    if (!loaded.ok) return loaded;
    return loaded.value === undefined ? notFound() : { ok: true, value: loaded.value };
  }

  /**
   * Remembers that a check passed for `inputs` (a fingerprint of them, never
   * a secret) and which version of the secret it used. Called by the main
   * process when the check finishes, so the result is kept even when the
   * wizard was left meanwhile.
   */
  async recordCheck(id: string, kind: VerifiedCheckKind, inputs: CheckInputs, viaWebRedirect = false): Promise<Result<Profile>> {
    const passedAt = this.clock.now().toISOString();
    return this.update(id, (p) => {
      const secret = secretUsedBy(kind, inputs, viaWebRedirect);
      const check: VerifiedCheck = { kind, passedAt, fingerprint: fingerprintOf(kind, inputs), secretVersion: secret === null ? null : (p.secretVersions[secret] ?? null) };
      return { ...p, verifiedChecks: withCheck(p.verifiedChecks, check) };
    });
  }

  /** Records when the profile's authorization code was obtained (the code itself is in the keychain). */
  recordCodeObtained(id: string, obtainedAt: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, draft: { ...p.draft, selfDeployed: { ...p.draft.selfDeployed, authCodeObtainedAt: obtainedAt } } }));
  }

  private add(fields: Pick<Profile, 'name' | 'nameSetByUser' | 'draft' | 'resumeStep'>): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    const id = this.newId();
    this.vault.declareNewProfile(id);
    const profile: Profile = {
      id,
      ...fields,
      secretFields: [],
      createdAt: now,
      updatedAt: now,
      notes: '',
      secretExpiresAt: null,
      verifiedChecks: [],
      secretVersions: {},
    };
    return expected(() => this.store.mutate((all) => ({ profiles: [...all, profile], result: profile })));
  }

  /** Copies a profile, its secrets included, under a new name. */
  async duplicate(id: string, name?: string): Promise<Result<Profile>> {
    const source = await this.store.get(id);
    if (source === undefined) return notFound();
    const now = this.clock.now().toISOString();
    const newId = this.newId();
    this.vault.declareNewProfile(newId);
    // Values bound to the original's XSOAR instance stay with it (a second instance needs its own consent or code).
    const copied = source.secretFields.filter((f) => !INSTANCE_BOUND_SECRETS.includes(f));
    const secretVersions = Object.fromEntries(Object.entries(source.secretVersions).filter(([f]) => copied.includes(f as ProfileSecretField)));
    // Checks are not copied: the copy is a new configuration that has not been verified.
    const copy: Profile = {
      ...source,
      id: newId,
      name: name ?? copyName(source.name),
      nameSetByUser: true,
      draft: draftForDuplicate(source.draft),
      secretFields: copied,
      secretVersions,
      verifiedChecks: [],
      createdAt: now,
      updatedAt: now,
    };
    return expected(async () => {
      for (const field of copied) {
        const value = await this.vault.require({ kind: 'profile', profileId: source.id }, field);
        await this.vault.set({ kind: 'profile', profileId: copy.id }, field, value);
      }
      return this.store.mutate((all) => ({ profiles: [...all, copy], result: copy }));
    });
  }

  /** Renames a profile; from then on its name no longer follows the instance name. */
  rename(id: string, name: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, name, nameSetByUser: true }));
  }

  /** Changes notes and the secret expiry date. */
  updateDetails(id: string, notes: string, secretExpiresAt: string | null): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, notes, secretExpiresAt }));
  }

  /** The wizard's autosave: the draft and the step to resume at; an unrenamed profile takes the instance name. */
  saveDraft(id: string, draft: ProfileDraft, step: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, draft, resumeStep: step, ...(p.nameSetByUser ? {} : { name: profileNameFromInstance(draft.mailbox.instanceName) }) }));
  }

  /** Deletes the profile's keychain items, then the profile. */
  async delete(id: string): Promise<Result<{ readonly deletedItems: number }>> {
    if ((await this.store.get(id)) === undefined) return notFound();
    return expected(async () => {
      const deletedItems = await this.vault.deleteProfile(id);
      await this.store.mutate((all) => ({ profiles: all.filter((p) => p.id !== id), result: undefined }));
      return { deletedItems };
    });
  }

  /** Keychain items no profile owns. */
  listOrphans(): Promise<Result<readonly OrphanGroup[]>> {
    return expected(async () => this.vault.findOrphans(await this.liveIds()));
  }

  /** Deletes every keychain item no profile owns. */
  removeOrphans(): Promise<Result<{ readonly removed: number }>> {
    return expected(async () => ({ removed: await this.vault.removeOrphans(await this.liveIds()) }));
  }

  /** Deletes every keychain item of the app, then every profile. */
  forgetEverything(): Promise<Result<{ readonly profilesDeleted: number; readonly itemsDeleted: number }>> {
    return expected(async () => {
      const itemsDeleted = await this.vault.deleteAll();
      const profilesDeleted = await this.store.mutate((all) => ({ profiles: [], result: all.length }));
      return { profilesDeleted, itemsDeleted };
    });
  }

  private async liveIds(): Promise<ReadonlySet<string>> {
    return new Set((await this.store.list()).map((p) => p.id));
  }

  private async update(id: string, change: (p: Profile) => Profile): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    const result = await expected(() =>
      this.store.mutate((all) => {
        const current = all.find((p) => p.id === id);
        if (current === undefined) return { profiles: all, result: undefined };
        const next = { ...change(current), updatedAt: now };
        return { profiles: all.map((p) => (p.id === id ? next : p)), result: next };
      }),
    );
    if (result.ok && result.value === undefined) return notFound();
    return result as Result<Profile>;
  }
}

/** "Name (copy)", trimmed to the name limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, MAX_PROFILE_NAME - suffix.length)}${suffix}`;
}
