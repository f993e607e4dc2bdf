import { shell } from 'electron';
import type { BrowserOpener } from '../ports/browser-opener';

/** {@link BrowserOpener} over `shell.openExternal`; callers pass allow-listed URLs only. */
export class ElectronBrowserOpener implements BrowserOpener {
  async open(url: string): Promise<void> {
    /* electronegativity-explained: OPEN_EXTERNAL_JS_CHECK. Every caller passes a URL that passed checkExternalUrl
       (https only, allow-listed hosts, no credentials): ExternalLinkService and the XSOAR code capture. */
    await shell.openExternal(url);
  }
}
