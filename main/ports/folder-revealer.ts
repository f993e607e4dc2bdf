/**
 * Shows a file in the system's file manager (Explorer, Finder, the desktop's
 * file manager) with the file selected. Electron's `shell.showItemInFolder`
 * in the app; a recording stand-in in the browser test host.
 */
export interface FolderRevealer {
  /** Opens the folder holding `path` with the file selected. Callers pass only paths the app itself wrote. */
  showInFolder(path: string): Promise<void>;
}
