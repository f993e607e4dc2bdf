import { lock } from 'proper-lockfile';
import { FileLockBusyError, type FileLock } from '../ports/file-lock';

/**
 * {@link FileLock} over proper-lockfile: an atomic `mkdir` of `<path>.lock`,
 * its mtime refreshed while held. A holder killed with SIGKILL leaves the
 * folder behind; it counts as stale after {@link STALE_MS} and is taken over.
 */
export class ProperFileLock implements FileLock {
  /** How old an un-refreshed lock must be before another process takes it over (proper-lockfile's minimum is 2 s). */
  static readonly STALE_MS = 4_000;

  async withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lock(path, {
        realpath: false,
        stale: ProperFileLock.STALE_MS,
        // Long enough to outlast a stale lock of a killed process, plus a slow writer.
        retries: { retries: 80, factor: 1.2, minTimeout: 15, maxTimeout: 250 },
        // A lock taken over while held means this process stalled longer than
        // STALE_MS; the store's re-read-before-write check still refuses to
        // overwrite a change made meanwhile, so nothing needs to crash here.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new FileLockBusyError(path);
      throw error;
    }
    try {
      return await task();
    } finally {
      await release().catch(() => undefined);
    }
  }
}
