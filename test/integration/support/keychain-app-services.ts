import { createAppServices, type AppServices } from '../../../main/app/app-services';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { SystemClock } from '../../../main/adapters/system-clock';
import type { Clipboard } from '../../../main/ports/clipboard';
import type { Clock } from '../../../main/ports/clock';
import type { SecretStore } from '../../../main/ports/secret-store';
import { PRODUCTION_IDENTITY_ENDPOINTS, type IdentityEndpoints } from '../../../shared/config/identity-endpoints';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';

/** Where the services of one test keep their data and which keychain they use. */
export interface KeychainAppOptions {
  /** The data folder (the one `gma` children get as `GMA_DATA_DIR` when they share it). */
  readonly dataDir: string;
  /** Where the save dialog puts exports. */
  readonly exportsDir: string;
  /** The real keychain, usually a `KeytarSecretStore` under a test prefix. */
  readonly secretStore: SecretStore;
  readonly clipboard?: Clipboard;
  readonly version?: string;
  /** The identity endpoints, for tests against the test identity platform (Microsoft's by default). */
  readonly endpoints?: IdentityEndpoints;
  /** The clock, for tests that run the app as it would run later (the system clock by default). */
  readonly clock?: Clock;
}

/**
 * The app's real services as `main/index.ts` wires them, over the real file system, clock, network client and
 * the given keychain (clock and identity endpoints may be replaced), with recording stand-ins only for the dialogs, the browser and the clipboard.
 */
export function keychainAppServices(options: KeychainAppOptions): AppServices {
  return createAppServices({
    fs: new NodeFileSystem(),
    saveDialog: new FolderSaveDialog(options.exportsDir),
    openDialog: new PresetOpenDialog(),
    browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA',
    version: options.version ?? 'test',
    secretStore: options.secretStore,
    clipboard: options.clipboard ?? new RecordingClipboard(),
    dataDir: options.dataDir,
    clock: options.clock ?? new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: options.endpoints ?? PRODUCTION_IDENTITY_ENDPOINTS,
  });
}
