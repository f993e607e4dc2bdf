import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { buildInstanceParams } from '../../shared/settings/build-instance-params';
import { validateForExport } from '../../shared/validation/validate-draft';
import type { ExportOutcome } from '../../shared/wizard/wizard-actions';
import { fail, ok, type Result } from '../../shared/result';
import type { FileSystem } from '../ports/file-system';
import type { SaveDialog } from '../ports/save-dialog';

/**
 * Writes instance settings files.
 *
 * Refuses an invalid draft with every problem listed, asks the save dialog
 * for a path, then writes the JSON atomically with mode 0600.
 */
export class SettingsExportService {
  constructor(
    private readonly fs: FileSystem,
    private readonly dialog: SaveDialog,
  ) {}

  /** Exports the draft as a JSON object keyed by XSOAR parameter name. */
  async exportInstanceJson(draft: ProfileDraft): Promise<Result<ExportOutcome>> {
    const problems = validateForExport(draft);
    if (problems.length > 0) {
      return fail(appError(ErrorCode.ConfigInvalid, `The settings cannot be exported yet: ${problems.map((p) => p.message).join(' ')}`, { fields: problems }));
    }
    const path = await this.dialog.chooseSavePath({
      title: 'Export instance settings',
      defaultFileName: `${safeFileName(draft.mailbox.instanceName)}.json`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (path === null) return ok({ status: 'cancelled' });
    const body = `${JSON.stringify(buildInstanceParams(draft), null, 2)}\n`;
    try {
      await this.fs.writeFileAtomic(path, body);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return fail(appError(ErrorCode.ExportWriteFailed, `Could not write ${path} (${reason}). Choose a folder you can write to.`, { retryable: true }));
    }
    return ok({ status: 'saved', path });
  }
}

/** A file name derived from the instance name, safe on Windows and macOS. */
export function safeFileName(name: string): string {
  // Control characters are exactly what must go, hence the control-character range.
  // oxlint-disable-next-line no-control-regex
  const cleaned = name.trim().replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/\s+/g, '_');
  return cleaned === '' ? 'instance-settings' : cleaned.slice(0, 120);
}
