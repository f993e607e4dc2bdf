import { join } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { parseRotationJournal, rotationIdOf, rotationSlotId, type RotationJournal } from '../../shared/lifecycle/rotation-journal';
import { fail, type Result } from '../../shared/result';
import { FileLockBusyError, type FileLock } from '../ports/file-lock';
import type { FileSystem } from '../ports/file-system';
import type { RotationHolds } from '../services/rotation-holds';

/** Where rotation journals live, inside the data folder. */
export const ROTATIONS_DIR = 'rotations';

const UNFINISHED = fail(appError(ErrorCode.RotationInProgress, 'A credential rotation of this profile is unfinished, and undoing or finishing it needs the profile. Let it finish first: that happens when the app starts, or run "gma rotate --recover".'));
const RUNNING = fail(appError(ErrorCode.RotationInProgress, 'A credential rotation of this profile is running right now (in the app or in gma); wait for it to end, then try again.', { retryable: true }));

/** Thrown by {@link RotationJournalStore.whileClaimed} when another process (or task) holds the profile's claim. */
export class RotationClaimedError extends Error {
  constructor(readonly profileId: string) {
    super('A rotation of this profile is running right now (in the app or in gma).');
    this.name = 'RotationClaimedError';
  }
}

/**
 * The journals of unfinished rotations: one small JSON file per profile under `rotations/` in the data folder,
 * replaced atomically (write to a temporary file, rename) at every phase, so a crash leaves either the previous
 * phase or the next one, never a torn file. They hold public values only; the new secret waits in the keychain.
 *
 * Beside them, a claim per profile (`rotation-<profile-id>.lock` in the data folder, the machine-wide {@link FileLock},
 * there only while held) taken by whoever acts on that
 * profile's rotation: the rotation itself, a recovery, or a deletion making sure none runs. The app and `gma` may
 * run at once; without the claim both could start a rotation of one profile, or one could undo the other's live
 * rotation as if a crash had left it. A killed holder's claim goes stale within seconds and is taken over.
 */
export class RotationJournalStore implements RotationHolds {
  constructor(
    private readonly fs: FileSystem,
    private readonly dataDir: string,
    private readonly lock: FileLock,
  ) {}

  private dir(): string {
    return join(this.dataDir, ROTATIONS_DIR);
  }

  private path(profileId: string): string {
    return join(this.dir(), `${profileId}.json`);
  }

  /**
   * Runs `task` holding `profileId`'s rotation claim; waits a few seconds for a holder that is finishing (or was
   * killed), then throws {@link RotationClaimedError}.
   */
  async whileClaimed<T>(profileId: string, task: () => Promise<T>): Promise<T> {
    // Beside the profiles file rather than in rotations/: a deletion's claim leaves no folder behind.
    await this.fs.ensureDir(this.dataDir);
    try {
      return await this.lock.withLock(join(this.dataDir, `rotation-${profileId}`), task);
    } catch (error) {
      if (error instanceof FileLockBusyError) throw new RotationClaimedError(profileId);
      throw error;
    }
  }

  /** The journal of `profileId`'s unfinished rotation, `null` when there is none (or it is unreadable: see {@link scan}). */
  async read(profileId: string): Promise<RotationJournal | null> {
    const json = await this.readJson(`${profileId}.json`);
    return json === undefined ? null : parseRotationJournal(json);
  }

  /** True when a journal file of `profileId` exists, readable or not. */
  async exists(profileId: string): Promise<boolean> {
    return (await this.fs.readTextFile(this.path(profileId))) !== null;
  }

  /** Writes (replaces) a journal atomically. */
  async write(journal: RotationJournal): Promise<void> {
    await this.fs.ensureDir(this.dir());
    await this.fs.writeFileAtomic(this.path(journal.profileId), `${JSON.stringify(journal, null, 2)}\n`);
  }

  /** Removes a finished rotation's journal. */
  async remove(profileId: string): Promise<void> {
    await this.fs.remove(this.path(profileId));
  }

  /** Every journal file, read once: the unfinished rotations, and the files this version cannot act on. */
  async scan(): Promise<{ readonly journals: readonly RotationJournal[]; readonly unreadable: readonly string[] }> {
    const journals: RotationJournal[] = [];
    const unreadable: string[] = [];
    for (const name of await this.listNames()) {
      const j = parseRotationJournal(await this.readJson(name));
      if (j === null) unreadable.push(name);
      else journals.push(j);
    }
    return { journals, unreadable };
  }

  async heldScopeIds(): Promise<ReadonlySet<string>> {
    const held = new Set<string>();
    for (const name of await this.listNames()) {
      const id = rotationIdOf(await this.readJson(name));
      if (id !== null) held.add(rotationSlotId(id));
    }
    return held;
  }

  async unfinishedProfileIds(): Promise<readonly string[]> {
    return (await this.listNames()).map((n) => n.slice(0, -'.json'.length));
  }

  async whileNotRotating<T>(profileId: string, task: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await this.whileClaimed(profileId, async () => ((await this.exists(profileId)) ? UNFINISHED : task()));
    } catch (error) {
      if (error instanceof RotationClaimedError) return RUNNING;
      throw error;
    }
  }

  // undefined: no such file; null: not JSON.
  private async readJson(name: string): Promise<unknown> {
    const text = await this.fs.readTextFile(join(this.dir(), name));
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }

  private async listNames(): Promise<string[]> {
    try {
      return (await this.fs.listDir(this.dir())).filter((n) => /^[A-Za-z0-9-]{1,64}\.json$/.test(n));
    } catch {
      return [];
    }
  }
}
