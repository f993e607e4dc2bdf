/**
 * Child process for the crash tests: runs one operation of the real
 * services against the real keychain and pauses at a chosen step (the n-th
 * keychain write, the n-th keychain delete, or the n-th profiles-file write
 * just before its rename), printing `paused <step>`; the parent kills it
 * there with SIGKILL. Prints `finished` if the step never came.
 *
 *   node --import ./test/support/register-ts.mjs crash-child.ts <operation> <dataDir> <service> <step> [bundle]
 */
import { join } from 'node:path';
import { createAppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { SystemClock } from '../../../main/adapters/system-clock';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import type { SecretStore } from '../../../main/ports/secret-store';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';
import { SecretField } from '../../../shared/domain/secret-field';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';
import { CRASH_VALUES } from './crash-values';

const [operation = '', dataDir = '', service = '', step = '', bundle = ''] = process.argv.slice(2);
const [pauseKind, pauseAt] = [step.split(':')[0], Number(step.split(':')[1])];


const counts = { set: 0, delete: 0, write: 0 };

function hang(): Promise<never> {
  process.stdout.write(`paused ${step}\n`);
  return new Promise(() => undefined);
}

async function count(kind: 'set' | 'delete' | 'write'): Promise<void> {
  counts[kind] += 1;
  if (pauseKind === kind && counts[kind] === pauseAt) await hang();
}

const keytar = new KeytarSecretStore(service);
// The keychain probe (assertWritable) is not a step of the operation.
const pausing: SecretStore = {
  get: (a) => keytar.get(a),
  listAccounts: () => keytar.listAccounts(),
  assertWritable: () => keytar.assertWritable(),
  set: async (account, value) => {
    await count('set');
    return keytar.set(account, value);
  },
  delete: async (account) => {
    await count('delete');
    return keytar.delete(account);
  },
};

async function main(): Promise<void> {
  const s = createAppServices({
    fs: new NodeFileSystem({ afterTempSynced: () => count('write') }),
    saveDialog: new FolderSaveDialog(join(dataDir, 'exports')),
    openDialog: new PresetOpenDialog(),
    browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA',
    version: '0.0.0-test',
    secretStore: pausing,
    clipboard: new RecordingClipboard(),
    dataDir,
    clock: new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
  });
  const listing = await s.profiles.list();
  if (!listing.ok) throw new Error(listing.error.message);
  const profile = listing.value.profiles[0];
  if (profile === undefined) throw new Error('no profile seeded');
  let result: { ok: boolean };
  switch (operation) {
    case 'import-replace':
      result = await s.imports.importFile(bundle, CRASH_VALUES.passphrase, 'replace');
      break;
    case 'save-draft':
      result = await s.profiles.saveDraft(profile.id, { ...profile.draft, mailbox: { ...profile.draft.mailbox, mailboxToFetch: CRASH_VALUES.newMailbox } }, 'review');
      break;
    case 'secret-write':
      result = await s.secrets.set(profile.id, SecretField.XsoarAppToken, CRASH_VALUES.newToken);
      break;
    case 'secret-delete':
      result = await s.secrets.delete(profile.id, SecretField.XsoarAppKey);
      break;
    case 'profile-delete':
      result = await s.profiles.delete(profile.id);
      break;
    default:
      throw new Error(`unknown operation ${operation}`);
  }
  process.stdout.write(`finished ${JSON.stringify({ ok: result.ok, counts })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${String(error)}\n`);
  process.exit(1);
});
