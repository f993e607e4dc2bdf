import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import type { OproxyValues } from '../../xsoar/xsoar-world';
import { keychainAppServices } from './keychain-app-services';
import { requirePrivateKeyring } from './private-keyring';
import { value } from './result-value';

/** A data folder and keychain that `gma` children and the app's services in the test process use together. */
export interface SharedDataFolder {
  /** The file's temporary folder: the data folder, the exports and any file the test writes live in it. */
  readonly dir: string;
  /** `GMA_DATA_DIR` and `GMA_KEYCHAIN_PREFIX` for `gma` children. */
  readonly env: Record<string, string>;
  /** The real keychain under the prefix. */
  readonly store: KeytarSecretStore;
  /** The app's real services on the same data folder and keychain. */
  readonly app: AppServices;
}

/** Creates the folder `gma-<prefix>-…` and the services over it and the keychain prefix `<prefix>-<random>`. */
async function createSharedDataFolder(prefix: string): Promise<SharedDataFolder> {
  const dir = await mkdtemp(join(tmpdir(), `gma-${prefix}-`));
  const env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `${prefix}-${randomBytes(4).toString('hex')}` };
  const store = new KeytarSecretStore(keychainServiceName(env.GMA_KEYCHAIN_PREFIX));
  const app = keychainAppServices({ dataDir: env.GMA_DATA_DIR, exportsDir: join(dir, 'exports'), secretStore: store });
  return { dir, env, store, app };
}

/**
 * Makes a {@link SharedDataFolder} named after `prefix` before the file's tests, in the runner's private keychain;
 * after them forgets every profile with its keychain items and removes the folder. `use` receives it once it
 * exists; assign it to the file's own variables.
 */
export function useSharedDataFolder(prefix: string, use: (shared: SharedDataFolder) => void): void {
  let shared: SharedDataFolder | undefined;
  beforeAll(async () => {
    requirePrivateKeyring();
    shared = await createSharedDataFolder(prefix);
    use(shared);
  });
  afterAll(async () => {
    if (shared === undefined) return;
    await shared.app.profiles.forgetEverything();
    await rm(shared.dir, { recursive: true, force: true });
  });
}

/**
 * Writes a REST body with secrets (the XSOAR-app Token and Key of `values`) for instance `instanceName` to
 * `<dir>/<fileName>` and returns its path. A throwaway profile exports it and is deleted again, so the data folder
 * is as before.
 */
export async function writeRestFile(shared: SharedDataFolder, values: OproxyValues, instanceName: string, fileName: string): Promise<string> {
  const { app } = shared;
  const p = value(await app.profiles.create('Throwaway', AuthMethod.XsoarApp));
  value(await app.secrets.setMany(p.id, [[SecretField.XsoarAppToken, values.token], [SecretField.XsoarAppKey, values.key]]));
  const d = emptyDraft();
  const draft = { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: values.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'gma@contoso.example' } };
  const built = value(await app.exportBuilder.build({ draft, profileId: p.id, format: 'rest', includeSecrets: true, confirmRebind: false }));
  value(await app.profiles.delete(p.id));
  const path = join(shared.dir, fileName);
  await writeFile(path, built.files[0]!.data);
  return path;
}
