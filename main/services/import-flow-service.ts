import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { OpenDialog } from '../ports/open-dialog';
import type { ImportFileKind, ImportOutcome, ImportService } from './import-service';

/** The file the user picked, by handle. */
export type ImportChoice = { readonly status: 'chosen'; readonly handle: string; readonly fileName: string; readonly kind: ImportFileKind } | { readonly status: 'cancelled' };

/**
 * The app's import in two steps: pick a file (the main process keeps its
 * path and hands the renderer an opaque handle, so the page can never name
 * a file of its own), then import it — with a passphrase if it is a bundle.
 */
export class ImportFlowService {
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly dialog: OpenDialog,
    private readonly imports: ImportService,
  ) {}

  /** Shows the open dialog and says whether the file is a bundle. */
  async choose(): Promise<Result<ImportChoice>> {
    const path = await this.dialog.chooseOpenPath({
      title: 'Import instance settings',
      filters: [
        { name: 'Settings or bundle', extensions: ['json', 'yaml', 'yml', 'gma-bundle'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (path === null) return ok({ status: 'cancelled' });
    const kind = await this.imports.kindOf(path);
    if (!kind.ok) return kind;
    const handle = randomUUID();
    this.chosen.set(handle, path);
    return ok({ status: 'chosen', handle, fileName: basename(path), kind: kind.value });
  }

  /** Imports a chosen file; the handle stays valid for another try (e.g. a mistyped passphrase). */
  async import(handle: string, passphrase?: string): Promise<Result<ImportOutcome>> {
    const path = this.chosen.get(handle);
    if (path === undefined) return fail(appError(ErrorCode.ImportInvalid, 'Choose the file again.'));
    const result = await this.imports.importFile(path, passphrase);
    if (result.ok) this.chosen.delete(handle);
    return result;
  }
}
