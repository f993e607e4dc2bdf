import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../main/app/app-services';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { SystemClock } from '../../../main/adapters/system-clock';
import { createEnvXsoarTransport } from '../../../main/adapters/undici-xsoar-transport';
import { XsoarService, type XsoarTarget } from '../../../main/xsoar/xsoar-service';
import { NODE_SIGNING_TOOLS } from '../../../main/xsoar/xsoar-signing';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import type { ProfileSecretField } from '../../../shared/domain/secret-field';
import type { XsoarConnection } from '../../../shared/xsoar/xsoar-connection';
import type { XsoarProduct } from '../../../shared/xsoar/xsoar-product';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';
import { freshKeytarStore } from '../support/private-keyring';

/** Real services over the real keychain, plus an {@link XsoarService} with short retry pauses. */
export interface Harness {
  readonly services: AppServices;
  readonly xsoar: XsoarService;
  /** Creates a profile with `draft` and its secrets in the keychain; returns its id. */
  profile(draft: ProfileDraft, secrets: readonly (readonly [ProfileSecretField, string])[]): Promise<string>;
  close(): Promise<void>;
}

/** Starts a {@link Harness} in a temp data folder with a fresh keychain service name. */
export async function startHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'gma-xsoar-'));
  const services = createAppServices({
    fs: new NodeFileSystem(), clock: new SystemClock(), saveDialog: new FolderSaveDialog(join(dir, 'exports')), openDialog: new PresetOpenDialog(), browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA', version: '0.0.0-test', secretStore: freshKeytarStore(), clipboard: new RecordingClipboard(), dataDir: join(dir, 'data'),
    http: createNodeFetchClient(), endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
  });
  const xsoar = new XsoarService(createEnvXsoarTransport(), services.profileSecrets, NODE_SIGNING_TOOLS, { attempts: 3, backoffMs: () => 20 });
  return {
    services,
    xsoar,
    profile: async (draft, values) => {
      const created = await services.profiles.create(`p-${Math.random().toString(16).slice(2)}`, draft.method);
      if (!created.ok) throw new Error(created.error.message);
      if (values.length > 0) {
        const r = await services.secrets.setMany(created.value.id, values.map(([f, v]) => [f, v] as [ProfileSecretField, string]));
        if (!r.ok) throw new Error(r.error.message);
      }
      const saved = await services.profiles.saveDraft(created.value.id, draft, 'review');
      if (!saved.ok) throw new Error(saved.error.message);
      return created.value.id;
    },
    close: async () => {
      await services.profiles.forgetEverything();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A draft of `method` with the mailbox step filled in. */
export function draftFor(method: AuthMethod, instanceName: string, mailbox: string, patch: Partial<ProfileDraft> = {}): ProfileDraft {
  const d = emptyDraft();
  return { ...d, method, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: mailbox }, ...patch };
}

/** A connection to a test server. */
export function connectionTo(url: string, product: XsoarProduct, keyId = '', advancedKey = false, extra: Partial<XsoarConnection> = {}): XsoarConnection {
  return { id: 'c1', name: 'test', url, keyId, advancedKey, caPem: '', caFileName: '', product, serverVersion: '', playgroundId: '', createdAt: new Date(0).toISOString(), ...extra };
}

/** A target (connection + key). */
export function targetOf(connection: XsoarConnection, apiKey: string): XsoarTarget {
  return { connection, apiKey };
}
