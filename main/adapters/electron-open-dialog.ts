import { dialog, type BrowserWindow } from 'electron';
import type { OpenDialog } from '../ports/open-dialog';

/** {@link OpenDialog} over Electron's native open dialog. */
export class ElectronOpenDialog implements OpenDialog {
  constructor(private readonly parent: () => BrowserWindow | undefined) {}

  async chooseOpenPath(request: Parameters<OpenDialog['chooseOpenPath']>[0]): Promise<string | null> {
    const options = { title: request.title, properties: ['openFile' as const], filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
    const win = this.parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
}
