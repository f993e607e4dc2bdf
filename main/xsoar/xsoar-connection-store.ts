import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { SecretField } from '../../shared/domain/secret-field';
import { fail, ok, type Result } from '../../shared/result';
import { connectionInputProblems, XsoarConnectionsFileSchema, type XsoarConnection, type XsoarConnectionInput } from '../../shared/xsoar/xsoar-connection';
import type { Clock } from '../ports/clock';
import type { FileSystem } from '../ports/file-system';
import { isKeychainError } from '../ports/secret-store';
import type { SecretVault } from '../secrets/secret-vault';
import type { XsoarTarget } from './xsoar-service';

/** The file, in the data folder beside the profiles, that holds the connections' non-secret part. */
export const CONNECTIONS_FILE = 'xsoar-connections.json';

/**
 * Saved XSOAR connections: the non-secret part in `xsoar-connections.json` (written atomically, 0600), the API key
 * only in the keychain (vault scope `x/<connectionId>/`). Shared by the app and `gma`. Keys are never returned
 * except inside a {@link XsoarTarget} for one operation in the main process.
 */
export class XsoarConnectionStore {
  constructor(
    private readonly fs: FileSystem,
    private readonly dataDir: string,
    private readonly vault: SecretVault,
    private readonly clock: Clock,
  ) {}

  private get path(): string {
    return join(this.dataDir, CONNECTIONS_FILE);
  }

  /** Every saved connection, in the order they were added. */
  async list(): Promise<Result<XsoarConnection[]>> {
    let text: string | null;
    try {
      text = await this.fs.readTextFile(this.path);
    } catch (error) {
      return fail(appError(ErrorCode.ProfileWriteFailed, `The XSOAR connections file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`));
    }
    if (text === null) return ok([]);
    try {
      const parsed = XsoarConnectionsFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return ok(parsed.data.connections);
    } catch {
      // Falls through to the damaged-file error.
    }
    return fail(appError(ErrorCode.ConfigInvalid, `The XSOAR connections file ${this.path} is damaged; move it away and add the connections again.`));
  }

  /** Finds a connection by name (case-insensitive) or id. */
  async find(nameOrId: string): Promise<Result<XsoarConnection>> {
    const all = await this.list();
    if (!all.ok) return all;
    const found = all.value.find((c) => c.id === nameOrId || c.name.toLowerCase() === nameOrId.trim().toLowerCase());
    if (found !== undefined) return ok(found);
    const names = all.value.map((c) => `"${c.name}"`).join(', ') || 'none yet';
    return fail(appError(ErrorCode.XsoarConnectionNotFound, `No XSOAR connection "${nameOrId}". Connections: ${names}.`));
  }

  /**
   * Saves a new connection and its key. The key goes to the keychain first: a connection is never listed without
   * its key, and a failed keychain write leaves the file untouched.
   */
  async add(input: XsoarConnectionInput, apiKey: string, probed: Pick<XsoarConnection, 'product' | 'serverVersion'>): Promise<Result<XsoarConnection>> {
    const problems = connectionInputProblems(input);
    if (apiKey.trim() === '') problems.push('Enter the API key.');
    if (problems.length > 0) return fail(appError(ErrorCode.ConfigInvalid, problems.join(' ')));
    const all = await this.list();
    if (!all.ok) return all;
    if (all.value.some((c) => c.name.toLowerCase() === input.name.trim().toLowerCase())) {
      return fail(appError(ErrorCode.XsoarConnectionExists, `A connection named "${input.name.trim()}" exists already; remove it first or choose another name.`));
    }
    const connection: XsoarConnection = {
      id: randomUUID(), name: input.name.trim(), url: input.url.trim().replace(/\/+$/, ''), keyId: input.keyId.trim(), advancedKey: input.advancedKey,
      caPem: input.caPem, caFileName: input.caFileName, product: probed.product, serverVersion: probed.serverVersion, playgroundId: '',
      createdAt: new Date(this.clock.now()).toISOString(),
    };
    const stored = await this.keychain(() => this.vault.set({ kind: 'xsoar-connection', connectionId: connection.id }, SecretField.XsoarApiKey, apiKey.trim()));
    if (!stored.ok) return stored;
    const written = await this.write([...all.value, connection]);
    if (!written.ok) {
      await this.vault.delete({ kind: 'xsoar-connection', connectionId: connection.id }, SecretField.XsoarApiKey).catch(() => false);
      return written;
    }
    return ok(connection);
  }

  /** Changes the remembered playground (or product after a probe) of a connection. */
  async update(id: string, patch: Partial<Pick<XsoarConnection, 'playgroundId' | 'product' | 'serverVersion'>>): Promise<Result<XsoarConnection>> {
    const all = await this.list();
    if (!all.ok) return all;
    const current = all.value.find((c) => c.id === id);
    if (current === undefined) return fail(appError(ErrorCode.XsoarConnectionNotFound, 'This XSOAR connection no longer exists.'));
    const next = { ...current, ...patch };
    const written = await this.write(all.value.map((c) => (c.id === id ? next : c)));
    return written.ok ? ok(next) : written;
  }

  /**
   * Forgets every connection: the file goes; the keys go with the rest of the app's keychain items (the caller,
   * "Forget everything", deletes those). Returns how many connections there were (a damaged file counts as none).
   */
  async forgetAll(): Promise<number> {
    const all = await this.list();
    await this.fs.remove(this.path);
    return all.ok ? all.value.length : 0;
  }

  /** Removes a connection and deletes its key from the keychain. */
  async remove(nameOrId: string): Promise<Result<XsoarConnection>> {
    const found = await this.find(nameOrId);
    if (!found.ok) return found;
    const all = await this.list();
    if (!all.ok) return all;
    const written = await this.write(all.value.filter((c) => c.id !== found.value.id));
    if (!written.ok) return written;
    const deleted = await this.keychain(() => this.vault.delete({ kind: 'xsoar-connection', connectionId: found.value.id }, SecretField.XsoarApiKey));
    return deleted.ok ? ok(found.value) : deleted;
  }

  /** The connection with its key, for one operation. */
  async target(nameOrId: string): Promise<Result<XsoarTarget>> {
    const found = await this.find(nameOrId);
    if (!found.ok) return found;
    const key = await this.keychain(() => this.vault.get({ kind: 'xsoar-connection', connectionId: found.value.id }, SecretField.XsoarApiKey));
    if (!key.ok) return key;
    if (key.value === null) return fail(appError(ErrorCode.SecretMissing, `The keychain no longer holds the API key of "${found.value.name}"; remove the connection and add it again.`));
    return ok({ connection: found.value, apiKey: key.value });
  }

  private async write(connections: readonly XsoarConnection[]): Promise<Result<void>> {
    try {
      await this.fs.ensureDir(this.dataDir);
      await this.fs.writeFileAtomic(this.path, `${JSON.stringify({ version: 1, connections }, null, 2)}\n`);
      return ok(undefined);
    } catch (error) {
      return fail(appError(ErrorCode.ProfileWriteFailed, `The XSOAR connections file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was changed.`));
    }
  }

  private async keychain<T>(op: () => Promise<T>): Promise<Result<T>> {
    try {
      return ok(await op());
    } catch (error) {
      if (isKeychainError(error)) return fail(appError(error.code, error.message));
      return fail(appError(ErrorCode.Internal, `Keychain error: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}
