import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { MAX_SECRET_BYTES, type SecretField } from '../../shared/domain/secret-field';
import type { SecretStore } from '../ports/secret-store';
import { assembleSecret, decodeManifest, encodeSecret, type Manifest } from './chunk-codec';
import { KeyedLock } from './keyed-lock';
import { chunkAccount, headAccount, parseAccount, profilePrefix, type SecretScope } from './secret-accounts';
import { isRecent, timedGeneration, writtenAt, type RecentWindow } from './item-age';

/**
 * A stored secret that cannot be read back whole. Thrown instead of ever
 * returning part of a value.
 */
export class SecretIntegrityError extends Error {
  constructor(readonly problem: AppError) {
    super(problem.message);
    this.name = 'SecretIntegrityError';
  }
}

/** Per live profile id, the fields its record says are stored; ids not in the map are not checked field by field. */
export type RecordedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Keychain items no profile owns any more, grouped by owner. */
export interface OrphanGroup {
  /** The profile id the items name, `app`, or `unknown` for foreign names. */
  readonly owner: string;
  /** Field names the items belong to. */
  readonly fields: readonly string[];
  readonly itemCount: number;
}

/**
 * Secrets of any realistic size in a keychain that holds at most 2,048
 * bytes per item (see docs/secret-storage.md).
 *
 * Each secret is a head item (manifest + first part) and chunk items named
 * by a random generation. A write stores the new generation's chunks first
 * and then replaces the head in one keychain call, the commit point; only
 * then are the old chunks deleted. A reader follows the head to exactly one
 * generation and checks its SHA-256, so it sees the old value or the new
 * one, never a mix; a failed write leaves the old head and chunks intact.
 * Operations on one secret are serialized in-process (the app is single
 * instance).
 */
export class SecretVault {
  private readonly lock = new KeyedLock();
  // What this process last wrote or read per head. The app is single
  // instance and the only writer of its items, so this spares a keychain
  // read before each write. If something else changed an item meanwhile,
  // the worst case is that its old chunks stay behind, where the orphan
  // scan finds them; the write itself is still correct.
  private readonly known = new Map<string, Manifest | null>();
  // Profiles created in this process: their ids are fresh UUIDs, so they
  // have no items yet.
  private readonly newProfiles = new Set<string>();

  constructor(
    private readonly store: SecretStore,
    // Generations carry their write time, so a scan can tell an item another process is still committing from a leftover.
    private readonly newGeneration: () => string = () => timedGeneration(Date.now()),
  ) {}

  /**
   * Stores `value` as `field` of `scope`, replacing any previous value.
   *
   * Replacing needs the previous head (to delete its chunks), which costs a keychain read unless this process
   * already saw it. A caller that knows the field was never stored (the profile does not list it, and the app
   * is the only writer of its items) passes `previous: 'absent'` and spares that read, so a first store is one
   * keychain call like a raw write. Should the caller be wrong, old chunks stay behind for the orphan scan.
   */
  set(scope: SecretScope, field: SecretField, value: string, previous: 'unknown' | 'absent' = 'unknown'): Promise<void> {
    const size = Buffer.byteLength(value, 'utf8');
    if (size > MAX_SECRET_BYTES) {
      return Promise.reject(new SecretIntegrityError(appError(ErrorCode.SecretTooLarge, `This secret is ${size} bytes; the limit is ${MAX_SECRET_BYTES} bytes.`)));
    }
    const head = headAccount(scope, field);
    return this.lock.run(head, async () => {
      const old = previous === 'absent' && !this.known.has(head) ? null : await this.previousManifest(scope, head);
      const generation = this.newGeneration();
      const encoded = encodeSecret(value, generation);
      const accounts = encoded.chunks.map((_, i) => chunkAccount(head, generation, i));
      try {
        // Chunks are independent items: writing them in parallel halves the
        // wall time of a large value and changes nothing about safety,
        // because no head points at this generation yet.
        await Promise.all(encoded.chunks.map((chunk, i) => this.store.set(accounts[i]!, chunk)));
        await this.store.set(head, encoded.head);
      } catch (error) {
        // The old head still names the old chunks; drop what this attempt wrote.
        await Promise.allSettled(accounts.map((account) => this.store.delete(account)));
        throw error;
      }
      this.known.set(head, decodeManifest(encoded.head));
      if (old !== null) await this.deleteChunks(head, old).catch(() => undefined);
    });
  }

