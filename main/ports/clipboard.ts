/**
 * The system clipboard, text only. Electron's `clipboard` in the app; a
 * recording fake in tests.
 */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}
