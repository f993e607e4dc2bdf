import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { OpenDialog } from '../ports/open-dialog';
import type { ImportAnswer, ImportDecision, ImportFileKind, ImportService, PreparedImport } from './import-service';

/** The file the user picked, by handle. */
export type ImportChoice = { readonly status: 'chosen'; readonly handle: string; readonly fileName: string; readonly kind: ImportFileKind } | { readonly status: 'cancelled' };

/** The answer to `settings:import`: imported, a clash to decide, or cancelled by the user. */
export type ImportFlowAnswer = ImportAnswer | { readonly status: 'cancelled' };

/** A chosen file, and once read, what it holds (kept here so secrets never go to the renderer). */
interface Chosen {
  readonly path: string;
  prepared?: PreparedImport;
}

/**
 * The app's import in two steps: pick a file (the main process keeps its
 * path and hands the renderer an opaque handle, so the page can never name
 * a file of its own), then import it — with a passphrase if it is a bundle.
 * When the file matches an existing profile, the import answers with both
 * sides; a further call carries the user's decision (replace, keep both
 * as a new profile, or cancel) and the file is not read again.
 */
export class ImportFlowService {
  private readonly chosen = new Map<string, Chosen>();

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
    this.chosen.set(handle, { path });
    return ok({ status: 'chosen', handle, fileName: basename(path), kind: kind.value });
  }

  /**
   * Imports a chosen file; the handle stays valid for another try (a
   * mistyped passphrase) and for the decision on a clash.
   */
  async import(handle: string, passphrase?: string, decision?: ImportDecision | 'cancel'): Promise<Result<ImportFlowAnswer>> {
    const chosen = this.chosen.get(handle);
    if (chosen === undefined) return fail(appError(ErrorCode.ImportInvalid, 'Choose the file again.'));
    if (decision === 'cancel') {
      this.chosen.delete(handle);
      return ok({ status: 'cancelled' });
    }
    if (chosen.prepared === undefined) {
      const prepared = await this.imports.prepare(chosen.path, passphrase);
      if (!prepared.ok) return prepared;
      chosen.prepared = prepared.value;
    }
    const result = await this.imports.commit(chosen.prepared, decision);
    if (!result.ok || result.value.status === 'imported') this.chosen.delete(handle);
    return result;
  }
}
