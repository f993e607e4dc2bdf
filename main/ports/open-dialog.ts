/**
 * Asks the user which file to open. Electron's native dialog in the app;
 * the browser test host answers with a path the test chose.
 */
export interface OpenDialog {
  /** The chosen absolute path, or `null` when the user cancelled. */
  chooseOpenPath(request: { readonly title: string; readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: readonly string[] }> }): Promise<string | null>;
}
