/**
 * Child process for the fault tests: runs the real services in a process
 * the test can break (no D-Bus, a locked keyring, SIGKILL mid-write) and
 * prints one JSON line with what it saw.
 *
 *   node --import ./test/support/register-ts.mjs fault-child.ts <scenario> <dataDir> [service]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { SystemClock } from '../../../main/adapters/system-clock';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { SecretVault } from '../../../main/secrets/secret-vault';
import type { SecretStore } from '../../../main/ports/secret-store';
import { SecretField } from '../../../shared/domain/secret-field';
import type { Result } from '../../../shared/result';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';

const [scenario = '', dataDir = '', service = 'fault-test.graph-mail-auth-assistant'] = process.argv.slice(2);

/** The profile id the secret-write crash scenario uses. */
const CRASH_PROFILE = 'c0ffee00-0000-4000-8000-000000000001';

function services(fs = new NodeFileSystem()) {
  return createAppServices({
    fs,
    saveDialog: new FolderSaveDialog(join(dataDir, 'exports')),
    openDialog: new PresetOpenDialog(),
    browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA',
    version: '0.0.0-test',
    secretStore: new KeytarSecretStore(service),
    clipboard: new RecordingClipboard(),
    dataDir,
    clock: new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
  });
}

function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
}

async function fileHash(): Promise<string> {
  return createHash('sha256').update(await readFile(join(dataDir, 'profiles.json'))).digest('hex');
}

/** Every user-facing keychain operation, against profile `id`. */
async function tryEverything(s: ReturnType<typeof services>, id: string): Promise<Record<string, string>> {
  return {
    set: codeOf(await s.secrets.set(id, SecretField.XsoarAppToken, 'new-token-value')),
    reveal: codeOf(await s.secrets.reveal(id, SecretField.XsoarAppKey)),
    copy: codeOf(await s.secrets.copy(id, SecretField.XsoarAppKey)),
    deleteSecret: codeOf(await s.secrets.delete(id, SecretField.XsoarAppKey)),
    deleteProfile: codeOf(await s.profiles.delete(id)),
    orphans: codeOf(await s.profiles.listOrphans()),
    forget: codeOf(await s.profiles.forgetEverything()),
  };
}

async function main(): Promise<unknown> {
  switch (scenario) {
    case 'unavailable': {
      // The parent wrote a profile that records a stored key.
      const s = services();
      const listed = await s.profiles.list();
      const id = listed.ok ? (listed.value.profiles[0]?.id ?? '') : '';
      const before = await fileHash();
      const codes = await tryEverything(s, id);
      return { codes, fileUnchanged: before === (await fileHash()) };
    }
    case 'locked': {
      const s = services();
      const created = await s.profiles.create('Locked test', 'xsoar-app');
      if (!created.ok) throw new Error(created.error.message);
      const id = created.value.id;
      await s.secrets.set(id, SecretField.XsoarAppKey, 'k'.repeat(5000));
      const before = await fileHash();
      execFileSync('gdbus', [
        'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
        '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']",
      ], { stdio: 'ignore', timeout: 20_000 });
      const codes = await tryEverything(s, id);
      return { codes, fileUnchanged: before === (await fileHash()) };
    }
    case 'crash-mid-write': {
      // Pauses after the temp file is fsynced, before the rename; the
      // parent kills this process there.
      const fs = new NodeFileSystem({
        afterTempSynced: async (temp) => {
          process.stdout.write(`paused ${temp}\n`);
          await new Promise(() => undefined);
        },
      });
      const store = new ProfileStore(fs, dataDir, new SystemClock());
      await store.mutate((all) => ({ profiles: all.map((p) => ({ ...p, name: 'Renamed by the crashing process' })), result: undefined }));
      return { error: 'the write was not interrupted' };
    }
    case 'crash-mid-secret-write': {
      // Stores value A, then starts storing B and pauses just before B's
      // head (the commit point), after all of B's chunks are written.
      const keytar = new KeytarSecretStore(service);
      const pausing: SecretStore = {
        get: (a) => keytar.get(a),
        delete: (a) => keytar.delete(a),
        listAccounts: () => keytar.listAccounts(),
        assertWritable: () => keytar.assertWritable(),
        set: async (account, value) => {
          if (pauseAtHead && !account.includes('#')) {
            process.stdout.write('paused before head\n');
            await new Promise(() => undefined);
          }
          return keytar.set(account, value);
        },
      };
      let pauseAtHead = false;
      const vault = new SecretVault(pausing);
      const scope = { kind: 'profile', profileId: CRASH_PROFILE } as const;
      await vault.set(scope, SecretField.SelfDeployedPrivateKey, 'A'.repeat(9000));
      pauseAtHead = true;
      await vault.set(scope, SecretField.SelfDeployedPrivateKey, 'B'.repeat(9000));
      return { error: 'the write was not interrupted' };
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
    process.exit(1);
  },
);
