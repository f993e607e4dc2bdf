import { clipboard } from 'electron';
import type { Clipboard } from '../ports/clipboard';

/** {@link Clipboard} over Electron's system clipboard. */
export class ElectronClipboard implements Clipboard {
  async writeText(text: string): Promise<void> {
    await clipboard.writeText(text);
  }

  async readText(): Promise<string> {
    return clipboard.readText();
  }
}
