import { draftForDuplicate, INSTANCE_BOUND_SECRETS } from '../../shared/domain/instance-bound';
import { randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { AuthMethod } from '../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../shared/domain/profile-draft';
import { MAX_PROFILE_NAME, type Profile } from '../../shared/domain/profile';
import { fail, ok, type Result } from '../../shared/result';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import type { CredentialEnd, CredentialName } from '../../shared/domain/credential-end';
import { activeCredentialOf, manualDateToInstant, withCredentialEnd } from '../../shared/lifecycle/credential-expiry';
import type { Clock } from '../ports/clock';
import type { ProfileStore, StoreContents } from '../profiles/profile-store';
import { LEFTOVER_GRACE_MS, type RecentWindow } from '../secrets/item-age';
import type { OrphanGroup, SecretVault } from '../secrets/secret-vault';
import { expected } from './expected-failure';
import { NO_ROTATIONS, type RotationHolds } from './rotation-holds';
import { profileNameFromInstance } from '../../shared/domain/instance-profile-name';
import { fingerprintOf, secretUsedBy, withCheck, type CheckInputs, type VerifiedCheck, type VerifiedCheckKind } from '../../shared/domain/verified-check';
import { checkProfileName, distinctProfileName } from '../../shared/domain/profile-name-rules';
import { summarizeDamaged, type DamagedEntrySummary } from '../profiles/profile-file-parser';

/** What the profiles screen shows. */
export interface ProfileListing {
  readonly profiles: readonly Profile[];
  /** Things the user must be told (a damaged file moved aside, …). */
  readonly notices: readonly string[];
  /** Entries of the file that failed the profile schema, set aside (kept until exported or deleted). */
  readonly damaged: readonly DamagedEntrySummary[];
}

// The services check every name they store, whatever the renderer or a
// file sent: trimmed, not empty, bounded, no control or bidi characters.
function invalidName(name: string): Result<never> | null {
  const problem = checkProfileName(name);
  return problem === null ? null : fail(appError(ErrorCode.ConfigInvalid, problem, { fields: [{ field: 'name', message: problem }] }));
}

function notFound(): Result<never> {
  return fail(appError(ErrorCode.ProfileNotFound, 'This profile no longer exists; it may have been deleted in another window.'));
}

/** Records outside the profiles file that removing profiles must respect. */
export interface ProfileCompanions {
  /** The saved XSOAR connections (their API keys are keychain items of the app): "Forget everything" clears them too. */
  readonly xsoarConnections?: { forgetAll(): Promise<number> };
  /** Unfinished credential rotations: they keep their keychain slots, and their profiles cannot be removed meanwhile. */
  readonly rotations?: RotationHolds;
}

/**
 * Profiles as the user manages them: the store for non-secret data, the
 * vault for the secrets, kept in step.
 *
 * Keychain work happens before the file changes, so a keychain failure
 * (locked, unavailable) leaves the profiles file untouched.
 */
export class ProfilesService {
  // Ids whose keychain items are being written before the file write that
  // makes them a profile (an import, a duplicate): not leftovers yet.
  private readonly inFlight = new Set<string>();
  private readonly rotations: RotationHolds;

  constructor(
    private readonly store: ProfileStore,
    private readonly vault: SecretVault,
    private readonly clock: Clock,
    private readonly newId: () => string = randomUUID,
    /** Other records of the app: the XSOAR connections "Forget everything" clears too, the unfinished rotations. */
    private readonly companions: ProfileCompanions = {},
  ) {
    this.rotations = companions.rotations ?? NO_ROTATIONS;
  }

  /** Every profile plus load-time notices. */
  async list(): Promise<Result<ProfileListing>> {
    return expected(async () => {
      const notices = await this.store.load();
      const profiles = await this.store.list();
      const damaged = (await this.store.damaged()).map(summarizeDamaged);
      return { profiles, notices: notices.map((n) => n.message), damaged };
    });
  }

  /** Creates an empty profile named by the analyst, optionally with its method chosen. */
  async create(name: string, method: AuthMethod | null): Promise<Result<Profile>> {
    const refused = invalidName(name);
    if (refused !== null) return refused;
    const id = this.newId();
    this.vault.declareNewProfile(id);
    const profile = newProfileRecord(id, name.trim(), { ...emptyDraft(), method }, this.clock.now().toISOString());
    return expected(() => this.store.mutate((all) => ({ profiles: [...all, profile], result: profile })));
  }

  /**
   * The wizard's configuration becomes a profile (when a method is chosen):
   * it holds `draft` as it is and is named after its instance until renamed.
   */
  createFromDraft(draft: ProfileDraft, step: string): Promise<Result<Profile>> {
    const id = this.newId();
    this.vault.declareNewProfile(id);
    const record: Profile = { ...newProfileRecord(id, profileNameFromInstance(draft.mailbox.instanceName), draft, this.clock.now().toISOString()), nameSetByUser: false, resumeStep: step };
    return expected(() =>
      this.store.mutate((all) => {
        const profile = { ...record, name: derivedName(draft, all) };
        return { profiles: [...all, profile], result: profile };
      }),
    );
  }

  /** The profile `id`. */
  async get(id: string): Promise<Result<Profile>> {
    const loaded = await expected(() => this.store.get(id));
    if (!loaded.ok) return loaded;
    return loaded.value === undefined ? notFound() : ok(loaded.value);
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
      // A secret stored before versions existed (or imported) gets its version now, so a later replacement is noticed.
      const version = secret === null ? null : (p.secretVersions[secret] ?? randomUUID());
      const secretVersions = secret === null || version === null ? p.secretVersions : { ...p.secretVersions, [secret]: version };
      const check: VerifiedCheck = { kind, passedAt, fingerprint: fingerprintOf(kind, inputs), secretVersion: version };
      return { ...p, secretVersions, verifiedChecks: withCheck(p.verifiedChecks, check) };
    });
  }

  /** Records when the profile's authorization code was obtained (the code itself is in the keychain). */
  recordCodeObtained(id: string, obtainedAt: string): Promise<Result<Profile>> {
    return this.update(id, (p) => ({ ...p, draft: { ...p.draft, selfDeployed: { ...p.draft.selfDeployed, authCodeObtainedAt: obtainedAt } } }));
  }

  /** Copies a profile, its secrets included, under a new name. */
  async duplicate(id: string, name?: string): Promise<Result<Profile>> {
    const source = await this.store.get(id);
    if (source === undefined) return notFound();
    const refused = name === undefined ? null : invalidName(name);
    if (refused !== null) return refused;
    const now = this.clock.now().toISOString();
    const newId = this.newId();
    this.vault.declareNewProfile(newId);
    // Values bound to the original's XSOAR instance stay with it (a second instance needs its own consent or code).
    const copied = source.secretFields.filter((f) => !INSTANCE_BOUND_SECRETS.includes(f));
    const taken = (await this.store.list()).map((p) => p.name);
    const secretVersions = Object.fromEntries(Object.entries(source.secretVersions).filter(([f]) => copied.includes(f as ProfileSecretField)));
    // Checks are not copied: the copy is a new configuration that has not been verified.
    const copy: Profile = {
      ...source,
      id: newId,
      name: name?.trim() ?? distinctProfileName(copyName(source.name), taken),
      nameSetByUser: true,
      draft: draftForDuplicate(source.draft),
      secretFields: copied,
      secretVersions,
      verifiedChecks: [],
      createdAt: now,
      updatedAt: now,
    };
    return expected(() =>
      this.whileInFlight(copy.id, async () => {
        for (const field of copied) {
          const value = await this.vault.require({ kind: 'profile', profileId: source.id }, field);
          await this.vault.set({ kind: 'profile', profileId: copy.id }, field, value);
        }
        return this.store.mutate((all) => ({ profiles: [...all, copy], result: copy }));
      }),
    );
  }

  /** Renames a profile; from then on its name no longer follows the instance name. */
  async rename(id: string, name: string): Promise<Result<Profile>> {
    const refused = invalidName(name);
    if (refused !== null) return refused;
    return this.update(id, (p) => ({ ...p, name: name.trim(), nameSetByUser: true }));
  }

  /**
   * Changes notes and the hand-entered secret expiry date. A changed date is recorded as the end of the profile's
   * active credential (entered by hand), so it takes precedence over an older date read from Entra ID.
   */
  updateDetails(id: string, notes: string, secretExpiresAt: string | null): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    return this.update(id, (p) => {
      if (secretExpiresAt === p.secretExpiresAt) return { ...p, notes };
      const credential = activeCredentialOf(p);
      const credentialEnds = secretExpiresAt === null
        ? p.credentialEnds.filter((e) => !(e.credential === credential && e.source === 'manual'))
        : withCredentialEnd(p.credentialEnds, { credential, endsAt: manualDateToInstant(secretExpiresAt), source: 'manual', keyId: null, recordedAt: now, secretVersion: versionOf(p, credential) });
      return { ...p, notes, secretExpiresAt, credentialEnds };
    });
  }

  /**
   * Records when one of the profile's credentials ends (read from Entra ID, or taken from a certificate), tied to
   * the stored value's current version: once that value is replaced, the record no longer applies.
   */
  recordCredentialEnd(id: string, end: Pick<CredentialEnd, 'credential' | 'endsAt' | 'source' | 'keyId'>): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    return this.update(id, (p) => {
      // A value stored before versions existed gets its version now (as a passed check does), so a later replacement is noticed.
      const field = fieldOf(end.credential);
      const withVersion = field === null || p.secretVersions[field] !== undefined ? p : { ...p, secretVersions: { ...p.secretVersions, [field]: randomUUID() } };
      return { ...withVersion, credentialEnds: withCredentialEnd(p.credentialEnds, { ...end, recordedAt: now, secretVersion: versionOf(withVersion, end.credential) }) };
    });
  }

  /**
   * The wizard's autosave: the draft and the step to resume at. An unrenamed
   * profile takes the instance name, made distinct from the other profiles'
   * names (`name (2)`), so two configurations of one instance can be told apart.
   */
  saveDraft(id: string, draft: ProfileDraft, step: string): Promise<Result<Profile>> {
    return this.update(id, (p, all) => ({ ...p, draft, resumeStep: step, ...(p.nameSetByUser ? {} : { name: derivedName(draft, all.filter((o) => o.id !== id)) }) }));
  }

  /**
   * Deletes the profile, then its keychain items. The file write is the
   * commit point: a crash after it leaves items no profile owns (the
   * leftover scan finds them), never a profile with half its secrets. The
   * keychain is checked first, so a locked or missing keychain changes
   * nothing. Refused while a credential rotation of the profile runs or is
   * unfinished: undoing or finishing it needs the profile and its secrets.
   */
  async delete(id: string): Promise<Result<{ readonly deletedItems: number }>> {
    if ((await this.store.get(id)) === undefined) return notFound();
    return this.rotations.whileNotRotating(id, () =>
      expected(async () => {
        await this.vault.assertWritable();
        const existed = await this.store.mutate((all) => ({ profiles: all.filter((p) => p.id !== id), result: all.some((p) => p.id === id) }));
        if (!existed) return { deletedItems: 0 };
        return { deletedItems: await this.vault.deleteProfile(id) };
      }),
    );
  }

  /**
   * Stores an imported profile, optionally replacing another, crash-safely:
   *
   * 1. its secrets go into the keychain under an id no visible profile has
   *    (until step 2 they are leftovers the scan finds, never part of a
   *    profile);
   * 2. one atomic write of the profiles file adds it and removes the
   *    replaced profile: the commit point, before which the old profile is
   *    complete and after which the new one is;
   * 3. only then are the replaced profile's keychain items deleted (a crash
   *    here leaves them as leftovers of an id no profile has).
   *
   * The new profile takes `preferredId` (the id the bundle carries) when no
   * profile has it, else a fresh id; its name is made distinct from the
   * other profiles'. Replacing a profile whose credential rotation runs or
   * is unfinished is refused (see {@link delete}).
   */
  async commitImport(args: {
    readonly name: string;
    readonly draft: ProfileDraft;
    readonly secrets: ReadonlyArray<readonly [ProfileSecretField, string]>;
    readonly preferredId: string | null;
    readonly replaceId: string | null;
  }): Promise<Result<{ readonly profile: Profile; readonly replaced: boolean; readonly warnings: readonly string[] }>> {
    const replaceId = args.replaceId;
    return replaceId === null ? this.commitImportNow(args) : this.rotations.whileNotRotating(replaceId, () => this.commitImportNow(args));
  }

  private async commitImportNow(args: {
    readonly name: string;
    readonly draft: ProfileDraft;
    readonly secrets: ReadonlyArray<readonly [ProfileSecretField, string]>;
    readonly preferredId: string | null;
    readonly replaceId: string | null;
  }): Promise<Result<{ readonly profile: Profile; readonly replaced: boolean; readonly warnings: readonly string[] }>> {
    const refused = invalidName(args.name);
    if (refused !== null) return refused;
    const before = await this.store.list();
    const adopt = args.preferredId !== null && args.replaceId === null && !before.some((p) => p.id === args.preferredId);
    const id = adopt && args.preferredId !== null ? args.preferredId : this.newId();
    // A fresh id has no items; an adopted one may have leftovers of an interrupted earlier import, read before overwriting.
    if (!adopt) this.vault.declareNewProfile(id);
    const scope = { kind: 'profile', profileId: id } as const;
    const written: ProfileSecretField[] = [];
    const committed = await expected(() => this.whileInFlight(id, async () => {
      try {
        for (const [field, value] of args.secrets) {
          await this.vault.set(scope, field, value);
          written.push(field);
        }
      } catch (error) {
        await this.vault.deleteProfile(id).catch(() => undefined);
        throw error;
      }
      const now = this.clock.now().toISOString();
      return this.store.mutate((all) => {
        if (all.some((p) => p.id === id)) return { profiles: all, result: null };
        const replaced = args.replaceId === null ? undefined : all.find((p) => p.id === args.replaceId);
        const rest = all.filter((p) => p !== replaced);
        const name = distinctProfileName(args.name.trim(), rest.map((p) => p.name));
        const profile: Profile = { ...newProfileRecord(id, name, args.draft, now), secretFields: written, resumeStep: 'review' };
        return { profiles: [...rest, profile], result: { profile, replaced: replaced?.id ?? null } };
      });
    }));
    if (!committed.ok || committed.value === null) {
      await this.vault.deleteProfile(id).catch(() => undefined);
      if (!committed.ok) return committed;
      return fail(appError(ErrorCode.ProfileWriteFailed, 'Another process created a profile with the same id meanwhile; nothing was imported. Try again.', { retryable: true }));
    }
    const { profile, replaced } = committed.value;
    const warnings: string[] = [];
    if (replaced !== null) {
      try {
        await this.vault.deleteProfile(replaced);
      } catch {
        warnings.push('The replaced profile’s keychain items could not be deleted now; they are listed under “Leftover keychain items”.');
      }
    }
    return ok({ profile, replaced: replaced !== null, warnings });
  }

  /** Keychain items no profile owns (items written within the grace period are not counted yet). */
  listOrphans(): Promise<Result<readonly OrphanGroup[]>> {
    return expected(async () => {
      const contents = { profiles: await this.store.list(), damaged: await this.store.damaged() };
      return this.vault.findOrphans(await this.liveIds(contents), recordedFields(contents), this.recentWindow());
    });
  }

  /**
   * Deletes every keychain item no profile owns. Safe beside another
   * process (`gma import`) writing the same data: the scan holds the
   * profiles file's lock and reads the file under it, so no profile is
   * committed between the read and the deletions, and items younger than
   * {@link LEFTOVER_GRACE_MS}, which an import may have written and not yet
   * committed, are left for a later scan. The slots of unfinished
   * credential rotations are never leftovers, however old: they hold a
   * credential that is valid in Entra ID and that the rotation's recovery
   * still needs.
   */
  removeOrphans(): Promise<Result<{ readonly removed: number }>> {
    return expected(() =>
      this.store.whileLocked(async (contents) => ({
        removed: await this.vault.removeOrphans(await this.liveIds(contents), recordedFields(contents), this.recentWindow()),
      })),
    );
  }

  private recentWindow(): RecentWindow {
    return { now: this.clock.now().getTime(), graceMs: LEFTOVER_GRACE_MS };
  }

  /**
   * Deletes every profile (damaged entries too) and the companions' records (the XSOAR connections), then every
   * keychain item of the app (same commit order as {@link delete}: no record is left pointing at a deleted key).
   * Refused while a credential rotation is unfinished: Entra ID then holds a credential only its journal and keychain
   * slot know of, and forgetting them would leave it there, valid and unknown.
   */
  async forgetEverything(): Promise<Result<{ readonly profilesDeleted: number; readonly itemsDeleted: number; readonly connectionsDeleted: number }>> {
    const unfinished = await this.rotations.unfinishedProfileIds();
    if (unfinished.length > 0) {
      return fail(appError(ErrorCode.RotationInProgress, `${unfinished.length === 1 ? 'A credential rotation is' : `${unfinished.length} credential rotations are`} unfinished; forgetting now would leave a valid credential in Entra ID that nothing knows of. Let it finish or be undone first (restart the app, or run "gma rotate --recover"), then forget everything.`));
    }
    return expected(async () => {
      await this.vault.assertWritable();
      const profilesDeleted = await this.store.change((c) => ({ contents: { profiles: [], damaged: [] }, result: c.profiles.length }));
      const connectionsDeleted = (await this.companions.xsoarConnections?.forgetAll()) ?? 0;
      const itemsDeleted = await this.vault.deleteAll();
      return { profilesDeleted, itemsDeleted, connectionsDeleted };
    });
  }

  private async whileInFlight<T>(id: string, task: () => Promise<T>): Promise<T> {
    this.inFlight.add(id);
    try {
      return await task();
    } finally {
      this.inFlight.delete(id);
    }
  }

  // Ids whose keychain items are not leftovers: loaded profiles, the ids
  // damaged entries name (their secrets wait for the user's decision), this
  // process's imports and duplicates between keychain and file write, and
  // the slots of unfinished rotations (whichever process runs them).
  private async liveIds(contents: StoreContents): Promise<ReadonlySet<string>> {
    const damaged = contents.damaged.map((d) => summarizeDamaged(d).profileId).filter((id): id is string => id !== null);
    return new Set([...contents.profiles.map((p) => p.id), ...damaged, ...this.inFlight, ...(await this.rotations.heldScopeIds())]);
  }

  private async update(id: string, change: (p: Profile, all: readonly Profile[]) => Profile): Promise<Result<Profile>> {
    const now = this.clock.now().toISOString();
    const result = await expected(() =>
      this.store.mutate((all) => {
        const current = all.find((p) => p.id === id);
        if (current === undefined) return { profiles: all, result: undefined };
        const next = { ...change(current, all), updatedAt: now };
        return { profiles: all.map((p) => (p.id === id ? next : p)), result: next };
      }),
    );
    if (result.ok && result.value === undefined) return notFound();
    return result as Result<Profile>;
  }
}

