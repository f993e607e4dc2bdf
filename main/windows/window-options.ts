import type { BrowserWindowConstructorOptions } from 'electron';

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
