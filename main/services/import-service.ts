import { basename } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { MAX_PROFILE_NAME, type Profile } from '../../shared/domain/profile';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { cleanProfileName } from '../../shared/domain/profile-name-rules';
import { ProfileIdSchema } from '../../shared/domain/profile-schema';
import { checkSecretValue } from '../../shared/validation/secret-value-rules';
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
import { readImportFile, readImportFileHead } from './import-file-reader';
import { decodeImportText } from './import-text-decoder';
import { claimedImportFormat } from '../../shared/export/import-format-claim';
import type { ClashReason, ImportSideSummary } from '../../shared/export/import-clash-summary';

/** What an import did. */
export interface ImportOutcome {
  readonly profile: Profile;
  /** True when the user chose to replace a matching profile. */
  readonly replaced: boolean;
  /** Conversions, left-out parameters and name changes, in plain language. */
  readonly warnings: readonly string[];
  /** Secrets the method needs that the file did not carry (placeholders). */
  readonly missingSecrets: readonly ProfileSecretField[];
}

/** What the user decides when an import matches an existing profile. */
export type ImportDecision = 'replace' | 'as-new';

/** An import's answer: done, or a clash the user must decide. */
export type ImportAnswer =
  | ({ readonly status: 'imported' } & ImportOutcome)
  | { readonly status: 'clash'; readonly reason: ClashReason; readonly existing: ImportSideSummary; readonly incoming: ImportSideSummary; readonly warnings: readonly string[] };

/**
 * A file read and checked, not yet stored. Holds secret values: it stays in
 * the main process (the import flow keeps it by handle between the clash
 * question and the answer).
 */
export interface PreparedImport {
  readonly name: string;
  readonly instanceName: string;
  /** The profile id a bundle carries (bundles of older versions carry none). */
  readonly sourceId: string | null;
  readonly exportedAt: string | null;
  readonly draft: ProfileDraft;
  readonly secrets: ReadonlyArray<readonly [ProfileSecretField, string]>;
  readonly warnings: readonly string[];
  readonly missingSecrets: readonly ProfileSecretField[];
}

/** Marks a profile an import of an older version was still building; see {@link ImportService}. */
const STAGING_MARK = / \(importing [0-9a-z]+\)$/;

/** A staged import older than this was interrupted (a crash or a killed `gma`), not still running. */
const STALE_STAGING_MS = 10 * 60_000;

/** The longest instance name a profile keeps (the draft schema's limit). */
const MAX_INSTANCE_NAME = 200;

/** What kind of file a path holds. */
export type ImportFileKind = 'bundle' | 'settings';

/**
 * Imports a REST body, flat parameters (JSON/YAML) or an encrypted bundle
 * into a profile, its secrets into the keychain.
 *
 * Never replaces silently: when the incoming profile has the id of an
 * existing one (a bundle carries its id) or the same instance name, the
 * answer is a clash that names both sides, and only a second call with the
 * user's decision (replace, or keep both as a new profile) stores anything.
 * The store itself is crash-safe ({@link ProfilesService.commitImport}):
 * one atomic file write is the commit point, and a failure before it leaves
 * existing profiles untouched.
 */
