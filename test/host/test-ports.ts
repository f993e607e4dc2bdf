import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserOpener } from '../../main/ports/browser-opener';
import type { FolderRevealer } from '../../main/ports/folder-revealer';
import type { OpenDialog } from '../../main/ports/open-dialog';
import type { SaveDialog, SaveDialogRequest } from '../../main/ports/save-dialog';

/**
 * Stands in for the native save dialog: "chooses" the suggested file name
 * in a test folder, or cancels when told to. Records every request.
 */
export class FolderSaveDialog implements SaveDialog {
  readonly requests: SaveDialogRequest[] = [];
  cancelNext = false;

  constructor(private readonly folder: string) {}

  async chooseSavePath(request: SaveDialogRequest): Promise<string | null> {
    this.requests.push(request);
    if (this.cancelNext) {
      this.cancelNext = false;
      return null;
    }
    await mkdir(this.folder, { recursive: true });
    return join(this.folder, request.defaultFileName);
  }
}

/** Records the URLs the app asked the system browser to open. */
export class RecordingBrowserOpener implements BrowserOpener {
  readonly opened: string[] = [];

  async open(url: string): Promise<void> {
    this.opened.push(url);
  }
}

/** Stands in for the native open dialog: answers with the path the test set, or cancels. */
export class PresetOpenDialog implements OpenDialog {
  next: string | null = null;

  async chooseOpenPath(): Promise<string | null> {
    return this.next;
  }
}

/** Stands in for the file manager: records every path "Show in folder" was asked to show. */
export class RecordingFolderRevealer implements FolderRevealer {
  readonly shown: string[] = [];

  async showInFolder(path: string): Promise<void> {
    this.shown.push(path);
  }
}
