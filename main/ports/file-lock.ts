/**
 * A lock shared by every process on the machine (the app and `gma`), held
 * around one read-modify-write of a file.
 */
export interface FileLock {
  /** Runs `task` while holding the lock of `path`; waits (bounded) for another holder. */
  withLock<T>(path: string, task: () => Promise<T>): Promise<T>;
}

/** No cross-process lock: for unit tests over an in-memory file system. */
export const PROCESS_LOCAL_LOCK: FileLock = {
  withLock: (_path, task) => task(),
};

/** Thrown when another process kept the lock longer than we wait. */
export class FileLockBusyError extends Error {
  constructor(readonly path: string) {
    super(`${path} is being changed by another process (the app or gma); try again.`);
    this.name = 'FileLockBusyError';
  }
}
