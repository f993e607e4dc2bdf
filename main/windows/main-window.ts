import { BrowserWindow, session, type BrowserWindowConstructorOptions, type IpcMainInvokeEvent } from 'electron';
import { checkExternalUrl } from '../../shared/security/external-url-policy';
import { APP_ORIGIN } from './app-protocol';

/**
 * The only window's options: isolated, sandboxed, no Node in the page,
 * web security on, no insecure content, no experimental features.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Graph Mail Auth Assistant',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Options of {@link createMainWindow}. */
export interface MainWindowSetup {
  readonly preloadPath: string;
  /** `app://renderer/index.html`, or the dev server's URL in `npm run dev`. */
  readonly startUrl: string;
  /** Opens an allow-listed link in the system browser. */
  readonly openExternal: (url: string) => void;
}

/**
 * Creates the window and locks it down: every navigation away from the
 * start URL and every new window is denied (allow-listed https links go to
 * the system browser instead), and every permission request is refused.
 */
export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(setup.preloadPath));
  const startOrigin = new URL(setup.startUrl).origin;
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== startOrigin) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (new URL(url).origin !== startOrigin) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (checkExternalUrl(url).allowed) setup.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(setup.startUrl);
  return win;
}

/**
 * Trusted-sender check for IPC: the message must come from the main frame
 * of a window we created, showing our own origin.
 */
export function makeSenderGuard(trustedIds: ReadonlySet<number>, allowedOrigins: readonly string[] = [APP_ORIGIN]): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!trustedIds.has(event.sender.id)) return false;
    try {
      return allowedOrigins.includes(new URL(frame.url).origin);
    } catch {
      return false;
    }
  };
}
