import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { checkExternalUrl } from '../../shared/security/external-url-policy';
import { fail, ok, type Result } from '../../shared/result';
import type { BrowserOpener } from '../ports/browser-opener';

/** Opens allow-listed `https:` links in the system browser; refuses the rest. */
export class ExternalLinkService {
  constructor(
    private readonly opener: BrowserOpener,
    private readonly extraHosts: readonly string[] = [],
  ) {}

  /** Opens `url` if the allow-list permits it. */
  async open(url: string): Promise<Result<{ opened: true }>> {
    const verdict = checkExternalUrl(url, this.extraHosts);
    if (!verdict.allowed) return fail(appError(ErrorCode.UrlNotAllowed, `This link cannot be opened: ${verdict.reason}.`));
    await this.opener.open(verdict.url);
    return ok({ opened: true });
  }
}
