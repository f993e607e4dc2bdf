/**
 * Child process for the rotation crash tests: runs one rotation of a profile with the real services (real keychain,
 * the test identity platform, the XSOAR-shaped server) and pauses at a chosen point — right after a journal write
 * (`journal:<phase>`) or right after an outside action (`acted:<what>`) — printing `paused <point>`; the parent
 * kills it there with SIGKILL. Prints `finished <ok>` if the point never came.
 *
 *   node --import ./test/support/register-ts.mjs rotation-child.ts <dataDir> <service> <endpoints JSON> <profileId> <connection> <point>
 */
import { join } from 'node:path';
import { createAppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { ProperFileLock } from '../../../main/adapters/proper-file-lock';
import { SystemClock } from '../../../main/adapters/system-clock';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { TokenCachePlugin } from '../../../main/auth/token-cache-plugin';
import { createRotationService } from '../../../main/lifecycle/rotation-services';
import { SecretField } from '../../../shared/domain/secret-field';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';

const [dataDir = '', service = '', endpointsJson = '{}', profileId = '', connection = '', point = ''] = process.argv.slice(2);

async function pauseAt(here: string): Promise<void> {
  if (here !== point) return;
  process.stdout.write(`paused ${here}\n`);
  // Alive until killed, as a process in the middle of its work is (a bare pending promise would let Node exit).
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
}

async function main(): Promise<void> {
  const endpoints = JSON.parse(endpointsJson) as { authorityHost: string; graphHost: string };
  const s = createAppServices({
    fs: new NodeFileSystem(), saveDialog: new FolderSaveDialog(join(dataDir, '..', 'exports')), openDialog: new PresetOpenDialog(), browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA', version: '0.0.0-test', secretStore: new KeytarSecretStore(service), clipboard: new RecordingClipboard(), dataDir, clock: new SystemClock(),
    http: createNodeFetchClient(), endpoints,
  });
  const rotation = createRotationService({
    http: createNodeFetchClient(), endpoints, fs: new NodeFileSystem(), dataDir, fileLock: new ProperFileLock(), profiles: s.profiles, secrets: s.secrets, vault: s.vault, xsoar: s.xsoar,
    connections: s.xsoarConnections.store, adminCachePlugin: new TokenCachePlugin(s.vault, SecretField.MsalAdminTokenCache), signIn: { mode: 'silent-only' },
    backoffMs: [50, 100, 200],
    hooks: { journaled: (phase) => pauseAt(`journal:${phase}`), acted: (what) => pauseAt(`acted:${what}`) },
  });
  const r = await rotation.rotate({ profileId, connection, playgroundId: null, secretDays: 90, certificateDays: 200 });
  process.stdout.write(`finished ${r.ok ? 'ok' : r.error.code}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${String(error)}\n`);
  process.exit(1);
});