  /**
   * Notes that a profile id was just generated, so it has no items yet and
   * its first writes need not look for previous values.
   */
  declareNewProfile(profileId: string): void {
    this.newProfiles.add(profileId);
  }

  /** The value of `field`, or `null` when it was never stored. */
  get(scope: SecretScope, field: SecretField): Promise<string | null> {
    const head = headAccount(scope, field);
    return this.lock.run(head, async () => {
      const raw = await this.store.get(head);
      if (raw === null) return null;
      const manifest = decodeManifest(raw);
      if (manifest === null) throw corrupt(field);
      this.known.set(head, manifest);
      const chunks = await Promise.all(Array.from({ length: manifest.n }, (_, i) => this.store.get(chunkAccount(head, manifest.g, i))));
      if (chunks.some((c) => c === null)) throw corrupt(field);
      const value = assembleSecret(manifest, chunks as string[]);
      if (value === null) throw corrupt(field);
      return value;
    });
  }

  /**
   * The value of a field the caller knows was stored. Tells "locked" (some
   * keychains answer a locked read with "no such item") from truly missing.
   */
  async require(scope: SecretScope, field: SecretField): Promise<string> {
    const value = await this.get(scope, field);
    if (value !== null) return value;
    await this.store.assertWritable();
    throw new SecretIntegrityError(
      appError(ErrorCode.SecretMissing, 'The keychain no longer holds this secret (it may have been removed outside the app). Enter it again.'),
    );
  }

  /**
   * Deletes `field` of `scope`, head first so no reader follows it into a
   * half-deleted chunk set. Chunks of writes that failed half-way are not
   * listed here (a listing costs a keychain round trip); the orphan scan
   * and {@link deleteProfile} remove them.
   */
  delete(scope: SecretScope, field: SecretField): Promise<boolean> {
    const head = headAccount(scope, field);
    return this.lock.run(head, async () => {
      const manifest = await this.readManifest(head);
      // Nothing to delete, or a locked keychain hiding the item: find out
      // before the caller records the secret as gone.
      if (manifest === null) await this.store.assertWritable();
      const existed = await this.store.delete(head);
      this.known.set(head, null);
      if (manifest !== null) await this.deleteChunks(head, manifest);
      return existed;
    });
  }

  /** Fails with the keychain's error code when it cannot be written (locked, unavailable). */
  assertWritable(): Promise<void> {
    return this.store.assertWritable();
  }

  /** Deletes every item of one profile, including chunks of interrupted writes. */
  async deleteProfile(profileId: string): Promise<number> {
    const prefix = profilePrefix(profileId);
    const accounts = (await this.store.listAccounts()).filter((a) => a.startsWith(prefix));
    return this.deleteAccounts(accounts);
  }

  /** Deletes every item under the app's service name ("forget everything"). */
  async deleteAll(): Promise<number> {
    return this.deleteAccounts(await this.store.listAccounts());
  }

  /**
   * Items no live profile owns: items of deleted profiles, items the app did
   * not name, and chunks no head points at (left by an interrupted write).
   *
   * With `recent`, items written within its grace period are not counted,
   * and neither is anything else of the same profile id (for ids no profile
   * has) or of the same secret: they may belong to a write another process
   * has not committed to the profiles file yet.
   */
  async findOrphans(liveProfileIds: ReadonlySet<string>, recordedFields?: RecordedFields, recent?: RecentWindow): Promise<OrphanGroup[]> {
    const orphans = await this.orphanAccounts(liveProfileIds, recordedFields, recent);
    const groups = new Map<string, { fields: Set<string>; count: number }>();
    for (const account of orphans) {
      const parsed = parseAccount(account);
      const owner = parsed === null ? 'unknown' : (parsed.profileId ?? 'app');
      const group = groups.get(owner) ?? { fields: new Set<string>(), count: 0 };
      group.fields.add(parsed?.field ?? '?');
      group.count += 1;
      groups.set(owner, group);
    }
    return [...groups].map(([owner, g]) => ({ owner, fields: [...g.fields].sort(), itemCount: g.count }));
  }

