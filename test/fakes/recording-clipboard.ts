import type { Clipboard } from '../../main/ports/clipboard';

/** A clipboard that remembers what was written, for tests. */
export class RecordingClipboard implements Clipboard {
  text = '';
  readonly writes: string[] = [];

  async writeText(text: string): Promise<void> {
    this.text = text;
    this.writes.push(text);
  }

  async readText(): Promise<string> {
    return this.text;
  }
}
