import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from '../ports/file-system';

/** Test hooks of {@link NodeFileSystem}. */
export interface NodeFileSystemHooks {
  /**
   * Called after the temporary file is written and fsynced, before the
   * rename. Crash tests pause here and kill the process.
   */
  readonly afterTempSynced?: (tempPath: string) => Promise<void>;
}

/** {@link FileSystem} over Node's `fs`, with crash-safe atomic replacement. */
export class NodeFileSystem implements FileSystem {
  constructor(private readonly hooks: NodeFileSystemHooks = {}) {}

  async writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await this.hooks.afterTempSynced?.(temp);
    try {
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dirname(path));
  }

  async readFileBytes(path: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async readTextFile(path: string): Promise<string | null> {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await rename(from, to);
  }

  async ensureDir(path: string): Promise<void> {
    await mkdir(path, { recursive: true, mode: 0o700 });
  }

  async listDir(path: string): Promise<string[]> {
    try {
      return await readdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async remove(path: string): Promise<void> {
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

// The rename is durable only once the directory entry is on disk; Windows
// cannot open directories, where NTFS journaling covers the rename.
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
