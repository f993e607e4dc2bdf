import { dialog, type BrowserWindow } from 'electron';
import type { SaveDialog, SaveDialogRequest } from '../ports/save-dialog';

/** {@link SaveDialog} over Electron's native save dialog. */
export class ElectronSaveDialog implements SaveDialog {
  constructor(private readonly parent: () => BrowserWindow | undefined) {}

  async chooseSavePath(request: SaveDialogRequest): Promise<string | null> {
    const options = { title: request.title, defaultPath: request.defaultFileName, filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
    const win = this.parent();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
  }
}
