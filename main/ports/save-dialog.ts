/** What the save dialog should suggest. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultFileName: string;
  readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: readonly string[] }>;
}

/**
 * Asks the user where to save a file. Electron's native dialog in the app;
 * the browser test host answers with a path in the test's folder.
 */
export interface SaveDialog {
  /** The chosen absolute path, or `null` when the user cancelled. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
}
