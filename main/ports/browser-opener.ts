/**
 * Opens a URL in the system browser (Electron's `shell.openExternal` in the
 * app). Callers pass only URLs that passed the allow-list.
 */
export interface BrowserOpener {
  open(url: string): Promise<void>;
}
