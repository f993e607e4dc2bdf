import { dirname, join } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { ExportOutcome } from '../../shared/wizard/wizard-actions';
import { EXPORT_CHOICE_LABELS } from '../../shared/export/export-choice';
import { fail, ok, type Result } from '../../shared/result';
import type { FileSystem } from '../ports/file-system';
import type { SaveDialog } from '../ports/save-dialog';
import type { ExportBuilder, ExportRequest } from './export-builder';
import type { WrittenExports } from './written-exports';

/**
 * Writes export files where the analyst chooses.
 *
 * The builder makes the files; the save dialog picks the main file's path
 * and companion files (the curl script, `terraform.tfvars.example`) go
 * beside it. Every file is written atomically with mode 0600.
 */
export class SettingsExportService {
  constructor(
    private readonly fs: FileSystem,
    private readonly dialog: SaveDialog,
    private readonly builder: ExportBuilder,
    /** Where written files are remembered, for "Show in folder". */
    private readonly written?: WrittenExports,
  ) {}

  /** Exports the draft in the requested format. */
  async export(request: ExportRequest): Promise<Result<ExportOutcome>> {
    const built = await this.builder.build(request);
    if (!built.ok) return built;
    const [main, ...companions] = built.value.files;
    if (main === undefined) return fail(appError(ErrorCode.Internal, 'The export produced no file.'));
    const extension = main.fileName.slice(main.fileName.lastIndexOf('.') + 1);
    const path = await this.dialog.chooseSavePath({
      title: `Export: ${EXPORT_CHOICE_LABELS[request.format].title}`,
      defaultFileName: main.fileName,
      filters: [{ name: EXPORT_CHOICE_LABELS[request.format].title, extensions: [extension] }],
    });
    if (path === null) return ok({ status: 'cancelled' });
    const targets = [path, ...companions.map((c) => join(dirname(path), c.fileName))];
    try {
      for (const [i, file] of [main, ...companions].entries()) await this.fs.writeFileAtomic(targets[i] ?? path, file.data);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return fail(appError(ErrorCode.ExportWriteFailed, `Could not write the export next to ${path} (${reason}). Choose a folder you can write to.`, { retryable: true }));
    }
    this.written?.remember(targets);
    const outcome = {
      status: 'saved' as const,
      path,
      files: targets,
      warnings: built.value.warnings,
      containsSecrets: built.value.files.some((f) => f.containsSecrets),
    };
    return ok(built.value.boundInstanceName === undefined ? outcome : { ...outcome, boundInstanceName: built.value.boundInstanceName });
  }
}
