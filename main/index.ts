/**
 * Composition root: the only module that picks concrete adapters. Everything
 * it wires is a plain service tested under Node; what stays here is the
 * Electron glue (window, protocol, IPC binding), kept deliberately thin.
 */
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { originOf } from '../shared/security/origin-of';
import { createAppServices } from './app/app-services';
import { NodeFileSystem } from './adapters/node-file-system';
import { ElectronBrowserOpener } from './adapters/electron-browser-opener';
import { ElectronSaveDialog } from './adapters/electron-save-dialog';
import { ElectronOpenDialog } from './adapters/electron-open-dialog';
import { ElectronClipboard } from './adapters/electron-clipboard';
import { KeytarSecretStore } from './adapters/keytar-secret-store';
import { SystemClock } from './adapters/system-clock';
import { createElectronNetHttpClient } from './adapters/electron-net-fetch';
import { createElectronXsoarTransport } from './adapters/electron-xsoar-transport';
import { parseIdentityEndpoints, PRODUCTION_IDENTITY_ENDPOINTS } from '../shared/config/identity-endpoints';
import { keychainServiceName } from './secrets/secret-accounts';
import { registerHandlers } from './ipc/register-handlers';
import { serveRegistryOnIpcMain } from './ipc/electron-ipc-bridge';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createMainWindow } from './windows/main-window';
import { makeSenderGuard } from './windows/sender-guard';
import { applicationMenuTemplate } from './windows/menu-template';
import { showAboutBox } from './windows/about-box';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

const trustedWebContents = new Set<number>();
let mainWindow: BrowserWindow | undefined;

// Read once at start-up: a changed environment never redirects sign-ins of a running app.
const configuredEndpoints = parseIdentityEndpoints(process.env['GMA_IDENTITY_ENDPOINTS']);
if (!configuredEndpoints.ok) {
  // Fail closed: a typo must not silently send sign-ins anywhere, not even to the default cloud.
  const details = (configuredEndpoints.error.fields ?? []).map((f) => `${f.field}: ${f.message}`).join('\n');
  dialog.showErrorBox('Invalid GMA_IDENTITY_ENDPOINTS', `${configuredEndpoints.error.message}.\n${details}`);
  app.exit(1);
}
const endpoints = configuredEndpoints.ok ? configuredEndpoints.value : PRODUCTION_IDENTITY_ENDPOINTS;
const authorityHost = new URL(endpoints.authorityHost).host;

void app.whenReady().then(() => {
  const services = createAppServices({
    http: createElectronNetHttpClient(),
    xsoarTransport: createElectronXsoarTransport(),
    endpoints,
    // The configured authority (a sovereign cloud or a test platform) may be opened like Microsoft's own.
    extraExternalHosts: [authorityHost],
    fs: new NodeFileSystem(),
    saveDialog: new ElectronSaveDialog(() => mainWindow),
    openDialog: new ElectronOpenDialog(() => mainWindow),
    browserOpener: new ElectronBrowserOpener(),
    productName: app.getName(),
    version: app.getVersion(),
    // Unpackaged (development) builds keep their keychain items apart from the installed app's.
    secretStore: new KeytarSecretStore(keychainServiceName(app.isPackaged ? '' : 'dev')),
    clipboard: new ElectronClipboard(),
    dataDir: app.getPath('userData'),
    clock: new SystemClock(),
    // The export service hands this only paths it wrote itself.
    folderRevealer: { showInFolder: async (path) => shell.showItemInFolder(path) },
  });
  services.log.log('info', 'app', 'started', { version: app.getVersion(), packaged: app.isPackaged, authorityHost: endpoints.authorityHost, graphHost: endpoints.graphHost });
  // A credential rotation a crash interrupted is finished or undone now (journal in the data folder); when the cached
  // administrator sign-in cannot serve, the journal stays (both credentials valid) and the next start or rotation retries.
  void services.unfinishedRotations.atStart().then((reports) => {
    for (const rep of reports) services.log.log(rep.outcome === 'postponed' || rep.outcome === 'needs-attention' ? 'warn' : 'info', 'rotation', `interrupted rotation: ${rep.outcome}`, { profileId: rep.profileId });
  });
  const registry = registerHandlers(services, { warn: (m) => services.log.log('warn', 'ipc', m) });
  const origins = devServerUrl ? [APP_ORIGIN, originOf(devServerUrl) ?? APP_ORIGIN] : [APP_ORIGIN];
  serveRegistryOnIpcMain(registry, makeSenderGuard(trustedWebContents, origins));
  serveRenderer(join(here, '../renderer'));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate({ appName: app.getName(), platform: process.platform, isPackaged: app.isPackaged, onAbout: () => void showAboutBox(mainWindow) })),
  );

  const open = (): void => {
    mainWindow = createMainWindow({
      preloadPath: join(here, '../preload/preload.cjs'),
      startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      openExternal: (url) => void services.externalLinks.open(url),
    });
    const id = mainWindow.webContents.id;
    trustedWebContents.add(id);
    mainWindow.on('closed', () => {
      trustedWebContents.delete(id);
      mainWindow = undefined;
    });
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('second-instance', () => mainWindow?.focus());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
