import { shell } from 'electron';
import type { BrowserOpener } from '../ports/browser-opener';

/** {@link BrowserOpener} over `shell.openExternal`; callers pass allow-listed URLs only. */
export class ElectronBrowserOpener implements BrowserOpener {
  async open(url: string): Promise<void> {
    await shell.openExternal(url);
  }
}
