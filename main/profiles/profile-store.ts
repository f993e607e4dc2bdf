import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { ProfileSchema } from '../../shared/domain/profile-schema';
import type { Profile } from '../../shared/domain/profile';
import type { Clock } from '../ports/clock';
import { FileLockBusyError, PROCESS_LOCAL_LOCK, type FileLock } from '../ports/file-lock';
import type { FileSystem } from '../ports/file-system';
import { KeyedLock } from '../secrets/keyed-lock';
import { PROFILE_FILE_VERSION } from './profile-file-migrations';
import { parseProfileFile, serializeProfileFile, type DamagedEntry } from './profile-file-parser';

/** The profiles file's name inside the app data folder. */
export const PROFILES_FILE = 'profiles.json';

/** Something the user should know about how the profiles were loaded. */
export interface StoreNotice {
  readonly kind: 'moved-aside' | 'migrated' | 'too-new' | 'damaged-entries';
  readonly message: string;
}

/** A failure to change the profiles file; the file and the in-memory list are unchanged. */
export class ProfileStoreError extends Error {
  constructor(
    readonly code: typeof ErrorCode.ProfileWriteFailed | typeof ErrorCode.ProfileFileTooNew | typeof ErrorCode.ConfigInvalid,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileStoreError';
  }
}

/** The profiles and the set-aside entries, as one change sees and returns them. */
export interface StoreContents {
  readonly profiles: readonly Profile[];
  readonly damaged: readonly DamagedEntry[];
}

// A change that found the file changed between its read and its write is
// re-applied on the new content; more rounds than this means something
// rewrites the file without taking the lock.
const MAX_WRITE_ROUNDS = 5;

const ABSENT = 'absent';

