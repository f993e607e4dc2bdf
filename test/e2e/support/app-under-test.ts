import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createAppServices, type AppPorts } from '../../../main/app/app-services';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { SystemClock } from '../../../main/adapters/system-clock';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { registerHandlers } from '../../../main/ipc/register-handlers';
import { startTestHost, type TestHost } from '../../host/test-host';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener, RecordingFolderRevealer } from '../../host/test-ports';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';

/** The built renderer (`npm run build`). */
export const RENDERER_DIR = resolve('out/renderer');

/** The real renderer in Chromium against the real main-process services. */
export interface AppUnderTest {
  readonly page: Page;
  readonly host: TestHost;
  readonly saveDialog: FolderSaveDialog;
  readonly openDialog: PresetOpenDialog;
  readonly browserOpener: RecordingBrowserOpener;
  /** Records "Show in folder". */
  readonly folderRevealer: RecordingFolderRevealer;
  readonly workDir: string;
  /** The app data folder (holds the profiles file). */
  readonly dataDir: string;
  /** The real keychain, under a service name of this run only. */
  readonly secretStore: KeytarSecretStore;
  readonly clipboard: RecordingClipboard;
  /** Console errors and page errors seen so far. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Where a {@link Seed} prepares state: the data folder and keychain the app will start on. */
export interface SeedContext {
  readonly dataDir: string;
  readonly secretStore: KeytarSecretStore;
}

/** Prepares state before the app starts (a damaged profiles file, leftover keychain items, …). */
export type Seed = (ctx: SeedContext) => Promise<void>;

/** Starts services, host and a fresh page; `overrides` swaps individual ports. */
export async function startApp(browser: Browser, overrides: Partial<AppPorts> = {}, seed?: Seed): Promise<AppUnderTest> {
  const workDir = await mkdtemp(join(tmpdir(), 'gma-e2e-'));
  const saveDialog = new FolderSaveDialog(join(workDir, 'exports'));
  const openDialog = new PresetOpenDialog();
  const browserOpener = new RecordingBrowserOpener();
  const folderRevealer = new RecordingFolderRevealer();
  const dataDir = join(workDir, 'app-data');
  // The real keytar store against the runner's private gnome-keyring, under
  // a service name no other test uses.
  const secretStore = new KeytarSecretStore(keychainServiceName(`e2e-${randomBytes(4).toString('hex')}`));
  const clipboard = new RecordingClipboard();
  await seed?.({ dataDir, secretStore });
  const services = createAppServices({
    secretStore,
    clipboard,
    dataDir,
    clock: new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
    fs: new NodeFileSystem(),
    saveDialog,
    openDialog,
    browserOpener,
    folderRevealer,
    productName: 'Graph Mail Auth Assistant',
    version: '0.0.0-test',
    ...overrides,
  });
  const host = await startTestHost(RENDERER_DIR, registerHandlers(services));
  const context = await browser.newContext({ viewport: { width: 1180, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(host.url);
  return {
    page,
    host,
    saveDialog,
    openDialog,
    browserOpener,
    folderRevealer,
    workDir,
    dataDir,
    secretStore,
    clipboard,
    pageErrors,
    close: async () => {
      await context.close();
      await host.close();
      await services.vault.deleteAll();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