  /** Deletes every orphan item ({@link findOrphans}, with the same `recent` rule); returns how many. */
  async removeOrphans(liveProfileIds: ReadonlySet<string>, recordedFields?: RecordedFields, recent?: RecentWindow): Promise<number> {
    return this.deleteAccounts(await this.orphanAccounts(liveProfileIds, recordedFields, recent));
  }

  private async orphanAccounts(live: ReadonlySet<string>, recorded?: RecordedFields, recent?: RecentWindow): Promise<string[]> {
    const orphans = await this.unownedAccounts(live, recorded);
    return recent === undefined ? orphans : this.withoutRecent(orphans, live, recent);
  }

  // Drops orphans that may still be on their way into a profile: a group
  // (every item of a profile id no profile has, else every item of one
  // secret) with any item written within the grace period stays whole.
  private async withoutRecent(orphans: readonly string[], live: ReadonlySet<string>, recent: RecentWindow): Promise<string[]> {
    const groupOf = (account: string): string => {
      const parsed = parseAccount(account);
      if (parsed === null) return `foreign:${account}`;
      return parsed.profileId !== null && !live.has(parsed.profileId) ? `id:${parsed.profileId}` : `head:${parsed.head}`;
    };
    const recentGroups = new Set<string>();
    for (const account of orphans) {
      const parsed = parseAccount(account);
      if (parsed === null) continue;
      // A chunk's name holds its generation; a head's generation is in its manifest.
      const generation = parsed.chunk?.generation ?? (await this.lock.run(parsed.head, () => this.readManifest(parsed.head)))?.g;
      if (generation !== undefined && isRecent(writtenAt(generation), recent)) recentGroups.add(groupOf(account));
    }
    return orphans.filter((account) => !recentGroups.has(groupOf(account)));
  }

  private async unownedAccounts(live: ReadonlySet<string>, recorded?: RecordedFields): Promise<string[]> {
    const accounts = await this.store.listAccounts();
    const orphans: string[] = [];
    const heads = new Map<string, Promise<Manifest | null>>();
    for (const account of accounts) {
      const parsed = parseAccount(account);
      if (parsed === null || (parsed.profileId !== null && !live.has(parsed.profileId))) {
        orphans.push(account);
      } else if (parsed.profileId !== null && recorded?.get(parsed.profileId)?.has(parsed.field) === false) {
        // A field the profile does not record: left by a crash between a
        // keychain write and the file write that records it, or between
        // the file write that forgets a secret and its deletion.
        orphans.push(account);
      } else if (parsed.chunk !== null) {
        // A chunk is live only while its head names its generation. Read
        // the head under its lock so an in-flight write is not mistaken
        // for leftovers.
        const head = parsed.head;
        if (!heads.has(head)) heads.set(head, this.lock.run(head, () => this.readManifest(head)));
        const manifest = await heads.get(head)!;
        if (manifest === null || manifest.g !== parsed.chunk.generation || parsed.chunk.index >= manifest.n) orphans.push(account);
      }
    }
    return orphans;
  }

  private async deleteAccounts(accounts: readonly string[]): Promise<number> {
    this.known.clear();
    // Heads first: once a head is gone no reader can reach its chunks.
    const ordered = [...accounts].sort((a, b) => Number(a.includes('#')) - Number(b.includes('#')));
    let deleted = 0;
    for (const account of ordered) {
      const head = parseAccount(account)?.head ?? account;
      if (await this.lock.run(head, () => this.store.delete(account))) deleted += 1;
    }
    return deleted;
  }

  private async previousManifest(scope: SecretScope, head: string): Promise<Manifest | null> {
    const known = this.known.get(head);
    if (known !== undefined) return known;
    if (scope.kind === 'profile' && this.newProfiles.has(scope.profileId)) return null;
    return this.readManifest(head);
  }

  private async readManifest(head: string): Promise<Manifest | null> {
    const raw = await this.store.get(head);
    return raw === null ? null : decodeManifest(raw);
  }

  private async deleteChunks(head: string, manifest: Manifest): Promise<void> {
    await Promise.all(Array.from({ length: manifest.n }, (_, i) => this.store.delete(chunkAccount(head, manifest.g, i))));
  }
}

function corrupt(field: string): SecretIntegrityError {
  return new SecretIntegrityError(
    appError(ErrorCode.SecretCorrupt, `The stored value of ${field} failed its integrity check (part of it is missing or was changed outside the app). Enter it again.`),
  );
}
