import { join } from 'node:path';
import { parseRotationJournal, type RotationJournal } from '../../shared/lifecycle/rotation-journal';
import type { FileSystem } from '../ports/file-system';

/** Where rotation journals live, inside the data folder. */
export const ROTATIONS_DIR = 'rotations';

/**
 * The journals of unfinished rotations: one small JSON file per profile under `rotations/` in the data folder,
 * replaced atomically (write to a temporary file, rename) at every phase, so a crash leaves either the previous
 * phase or the next one, never a torn file. They hold public values only; the new secret waits in the keychain.
 */
export class RotationJournalStore {
  constructor(
    private readonly fs: FileSystem,
    private readonly dataDir: string,
  ) {}

  private path(profileId: string): string {
    return join(this.dataDir, ROTATIONS_DIR, `${profileId}.json`);
  }

  /** The journal of `profileId`'s unfinished rotation, `null` when there is none (or it is unreadable: see {@link list}). */
  async read(profileId: string): Promise<RotationJournal | null> {
    const text = await this.fs.readTextFile(this.path(profileId));
    if (text === null) return null;
    try {
      return parseRotationJournal(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /** Writes (replaces) a journal atomically. */
  async write(journal: RotationJournal): Promise<void> {
    await this.fs.ensureDir(join(this.dataDir, ROTATIONS_DIR));
    await this.fs.writeFileAtomic(this.path(journal.profileId), `${JSON.stringify(journal, null, 2)}\n`);
  }

  /** Removes a finished rotation's journal. */
  async remove(profileId: string): Promise<void> {
    await this.fs.remove(this.path(profileId));
  }

  /** Every unfinished rotation (unreadable files are skipped: they are reported by {@link unreadable}). */
  async list(): Promise<RotationJournal[]> {
    const names = await this.listNames();
    const found: RotationJournal[] = [];
    for (const name of names) {
      const j = await this.read(name.slice(0, -'.json'.length));
      if (j !== null) found.push(j);
    }
    return found;
  }

  /** Journal files that cannot be read (hand-edited or from a newer version): kept, never acted on. */
  async unreadable(): Promise<string[]> {
    const out: string[] = [];
    for (const name of await this.listNames()) if ((await this.read(name.slice(0, -'.json'.length))) === null) out.push(name);
    return out;
  }

  private async listNames(): Promise<string[]> {
    try {
      return (await this.fs.listDir(join(this.dataDir, ROTATIONS_DIR))).filter((n) => /^[A-Za-z0-9-]{1,64}\.json$/.test(n));
    } catch {
      return [];
    }
  }
}
