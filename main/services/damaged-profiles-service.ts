import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { FileSystem } from '../ports/file-system';
import type { SaveDialog } from '../ports/save-dialog';
import { summarizeDamaged } from '../profiles/profile-file-parser';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretVault } from '../secrets/secret-vault';
import { expected } from './expected-failure';

/** Result of exporting a damaged entry. */
export type DamagedExportOutcome = { readonly status: 'saved'; readonly path: string } | { readonly status: 'cancelled' };

function gone(): Result<never> {
  return fail(appError(ErrorCode.ProfileNotFound, 'This damaged entry is no longer in the profiles file; it may have been removed in another window.'));
}

/**
 * What the user can do with a profile entry the loader set aside: save
 * its raw JSON somewhere (to repair or send it) or delete it. Nothing
 * removes such an entry without one of these explicit choices.
 */
export class DamagedProfilesService {
  constructor(
    private readonly store: ProfileStore,
    private readonly vault: SecretVault,
    private readonly saveDialog: SaveDialog,
    private readonly fs: FileSystem,
  ) {}

  /** Saves the entry's JSON exactly as it was in the file, where the user chooses. */
  async exportRaw(key: string): Promise<Result<DamagedExportOutcome>> {
    return expected(async () => {
      const entry = (await this.store.damaged()).find((d) => d.key === key);
      if (entry === undefined) return gone();
      const summary = summarizeDamaged(entry);
      const stem = (summary.name ?? key).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || key;
      const path = await this.saveDialog.chooseSavePath({
        title: 'Export damaged profile entry',
        defaultFileName: `damaged-profile-${stem}.json`,
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (path === null) return ok({ status: 'cancelled' as const });
      try {
        await this.fs.writeFileAtomic(path, `${JSON.stringify(entry.entry, null, 2)}\n`);
      } catch (error) {
        return fail(appError(ErrorCode.ProfileWriteFailed, `Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`));
      }
      return ok({ status: 'saved' as const, path });
    }).then((r) => (r.ok ? r.value : r));
  }

  /**
   * Removes the entry from the file, then the keychain items of the id it
   * names (unless a loaded profile has that id). The file changes first: a
   * crash in between leaves items no profile owns, which the leftover scan
   * finds, never a profile without its secrets.
   */
  async delete(key: string): Promise<Result<{ readonly deletedItems: number }>> {
    return expected(async () => {
      const removed = await this.store.change((c) => {
        const found = c.damaged.find((d) => d.key === key);
        return { contents: { profiles: c.profiles, damaged: c.damaged.filter((d) => d.key !== key) }, result: found === undefined ? null : { found, live: c.profiles.map((p) => p.id) } };
      });
      if (removed === null) return gone();
      const id = summarizeDamaged(removed.found).profileId;
      const deletedItems = id === null || removed.live.includes(id) ? 0 : await this.vault.deleteProfile(id);
      return ok({ deletedItems });
    }).then((r) => (r.ok ? r.value : r));
  }
}