export class ImportService {
  constructor(
    private readonly fs: FileSystem,
    private readonly profiles: ProfilesService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Tells a bundle (needs a passphrase) from a settings file. */
  async kindOf(path: string): Promise<Result<ImportFileKind>> {
    const head = await readImportFileHead(path, MAX_BUNDLE_BYTES, BUNDLE_MAGIC.length);
    if (!head.ok) return head;
    return ok(isBundle(head.value) ? 'bundle' : 'settings');
  }

  /** Reads, prepares and commits in one go: a clash comes back as such unless `decision` settles it. */
  async importFile(path: string, passphrase?: string, decision?: ImportDecision): Promise<Result<ImportAnswer>> {
    const prepared = await this.prepare(path, passphrase);
    if (!prepared.ok) return prepared;
    return this.commit(prepared.value, decision);
  }

  /** Reads and checks the file at `path` (`passphrase` for a bundle); stores nothing. */
  async prepare(path: string, passphrase?: string): Promise<Result<PreparedImport>> {
    const bytes = await this.read(path);
    if (!bytes.ok) return bytes;
    if (isBundle(bytes.value)) {
      if (passphrase === undefined || passphrase === '') return fail(appError(ErrorCode.BundleWrongPassphrase, 'This is an encrypted bundle: enter its passphrase.'));
      const opened = await openBundle(bytes.value, passphrase);
      if (!opened.ok) return opened;
      const c = opened.value;
      return this.convert({ name: c.profile.name, instanceName: c.profile.instanceName, sourceId: c.profile.id ?? null, exportedAt: c.exportedAt }, c.params, c.warnings.map((w) => `${w.param}: ${w.message}`));
    }
    if (bytes.value.byteLength > MAX_IMPORT_BYTES) return fail(appError(ErrorCode.ImportInvalid, `The file is larger than ${MAX_IMPORT_BYTES} bytes; it is not an instance settings file.`));
    const text = decodeImportText(bytes.value);
    if (!text.ok) return text;
    const imported = importSettings(text.value, claimedImportFormat(basename(path), text.value));
    if (!imported.ok) return imported;
    const s = imported.value;
    const instance = s.instanceName ?? basename(path).replace(/(\.xsoar-instance|\.params)?\.(json|ya?ml)$/i, '');
    return this.convert({ name: instance, instanceName: instance, sourceId: null, exportedAt: null }, s.params, s.warnings.map((w) => `${w.param}: ${w.message}`));
  }

  /**
   * Stores a prepared import. Without a decision, a match with an existing
   * profile (same id first, else same instance name) is answered as a clash
   * and nothing changes.
   */
  async commit(prepared: PreparedImport, decision?: ImportDecision): Promise<Result<ImportAnswer>> {
    await this.recoverInterruptedImports();
    const listing = await this.profiles.list();
    if (!listing.ok) return listing;
    const match = findClash(listing.value.profiles, prepared);
    if (match !== null && decision === undefined) {
      return ok({ status: 'clash', reason: match.reason, existing: summarizeExisting(match.profile), incoming: summarizeIncoming(prepared), warnings: prepared.warnings });
    }
    const stored = await this.profiles.commitImport({
      name: prepared.name,
      draft: prepared.draft,
      secrets: prepared.secrets,
      preferredId: decision === 'as-new' ? null : prepared.sourceId,
      replaceId: decision === 'replace' && match !== null ? match.profile.id : null,
    });
    if (!stored.ok) return stored;
    const renamed = stored.value.profile.name === prepared.name ? [] : [`A profile is already named "${prepared.name}"; the imported one is named "${stored.value.profile.name}".`];
    return ok({
      status: 'imported',
      profile: stored.value.profile,
      replaced: stored.value.replaced,
      warnings: [...prepared.warnings, ...renamed, ...stored.value.warnings],
      missingSecrets: prepared.missingSecrets,
    });
  }

  private convert(
    origin: { readonly name: string; readonly instanceName: string; readonly sourceId: string | null; readonly exportedAt: string | null },
    params: Parameters<typeof paramsToDraft>[0],
    initialWarnings: readonly string[],
  ): Result<PreparedImport> {
    const instanceName = origin.instanceName.trim();
    if (instanceName.length > MAX_INSTANCE_NAME) {
      const message = `The instance name has ${instanceName.length} characters; the app keeps at most ${MAX_INSTANCE_NAME}. Shorten it in the file and import again.`;
      return fail(appError(ErrorCode.ImportInvalid, message, { fields: [{ field: 'name', message }] }));
    }
    const converted = paramsToDraft(params, instanceName, isPlaceholder, this.now().toISOString());
    if (!converted.ok) return converted;
    const { draft, secrets } = converted.value;
    const warnings = [...initialWarnings];
    const cleaned = cleanProfileName(origin.name);
    if (cleaned.notes.length > 0) warnings.push(`Profile name: ${cleaned.notes.join('; ')}; the profile is named "${cleaned.name}".`);
    if (secrets[SecretField.SelfDeployedAuthCode] !== undefined) {
      warnings.push('creds_auth_code: an authorization code is single-use and expires about 10 minutes after it was issued; unless this one is that fresh, get a new code in the wizard before saving the instance.');
    }
    const entries = Object.entries(secrets) as Array<[ProfileSecretField, string]>;
    // Refuse values the integration would reject before anything reaches the keychain.
    const problems = entries.flatMap(([field, value]) => {
      const message = checkSecretValue(field, value);
      return message === null ? [] : [{ field, message }];
    });
    if (problems.length > 0) return fail(appError(ErrorCode.ImportInvalid, problems.map((p) => p.message).join(' '), { fields: problems }));
    const sourceId = origin.sourceId !== null && ProfileIdSchema.safeParse(origin.sourceId).success ? origin.sourceId : null;
    const missingSecrets = secretFieldsFor(draft.method).filter((f) => secrets[f] === undefined && relevant(f, params));
    return ok({ name: cleaned.name, instanceName, sourceId, exportedAt: origin.exportedAt, draft, secrets: entries, warnings, missingSecrets });
  }

  // Older versions staged an import in a profile named "… (importing …)" and
  // renamed it at the end; one interrupted between deleting the profile it
  // replaced and that rename may be the only copy left. So such a profile is
  // never deleted: once clearly not running any more, it gets a plain name
  // and stays for the user to keep or delete.
  private async recoverInterruptedImports(): Promise<void> {
    const listing = await this.profiles.list();
    if (!listing.ok) return;
    const cutoff = this.now().getTime() - STALE_STAGING_MS;
    for (const p of listing.value.profiles) {
      if (STAGING_MARK.test(p.name) && Date.parse(p.updatedAt) < cutoff) {
        const base = p.name.replace(STAGING_MARK, '');
        await this.profiles.rename(p.id, cleanProfileName(`${base.slice(0, MAX_PROFILE_NAME - 22)} (interrupted import)`).name);
      }
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

/** The existing profile an import matches: the same id first, else the same instance name (case-insensitive). */
export function findClash(profiles: readonly Profile[], incoming: Pick<PreparedImport, 'sourceId' | 'instanceName'>): { readonly profile: Profile; readonly reason: ClashReason } | null {
  const byId = incoming.sourceId === null ? undefined : profiles.find((p) => p.id === incoming.sourceId);
  if (byId !== undefined) return { profile: byId, reason: 'same-id' };
  const instance = incoming.instanceName.trim().toLowerCase();
  const byInstance = instance === '' ? undefined : profiles.find((p) => p.draft.mailbox.instanceName.trim().toLowerCase() === instance);
  return byInstance === undefined ? null : { profile: byInstance, reason: 'same-instance' };
}

function summarizeExisting(p: Profile): ImportSideSummary {
  return { id: p.id, name: p.name, instanceName: p.draft.mailbox.instanceName, mailbox: p.draft.mailbox.mailboxToFetch, method: p.draft.method, secretFields: p.secretFields, changedAt: p.updatedAt };
}

function summarizeIncoming(p: PreparedImport): ImportSideSummary {
  return { id: p.sourceId, name: p.name, instanceName: p.instanceName, mailbox: p.draft.mailbox.mailboxToFetch, method: p.draft.method, secretFields: p.secrets.map(([f]) => f), changedAt: p.exportedAt };
}
