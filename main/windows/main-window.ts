import { BrowserWindow, session } from 'electron';
import { checkExternalUrl } from '../../shared/security/external-url-policy';
import { originOf } from '../../shared/security/origin-of';
import { mainWindowOptions } from './window-options';

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
  /* electronegativity-explained: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, NODE_INTEGRATION_JS_CHECK, AUXCLICK_JS_CHECK.
     The options come from mainWindowOptions() (window-options.ts: contextIsolation and sandbox true, nodeIntegration
     off everywhere), a call the scanner cannot follow. A middle click opens a new window, which the window-open
     handler below always denies; navigation away from the app's origin is prevented too. */
  const win = new BrowserWindow(mainWindowOptions(setup.preloadPath));
  const startOrigin = originOf(setup.startUrl);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  win.webContents.on('will-navigate', (event, url) => {
    if (startOrigin === null || originOf(url) !== startOrigin) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (startOrigin === null || originOf(url) !== startOrigin) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    /* electronegativity-explained: OPEN_EXTERNAL_JS_CHECK. Only https URLs on the allow-list reach the system
       browser, and setup.openExternal checks the allow-list again. */
    if (checkExternalUrl(url).allowed) setup.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(setup.startUrl);
  return win;
}
