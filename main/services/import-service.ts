import { basename } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Profile } from '../../shared/domain/profile';
import { SecretField, secretFieldsFor, type ProfileSecretField } from '../../shared/domain/secret-field';
import { importSettings, MAX_IMPORT_BYTES } from '../../shared/export/import-settings';
import { isPlaceholder } from '../../shared/export/secret-fields';
import { fieldOfSecretKind } from '../../shared/export/secret-field-kinds';
import { paramsToDraft } from '../../shared/settings/params-to-draft';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_BUNDLE_BYTES, openBundle } from '../bundle/bundle-crypto';
import { BUNDLE_MAGIC } from '../bundle/bundle-header';
import type { FileSystem } from '../ports/file-system';
import type { ProfilesService } from './profiles-service';
import type { SecretsService } from './secrets-service';
import { readImportFile, readImportFileHead } from './import-file-reader';
import { decodeImportText } from './import-text-decoder';
import { claimedImportFormat } from '../../shared/export/import-format-claim';

/** What an import did. */
export interface ImportOutcome {
  readonly profile: Profile;
  /** True when a profile of the same name was replaced. */
  readonly replaced: boolean;
  /** Conversions and left-out parameters, in plain language. */
  readonly warnings: readonly string[];
  /** Secrets the method needs that the file did not carry (placeholders). */
  readonly missingSecrets: readonly ProfileSecretField[];
}

/** Marks a profile an import is still building; see {@link ImportService}. */
const STAGING_MARK = / \(importing [0-9a-z]+\)$/;

/** A staged import older than this was interrupted (a crash or a killed `gma`), not still running. */
const STALE_STAGING_MS = 10 * 60_000;

/** What kind of file a path holds. */
export type ImportFileKind = 'bundle' | 'settings';

/**
 * Imports a REST body, flat parameters (JSON/YAML) or an encrypted bundle
 * into a profile, its secrets into the keychain.
 *
 * All or nothing: the import is staged in a new profile; only when its
 * draft and every secret are stored does it take the target name (and
 * replace a profile of that name). On any failure the staged profile and
 * its keychain items are removed and existing profiles are untouched.
 */
export class ImportService {
  constructor(
    private readonly fs: FileSystem,
    private readonly profiles: ProfilesService,
    private readonly secrets: SecretsService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Tells a bundle (needs a passphrase) from a settings file. */
  async kindOf(path: string): Promise<Result<ImportFileKind>> {
    const head = await readImportFileHead(path, MAX_BUNDLE_BYTES, BUNDLE_MAGIC.length);
    if (!head.ok) return head;
    return ok(isBundle(head.value) ? 'bundle' : 'settings');
  }

  /** Imports the file at `path`; `passphrase` is required for a bundle. */
  async importFile(path: string, passphrase?: string): Promise<Result<ImportOutcome>> {
    const bytes = await this.read(path);
    if (!bytes.ok) return bytes;
    if (isBundle(bytes.value)) {
      if (passphrase === undefined || passphrase === '') return fail(appError(ErrorCode.BundleWrongPassphrase, 'This is an encrypted bundle: enter its passphrase.'));
      const opened = await openBundle(bytes.value, passphrase);
      if (!opened.ok) return opened;
      const c = opened.value;
      return this.stage(c.profile.name, c.profile.instanceName, c.params, c.warnings.map((w) => `${w.param}: ${w.message}`));
    }
    if (bytes.value.byteLength > MAX_IMPORT_BYTES) return fail(appError(ErrorCode.ImportInvalid, `The file is larger than ${MAX_IMPORT_BYTES} bytes; it is not an instance settings file.`));
    const text = decodeImportText(bytes.value);
    if (!text.ok) return text;
    const imported = importSettings(text.value, claimedImportFormat(basename(path), text.value));
    if (!imported.ok) return imported;
    const s = imported.value;
    const instance = s.instanceName ?? basename(path).replace(/(\.xsoar-instance|\.params)?\.(json|ya?ml)$/i, '');
    return this.stage(instance, instance, s.params, s.warnings.map((w) => `${w.param}: ${w.message}`));
  }

  private async stage(name: string, instanceName: string, params: Parameters<typeof paramsToDraft>[0], initialWarnings: readonly string[]): Promise<Result<ImportOutcome>> {
    let warnings = initialWarnings;
    const converted = paramsToDraft(params, instanceName, isPlaceholder, this.now().toISOString());
    if (!converted.ok) return converted;
    const { draft, secrets } = converted.value;
    if (secrets[SecretField.SelfDeployedAuthCode] !== undefined) {
      warnings = [...warnings, 'creds_auth_code: an authorization code is single-use and expires about 10 minutes after it was issued; unless this one is that fresh, get a new code in the wizard before saving the instance.'];
    }
    await this.removeInterruptedImports();
    const staged = await this.profiles.create(`${name.slice(0, 90)} (importing ${this.now().getTime().toString(36)})`, draft.method);
    if (!staged.ok) return staged;
    const id = staged.value.id;
    const undo = async <T>(r: Result<T>): Promise<Result<never>> => {
      await this.profiles.delete(id);
      return r.ok ? fail(appError(ErrorCode.Internal, 'Import failed.')) : (r as Result<never>);
    };
    const entries = Object.entries(secrets) as Array<[ProfileSecretField, string]>;
    if (entries.length > 0) {
      const stored = await this.secrets.setMany(id, entries);
      if (!stored.ok) return undo(stored);
    }
    const saved = await this.profiles.saveDraft(id, draft, 'review');
    if (!saved.ok) return undo(saved);
    const listing = await this.profiles.list();
    if (!listing.ok) return undo(listing);
    const existing = listing.value.profiles.find((p) => p.name === name && p.id !== id);
    if (existing !== undefined) {
      const removed = await this.profiles.delete(existing.id);
      if (!removed.ok) return undo(removed);
    }
    const renamed = await this.profiles.rename(id, name);
    if (!renamed.ok) return undo(renamed);
    const missingSecrets = secretFieldsFor(draft.method).filter((f) => secrets[f] === undefined && relevant(f, params));
    return ok({ profile: renamed.value, replaced: existing !== undefined, warnings, missingSecrets });
  }

  // An import interrupted between staging and renaming leaves its staged profile behind; the next import
  // removes it (with its keychain items) once it is clearly not another import still in progress.
  private async removeInterruptedImports(): Promise<void> {
    const listing = await this.profiles.list();
    if (!listing.ok) return;
    const cutoff = this.now().getTime() - STALE_STAGING_MS;
    for (const p of listing.value.profiles) {
      if (STAGING_MARK.test(p.name) && Date.parse(p.updatedAt) < cutoff) await this.profiles.delete(p.id);
    }
  }

  private read(path: string): Promise<Result<Uint8Array>> {
    // Checked (regular file, size) before reading, then read with a bound: see import-file-reader.ts.
    return readImportFile(path, MAX_BUNDLE_BYTES);
  }
}

function isBundle(bytes: Uint8Array): boolean {
  return bytes.byteLength >= BUNDLE_MAGIC.length && BUNDLE_MAGIC.every((b, i) => bytes[i] === b);
}

// A self-deployed app uses either a client secret or a certificate, never both.
function relevant(field: ProfileSecretField, params: Parameters<typeof paramsToDraft>[0]): boolean {
  if (field === fieldOfSecretKind('client-secret')) return params.creds_certificate === undefined;
  if (field === fieldOfSecretKind('certificate-private-key')) return params.creds_certificate !== undefined;
  return true;
}
