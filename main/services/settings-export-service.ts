import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { AuthMethod } from '../../shared/domain/auth-method';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { secretFieldsFor, type ProfileSecretField } from '../../shared/domain/secret-field';
import { buildInstanceParams, type SecretValues } from '../../shared/settings/build-instance-params';
import { validateForExport } from '../../shared/validation/validate-draft';
import type { ExportOutcome } from '../../shared/wizard/wizard-actions';
import { fail, ok, type Result } from '../../shared/result';
import type { FileSystem } from '../ports/file-system';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { SaveDialog } from '../ports/save-dialog';

/** What to export. */
export interface ExportRequest {
  readonly draft: ProfileDraft;
  /** The profile whose keychain secrets the export reads; `null` for a method without secrets. */
  readonly profileId: string | null;
  /** The analyst confirmed exporting XSOAR-app values for an instance other than the bound one. */
  readonly confirmRebind: boolean;
}

/**
 * Writes instance settings files.
 *
 * Refuses an invalid draft with every problem listed, reads the method's
 * secrets from the keychain, guards the single-instance binding of
 * XSOAR-app values, asks the save dialog for a path, then writes the JSON
 * atomically with mode 0600.
 */
export class SettingsExportService {
  constructor(
    private readonly fs: FileSystem,
    private readonly dialog: SaveDialog,
    private readonly secrets: ProfileSecrets,
  ) {}

  /** Exports the draft as a JSON object keyed by XSOAR parameter name. */
  async exportInstanceJson(request: ExportRequest): Promise<Result<ExportOutcome>> {
    const { draft } = request;
    const needed = secretFieldsFor(draft.method);
    const stored = needed.length > 0 && request.profileId !== null ? await this.secrets.storedFields(request.profileId) : [];
    const problems = validateForExport(draft, stored);
    if (problems.length > 0) {
      return fail(appError(ErrorCode.ConfigInvalid, `The settings cannot be exported yet: ${problems.map((p) => p.message).join(' ')}`, { fields: problems }));
    }
    const instance = draft.mailbox.instanceName.trim();
    const bound = draft.xsoarApp.boundInstanceName;
    if (draft.method === AuthMethod.XsoarApp && bound !== '' && bound !== instance && !request.confirmRebind) {
      return fail(
        appError(
          ErrorCode.InstanceBindingMismatch,
          `The ID, Token and Key were exported for instance "${bound}". They work for one instance only: the integration stores the rotated token in that instance's context, so a second instance using them breaks the first (or fails itself). For "${instance}", an administrator should run the consent page again and you should paste the new values. Export anyway only if "${bound}" was deleted or renamed.`,
        ),
      );
    }
    const values = await this.readSecrets(request.profileId, needed.filter((f) => stored.includes(f)));
    const path = await this.dialog.chooseSavePath({
      title: 'Export instance settings',
      defaultFileName: `${safeFileName(instance)}.json`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (path === null) return ok({ status: 'cancelled' });
    const body = `${JSON.stringify(buildInstanceParams(draft, values), null, 2)}\n`;
    try {
      await this.fs.writeFileAtomic(path, body);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return fail(appError(ErrorCode.ExportWriteFailed, `Could not write ${path} (${reason}). Choose a folder you can write to.`, { retryable: true }));
    }
    return ok(draft.method === AuthMethod.XsoarApp ? { status: 'saved', path, boundInstanceName: instance } : { status: 'saved', path });
  }

  private async readSecrets(profileId: string | null, fields: readonly ProfileSecretField[]): Promise<SecretValues> {
    const values: SecretValues = {};
    if (profileId === null) return values;
    for (const field of fields) {
      const value = await this.secrets.read(profileId, field);
      if (value !== null) values[field] = value;
    }
    return values;
  }
}

/** A file name derived from the instance name, safe on Windows and macOS. */
export function safeFileName(name: string): string {
  // Control characters are exactly what must go, hence the control-character range.
  // oxlint-disable-next-line no-control-regex
  const cleaned = name.trim().replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/\s+/g, '_');
  return cleaned === '' ? 'instance-settings' : cleaned.slice(0, 120);
}
