import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { AuthMethod } from '../../shared/domain/auth-method';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { secretFieldsFor, type ProfileSecretField } from '../../shared/domain/secret-field';
import { buildBundlePayload } from '../../shared/export/bundle-payload';
import type { ExportChoice } from '../../shared/export/export-choice';
import { exportSettings } from '../../shared/export/export-formats';
import { fileStem } from '../../shared/export/export-input';
import { keychainPlaceholder } from '../../shared/export/secret-fields';
import { secretKindOfField } from '../../shared/export/secret-field-kinds';
import { buildInstanceParams, type SecretValues } from '../../shared/settings/build-instance-params';
import { validateForExport } from '../../shared/validation/validate-draft';
import { fail, ok, type Result } from '../../shared/result';
import { sealBundle } from '../bundle/bundle-crypto';
import type { ProfileSecrets } from '../ports/profile-secrets';

/** What to export. */
export interface ExportRequest {
  readonly draft: ProfileDraft;
  /** The profile whose keychain secrets the export reads; `null` for a method without secrets. */
  readonly profileId: string | null;
  readonly format: ExportChoice;
  /** Put real secret values into the files (the bundle always carries them, encrypted). */
  readonly includeSecrets: boolean;
  /** Bundle only: the passphrase that encrypts it. */
  readonly passphrase?: string;
  /** The analyst confirmed exporting XSOAR-app values for an instance other than the bound one. */
  readonly confirmRebind: boolean;
}

/** One file to write. */
export interface BuiltFile {
  readonly fileName: string;
  readonly data: string | Uint8Array;
  readonly containsSecrets: boolean;
}

/** The files of one export, the main one first. */
export interface BuiltExport {
  readonly files: readonly BuiltFile[];
  /** What was normalized on the way, in plain language. */
  readonly warnings: readonly string[];
  /** XSOAR-app values are now bound to this instance. */
  readonly boundInstanceName?: string;
}

/**
 * Turns a profile's draft into export files, in any format.
 *
 * Shared by the app (which then asks where to save) and `gma` (which writes
 * to a path or standard output). Refuses an invalid draft with every
 * problem listed, guards the single-instance binding of XSOAR-app values,
 * and reads secrets from the keychain only when they are to be included.
 */
export class ExportBuilder {
  constructor(private readonly secrets: ProfileSecrets) {}

  /** Builds the files of `request`. */
  async build(request: ExportRequest): Promise<Result<BuiltExport>> {
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
    const binding = draft.method === AuthMethod.XsoarApp ? { boundInstanceName: instance } : {};
    const fields = needed.filter((f) => stored.includes(f));
    const real = request.includeSecrets || request.format === 'bundle';
    const profileName = request.profileId === null ? '' : await this.secrets.profileName(request.profileId);
    const values = real ? await this.readSecrets(request.profileId, fields) : placeholders(profileName, fields);
    const params = buildInstanceParams(draft, values);

    if (request.format === 'bundle') {
      const payload = buildBundlePayload({ profile: { name: profileName.trim() || instance, instanceName: instance, ...(request.profileId === null ? {} : { id: request.profileId }) }, params, exportedAt: new Date().toISOString() });
      if (!payload.ok) return payload;
      const sealed = await sealBundle(payload.value, request.passphrase ?? '');
      if (!sealed.ok) return sealed;
      return ok({ files: [{ fileName: `${fileStem(instance)}.gma-bundle`, data: sealed.value, containsSecrets: true }], warnings: [], ...binding });
    }
    const artifact = exportSettings(request.format, { instanceName: instance, params, secretsIncluded: real });
    if (!artifact.ok) return artifact;
    return ok({
      files: artifact.value.files.map((f) => ({ fileName: f.fileName, data: f.text, containsSecrets: f.containsSecrets })),
      warnings: artifact.value.warnings.map((w) => `${w.param}: ${w.message}`),
      ...binding,
    });
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

function placeholders(profileName: string, fields: readonly ProfileSecretField[]): SecretValues {
  return Object.fromEntries(fields.map((f) => [f, keychainPlaceholder(profileName, secretKindOfField(f))]));
}
