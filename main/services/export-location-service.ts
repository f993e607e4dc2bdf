import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { FolderRevealer } from '../ports/folder-revealer';
import type { WrittenExports } from './written-exports';

/**
 * "Show in folder" after an export: opens the file manager on a file the
 * export just wrote, and on nothing else.
 */
export class ExportLocationService {
  constructor(
    private readonly written: WrittenExports,
    private readonly revealer: FolderRevealer | undefined,
  ) {}

  /** Shows `path` in its folder if this app exported it; refuses any other path without touching it. */
  async showInFolder(path: string): Promise<Result<{ readonly shown: true }>> {
    if (!this.written.has(path)) {
      return fail(appError(ErrorCode.ExportPathUnknown, 'Only a file this app has just exported can be shown in its folder. Export again, then use Show in folder.'));
    }
    if (this.revealer === undefined) return fail(appError(ErrorCode.ExportPathUnknown, 'This host has no file manager to show the folder in.'));
    await this.revealer.showInFolder(path);
    return ok({ shown: true as const });
  }
}
