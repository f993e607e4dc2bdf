import { join } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { normalizeDraft, ProfileSchema } from '../../shared/domain/profile-schema';
import type { Profile } from '../../shared/domain/profile';
import type { Clock } from '../ports/clock';
import type { FileSystem } from '../ports/file-system';
import { KeyedLock } from '../secrets/keyed-lock';
import { migrateProfileFile, PROFILE_FILE_VERSION } from './profile-file-migrations';

/** The profiles file's name inside the app data folder. */
export const PROFILES_FILE = 'profiles.json';

/** Something the user should know about how the profiles were loaded. */
export interface StoreNotice {
  readonly kind: 'moved-aside' | 'migrated' | 'too-new';
  readonly message: string;
}

/** A failure to change the profiles file; the file and the in-memory list are unchanged. */
export class ProfileStoreError extends Error {
  constructor(
    readonly code: typeof ErrorCode.ProfileWriteFailed | typeof ErrorCode.ProfileFileTooNew,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileStoreError';
  }
}

/**
 * The non-secret profile data: one JSON file in the app data folder.
 *
 * Every change rewrites the whole file atomically (temp file, fsync,
 * rename, mode 0600) and is serialized, so two concurrent saves apply one
 * after the other and the file always holds a complete, valid list. A
 * damaged file is moved aside as `profiles.json.corrupt-<timestamp>` and the
 * app starts with no profiles; a file from a newer version is left alone
 * and changes are refused.
 */
export class ProfileStore {
  private profiles: readonly Profile[] = [];
  private loaded: Promise<readonly StoreNotice[]> | undefined;
  private readOnlyReason: string | null = null;
  private readonly writes = new KeyedLock();

  constructor(
    private readonly fs: FileSystem,
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  /** The file's path. */
  get path(): string {
    return join(this.dataDir, PROFILES_FILE);
  }

  /** Loads the file once; later calls return the first load's notices. */
  load(): Promise<readonly StoreNotice[]> {
    this.loaded ??= this.readFile();
    return this.loaded;
  }

  /** Every profile, in creation order. */
  async list(): Promise<readonly Profile[]> {
    await this.load();
    return this.profiles;
  }

  /** One profile, or `undefined`. */
  async get(id: string): Promise<Profile | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }

  /**
   * Applies `change` to the current list and persists the result. Changes
   * run one at a time, each on the result of the previous one; the list in
   * memory changes only after the file was written.
   */
  async mutate<T>(change: (profiles: readonly Profile[]) => { readonly profiles: readonly Profile[]; readonly result: T }): Promise<T> {
    await this.load();
    return this.writes.run('file', async () => {
      if (this.readOnlyReason !== null) throw new ProfileStoreError(ErrorCode.ProfileFileTooNew, this.readOnlyReason);
      const { profiles, result } = change(this.profiles);
      const body = `${JSON.stringify({ schemaVersion: PROFILE_FILE_VERSION, profiles }, null, 2)}\n`;
      try {
        await this.fs.ensureDir(this.dataDir);
        await this.fs.writeFileAtomic(this.path, body);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        throw new ProfileStoreError(ErrorCode.ProfileWriteFailed, `Could not save the profiles file ${this.path} (${reason}); nothing was changed.`);
      }
      this.profiles = profiles;
      return result;
    });
  }

  private async readFile(): Promise<readonly StoreNotice[]> {
    await this.removeStaleTempFiles();
    const text = await this.fs.readTextFile(this.path);
    if (text === null) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [await this.moveAside('it is not valid JSON (perhaps truncated)')];
    }
    const migrated = migrateProfileFile(json);
    if (migrated.kind === 'too-new') {
      this.readOnlyReason = `The profiles file was written by a newer version of the app (schema ${migrated.version}). Update the app; until then profiles cannot be changed.`;
      return [{ kind: 'too-new', message: this.readOnlyReason }];
    }
    if (migrated.kind === 'unrecognized') return [await this.moveAside('its format is not recognised')];
    const raw = migrated.file['profiles'];
    const profiles: Profile[] = [];
    for (const entry of Array.isArray(raw) ? raw : [null]) {
      const draft = normalizeDraft((entry as { draft?: unknown } | null)?.draft);
      const parsed = ProfileSchema.safeParse(draft === null ? entry : { ...(entry as object), draft });
      if (!parsed.success) return [await this.moveAside('a profile in it is malformed')];
      profiles.push(parsed.data);
    }
    this.profiles = profiles;
    if (migrated.migratedFrom === null) return [];
    return [{ kind: 'migrated', message: `The profiles file was upgraded from schema ${migrated.migratedFrom} to ${PROFILE_FILE_VERSION}; it is rewritten on the next change.` }];
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
  // real file is intact, so they are only clutter.
  private async removeStaleTempFiles(): Promise<void> {
    const names = await this.fs.listDir(this.dataDir);
    const stale = names.filter((n) => n.startsWith(`.${PROFILES_FILE}.`) && n.endsWith('.tmp'));
    await Promise.all(stale.map((n) => this.fs.remove(join(this.dataDir, n))));
  }
}

/** Converts a store failure into the `AppError` the renderer shows. */
export function storeErrorToAppError(error: ProfileStoreError) {
  return appError(error.code, error.message, { retryable: error.code === ErrorCode.ProfileWriteFailed });
}
