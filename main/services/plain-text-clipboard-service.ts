import type { Result } from '../../shared/result';
import { expected } from './expected-failure';
import type { Clipboard } from '../ports/clipboard';

/**
 * Copies public values (redirect URIs, permission names, IDs) for the setup checklist. The renderer's own
 * `navigator.clipboard` is unavailable because the window denies every web permission; secrets never go
 * this way (they are copied by `secrets:copy`, which clears the clipboard afterwards).
 */
export class PlainTextClipboardService {
  constructor(private readonly clipboard: Clipboard) {}

  copy(text: string): Promise<Result<{ readonly copied: true }>> {
    return expected(async () => {
      await this.clipboard.writeText(text);
      return { copied: true as const };
    });
  }
}