function digest(text: string | null): string {
  return text === null ? ABSENT : createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The non-secret profile data: one JSON file in the app data folder, shared
 * by the app and `gma`.
 *
 * Every change is a read-modify-write under a cross-process lock (the
 * {@link FileLock}), applied to the file as it is on disk at that moment,
 * never to a cached copy; just before writing, the file is read again and
 * its hash compared (re-read-before-write), and a change that raced with
 * an unlocked writer is re-applied. The write itself is atomic (temp file,
 * fsync, rename, mode 0600), so the file always holds a complete list.
 *
 * A profile entry that fails its schema is set aside on its own under
 * `damaged` (kept until the user exports or deletes it); the whole file is
 * moved aside as `profiles.json.corrupt-<timestamp>` only when it is not
 * JSON or not a profiles file at all. A file from a newer version is left
 * alone and changes are refused. Every profile is checked against the
 * schema before it is written, so nothing invalid is ever stored.
 */
export class ProfileStore {
  private contents: StoreContents = { profiles: [], damaged: [] };
  private hash: string | null = null;
  private readonly notices: StoreNotice[] = [];
  private firstLoad: Promise<void> | undefined;
  private readOnlyReason: string | null = null;
  private readonly serial = new KeyedLock();

  constructor(
    private readonly fs: FileSystem,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly fileLock: FileLock = PROCESS_LOCAL_LOCK,
  ) {}

  /** The file's path. */
  get path(): string {
    return join(this.dataDir, PROFILES_FILE);
  }

  /** Loads the file (once; later calls re-read only if it changed) and returns every notice so far. */
  async load(): Promise<readonly StoreNotice[]> {
    this.firstLoad ??= this.serial.run('file', () => this.locked(async () => {
      await this.removeStaleTempFiles();
      await this.readLocked();
    }));
    await this.firstLoad;
    return [...this.notices];
  }

  /** Every profile, in creation order, as the file holds them now (another process may have changed it). */
  async list(): Promise<readonly Profile[]> {
    return (await this.current()).profiles;
  }

  /** Entries of the file that failed the profile schema, set aside. */
  async damaged(): Promise<readonly DamagedEntry[]> {
    return (await this.current()).damaged;
  }

  /** One profile, or `undefined`. */
  async get(id: string): Promise<Profile | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }

  /**
   * Applies `change` to the current list and persists the result. Changes
   * run one at a time (in this process and across processes), each on the
   * file's content at that moment; the list in memory changes only after
   * the file was written. `change` may run more than once, so it must be
   * a pure function of its input.
   */
  async mutate<T>(change: (profiles: readonly Profile[]) => { readonly profiles: readonly Profile[]; readonly result: T }): Promise<T> {
    return this.change((c) => {
      const { profiles, result } = change(c.profiles);
      return { contents: { profiles, damaged: c.damaged }, result };
    });
  }

  /** Like {@link mutate}, with the set-aside entries too (to export or delete one). */
  async change<T>(apply: (contents: StoreContents) => { readonly contents: StoreContents; readonly result: T }): Promise<T> {
    await this.load();
    return this.serial.run('file', () =>
      this.locked(async () => {
        for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
          await this.readLocked();
          if (this.readOnlyReason !== null) throw new ProfileStoreError(ErrorCode.ProfileFileTooNew, this.readOnlyReason);
          const { contents, result } = apply(this.contents);
          assertStorable(contents.profiles);
          const body = serializeProfileFile(PROFILE_FILE_VERSION, contents.profiles, contents.damaged);
          // Re-read before write: if the file changed since it was read
          // (a writer that does not take the lock), apply the change again
          // to what is there now instead of overwriting it.
          if (digest(await this.readText()) !== this.hash) continue;
          try {
            await this.fs.writeFileAtomic(this.path, body);
          } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
            throw new ProfileStoreError(ErrorCode.ProfileWriteFailed, `Could not save the profiles file ${this.path} (${reason}); nothing was changed.`);
          }
          this.contents = contents;
          this.hash = digest(body);
          return result;
        }
        throw new ProfileStoreError(ErrorCode.ProfileWriteFailed, `The profiles file ${this.path} kept changing while saving; nothing was changed. Try again.`);
      }),
    );
  }

  /**
   * Runs `task` on the file's contents as they are on disk now, holding the
   * same cross-process lock as every change, so no other process (the app
   * or `gma`) commits a change until `task` is done. For work that must not
   * interleave with a commit, such as deleting keychain items no profile
   * records. `task` must not call this store (it would wait for itself).
   */
  async whileLocked<T>(task: (contents: StoreContents) => Promise<T>): Promise<T> {
    await this.load();
    return this.serial.run('file', () =>
      this.locked(async () => {
        await this.readLocked();
        return task(this.contents);
      }),
    );
  }

  private async current(): Promise<StoreContents> {
    await this.load();
    // Cheap when nothing changed: one read and a hash. Serialized with this
    // process's writes so a read never overtakes a write it raced with.
    return this.serial.run('file', async () => {
      const text = await this.readText();
      if (digest(text) === this.hash) return this.contents;
      const parsed = text === null ? null : parseProfileFile(text, this.clock.now().toISOString());
      // Only moving a file aside needs the lock; a normal change by another
      // process is simply taken over.
      if (parsed?.kind === 'ok' && parsed.newlyDamaged === 0) {
        this.adopt(parsed.profiles, parsed.damaged, digest(text));
        return this.contents;
      }
      await this.locked(() => this.readLocked());
      return this.contents;
    });
  }

  // Reads the file and makes it the current contents; call with the lock held.
  private async readLocked(): Promise<void> {
    const text = await this.readText();
    const hash = digest(text);
    if (hash === this.hash) return;
    this.readOnlyReason = null;
    if (text === null) return this.adopt([], [], ABSENT);
    const parsed = parseProfileFile(text, this.clock.now().toISOString());
    switch (parsed.kind) {
      case 'too-new':
        this.readOnlyReason = `The profiles file was written by a newer version of the app (schema ${parsed.version}). Update the app; until then profiles cannot be changed.`;
        this.notify({ kind: 'too-new', message: this.readOnlyReason });
        return this.adopt([], [], hash);
      case 'unreadable':
        this.notify(await this.moveAside(parsed.why));
        return this.adopt([], [], ABSENT);
      case 'ok':
        this.adopt(parsed.profiles, parsed.damaged, hash);
        if (parsed.newlyDamaged > 0) {
          this.notify({
            kind: 'damaged-entries',
            message: `${parsed.newlyDamaged} profile entr${parsed.newlyDamaged === 1 ? 'y' : 'ies'} in the profiles file could not be read and ${parsed.newlyDamaged === 1 ? 'was' : 'were'} set aside (kept in the file, listed under “Damaged entries”); the other profiles loaded.`,
          });
        }
        if (parsed.migratedFrom !== null) {
          this.notify({ kind: 'migrated', message: `The profiles file was upgraded from schema ${parsed.migratedFrom} to ${PROFILE_FILE_VERSION}; it is rewritten on the next change.` });
        }
    }
  }

  private adopt(profiles: readonly Profile[], damaged: readonly DamagedEntry[], hash: string): void {
    this.contents = { profiles, damaged };
    this.hash = hash;
  }

  private notify(notice: StoreNotice): void {
    if (!this.notices.some((n) => n.message === notice.message)) this.notices.push(notice);
  }

  private readText(): Promise<string | null> {
    return this.fs.readTextFile(this.path);
  }

  private async locked<T>(task: () => Promise<T>): Promise<T> {
    try {
      await this.fs.ensureDir(this.dataDir);
    } catch (error) {
      throw new ProfileStoreError(ErrorCode.ProfileWriteFailed, `Could not create the data folder ${this.dataDir} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    try {
      return await this.fileLock.withLock(this.path, task);
    } catch (error) {
      if (error instanceof FileLockBusyError) throw new ProfileStoreError(ErrorCode.ProfileWriteFailed, `${error.message} Nothing was changed.`);
      throw error;
    }
  }

  private async moveAside(why: string): Promise<StoreNotice> {
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    const aside = `${this.path}.corrupt-${stamp}`;
    await this.fs.rename(this.path, aside);
    return {
      kind: 'moved-aside',
      message: `The profiles file could not be read because ${why}. It was moved aside to ${aside} and the app started with no profiles; secrets in the keychain are untouched and appear under “Leftover keychain items”.`,
    };
  }

  // Temp files of an interrupted atomic write (crash before rename). The
  // real file is intact, so they are only clutter. Runs under the lock, so
  // another process's write in progress is never mistaken for one.
  private async removeStaleTempFiles(): Promise<void> {
    const names = await this.fs.listDir(this.dataDir);
    const stale = names.filter((n) => n.startsWith(`.${PROFILES_FILE}.`) && n.endsWith('.tmp'));
    await Promise.all(stale.map((n) => this.fs.remove(join(this.dataDir, n))));
  }
}

// The last line of defence: whatever a service computed, an entry the
// loader would set aside is never written.
function assertStorable(profiles: readonly Profile[]): void {
  const ids = new Set<string>();
  for (const p of profiles) {
    const parsed = ProfileSchema.safeParse(p);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProfileStoreError(ErrorCode.ConfigInvalid, `The profile cannot be saved: ${issue === undefined ? 'it is invalid' : `${issue.path.join('.')}: ${issue.message}`}. Nothing was changed.`);
    }
    if (ids.has(p.id)) throw new ProfileStoreError(ErrorCode.ConfigInvalid, 'Two profiles would have the same id. Nothing was changed.');
    ids.add(p.id);
  }
}

/** Converts a store failure into the `AppError` the renderer shows. */
export function storeErrorToAppError(error: ProfileStoreError) {
  return appError(error.code, error.message, { retryable: error.code === ErrorCode.ProfileWriteFailed });
}
