import { ok, type Result } from '../../shared/result';
import { buildDiagnosticsReport, type DiagnosticsSources } from '../diagnostics/diagnostics-report';
import type { Clipboard } from '../ports/clipboard';

/**
 * "Copy diagnostics": puts the redacted report on the clipboard for a bug
 * report. The report itself never goes to the renderer (it does not need
 * it, and the page is the least trusted part of the app).
 */
export class DiagnosticsService {
  constructor(
    private readonly sources: DiagnosticsSources,
    private readonly clipboard: Clipboard,
  ) {}

  /** The report text (what `gma diagnostics` prints). */
  report(): Promise<string> {
    return buildDiagnosticsReport(this.sources);
  }

  /** Copies the report; answers how many lines it has. */
  async copy(): Promise<Result<{ readonly copied: true; readonly lines: number }>> {
    const text = await this.report();
    await this.clipboard.writeText(text);
    return ok({ copied: true, lines: text.split('\n').length - 1 });
  }
}
