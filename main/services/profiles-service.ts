import { draftForDuplicate, INSTANCE_BOUND_SECRETS } from '../../shared/domain/instance-bound';
import { randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { AuthMethod } from '../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../shared/domain/profile-draft';
import { MAX_PROFILE_NAME, type Profile } from '../../shared/domain/profile';
import { fail, type Result } from '../../shared/result';
import type { Clock } from '../ports/clock';
import type { ProfileStore } from '../profiles/profile-store';
import type { OrphanGroup, SecretVault } from '../secrets/secret-vault';
import { expected } from './expected-failure';

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

  /** Creates an empty profile, optionally with its method chosen. */
  create(name: string, method: AuthMethod | null): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    const id = this.newId();
    this.vault.declareNewProfile(id);
    const profile: Profile = {
      id,
      name,
      draft: { ...emptyDraft(), method },
      secretFields: [],
      createdAt: now,
      updatedAt: now,
      notes: '',
      secretExpiresAt: null,
      resumeStep: 'method',
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
    const copy: Profile = { ...source, id: newId, name: name ?? copyName(source.name), draft: draftForDuplicate(source.draft), secretFields: copied, createdAt: now, updatedAt: now };
    return expected(async () => {
      for (const field of copied) {
        const value = await this.vault.require({ kind: 'profile', profileId: source.id }, field);
        await this.vault.set({ kind: 'profile', profileId: copy.id }, field, value);
      }
      return this.store.mutate((all) => ({ profiles: [...all, copy], result: copy }));
    });
  }

  /** Renames a profile. */
  rename(id: string, name: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, name }));
  }

  /** Changes notes and the secret expiry date. */
  updateDetails(id: string, notes: string, secretExpiresAt: string | null): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, notes, secretExpiresAt }));
  }

  /** The wizard's autosave: the draft and the step to resume at. */
  saveDraft(id: string, draft: ProfileDraft, step: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, draft, resumeStep: step }));
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