// The stored value a credential's end date belongs to (the client secret, or the certificate's private key).
function fieldOf(credential: CredentialName): ProfileSecretField | null {
  if (credential === 'client-secret') return SecretField.SelfDeployedClientSecret;
  if (credential === 'certificate') return SecretField.SelfDeployedPrivateKey;
  return null;
}

function versionOf(p: Profile, credential: CredentialName): string | null {
  const field = fieldOf(credential);
  return field === null ? null : (p.secretVersions[field] ?? null);
}

/** A new profile's record: nothing stored yet, created and changed `now`. */
export function newProfileRecord(id: string, name: string, draft: ProfileDraft, now: string): Profile {
  return { id, name, nameSetByUser: true, draft, secretFields: [], createdAt: now, updatedAt: now, notes: '', secretExpiresAt: null, credentialEnds: [], resumeStep: 'method', verifiedChecks: [], secretVersions: {} };
}

// What each profile records as stored: an item of another field is a
// leftover of an interrupted secret write or delete, unless it is recent (a
// save between its keychain write and its file write looks the same).
function recordedFields(contents: StoreContents): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(contents.profiles.map((p) => [p.id, new Set<string>(p.secretFields)]));
}

// The name an unrenamed profile takes: its instance name, distinct from the
// names of `others` (read inside the store's change, so from the file as it
// is on disk, whichever process added them).
function derivedName(draft: ProfileDraft, others: readonly Profile[]): string {
  return distinctProfileName(profileNameFromInstance(draft.mailbox.instanceName), others.map((p) => p.name));
}

/** "Name (copy)", trimmed to the name limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, MAX_PROFILE_NAME - suffix.length)}${suffix}`;
}
