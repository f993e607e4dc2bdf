import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { extractAuthCode } from '../../shared/oauth/auth-code-extraction';
import { buildXsoarLoginUrl } from '../../shared/oauth/xsoar-login-url';
import { checkExternalUrl } from '../../shared/security/external-url-policy';
import { isWellFormedText } from '../../shared/text/unsafe-characters';
import { loopbackRedirect } from '../../shared/validation/self-deployed-rules';
import type { BrowserOpener } from '../ports/browser-opener';
import { aadstsError, stoppedError } from './auth-errors';
import { INTERACTIVE_TIMEOUT_MS } from './interactive-limits';
import { loopbackPage, startLoopbackListener } from './loopback-listener';
import { newState } from './random-state';

/** The instance settings the login URL is built from (verbatim, as the integration uses them). */
export interface XsoarLoginRequest {
  /** "Token or Tenant ID". */
  readonly tenantId: string;
  /** "ID or Client ID". */
  readonly clientId: string;
  /** "Application redirect URI" (`redirect_uri`). */
  readonly redirectUri: string;
  /** `mailbox_to_fetch`, sent as `login_hint`. */
  readonly mailbox: string;
  readonly prompt?: 'consent' | 'login' | 'select_account';
}

/** A prepared login: the URL to open and what the response is checked against. `state` is not secret. */
export interface XsoarLoginAttempt {
  /** The integration's login URL plus `state` and `login_hint`. */
  readonly url: string;
  readonly state: string;
  readonly redirectUri: string;
  /** True when the redirect URI is `http://localhost|127.0.0.1[:port]/…`, so the code can be caught here. */
  readonly loopback: boolean;
}

/** The authorization code for the instance's "Authorization code" field. XSOAR redeems it; we never do. */
export interface XsoarAuthCode {
  /** Exactly the value to paste: no `code=`, no `session_state`. Secret until XSOAR redeems it (single use). */
  readonly code: string;
  readonly capturedBy: 'loopback' | 'paste';
}

const PAGES = {
  success: loopbackPage('Authorization code received', 'Graph Mail Auth Assistant received the authorization code. You can close this tab and return to the app.'),
  failure: loopbackPage('No authorization code', 'The sign-in did not return a code. Return to Graph Mail Auth Assistant for the reason and what to do.'),
} as const;

/**
 * The integration's authorization code, obtained exactly as `!msgraph-mail-generate-login-url` expects: the login
 * URL is the integration's own (`buildXsoarLoginUrl`: `offline_access .default`, no PKCE, because XSOAR redeems
 * without a verifier) plus `state` and `login_hint`. With a loopback redirect URI whose port can be bound, the
 * code is caught automatically ({@link capture}: GET on that host/port/path, state checked, bounded wait,
 * Cancel); otherwise the user pastes the address ({@link extractPasted}). The code is never redeemed here:
 * redeeming would consume it (AADSTS54005 for XSOAR).
 */
export class XsoarAuthCodeService {
  constructor(
    private readonly browser: BrowserOpener,
    private readonly endpoints: IdentityEndpoints,
    private readonly timeoutMs: number = INTERACTIVE_TIMEOUT_MS,
  ) {}

  /** Builds the login URL and a fresh `state`. */
  prepare(request: XsoarLoginRequest): Result<XsoarLoginAttempt> {
    // A lone surrogate cannot be percent-encoded (encodeURIComponent throws "URI malformed"): refuse it as input.
    const malformed = (['tenantId', 'clientId', 'redirectUri', 'mailbox'] as const).filter((field) => !isWellFormedText(request[field]));
    if (malformed.length > 0) {
      return fail(appError(ErrorCode.ConfigInvalid, 'Some settings contain a broken character (half of a surrogate pair), which no address can carry; type them again.', {
        fields: malformed.map((field) => ({ field, message: 'contains a broken character (half of a surrogate pair); type it again' })),
      }));
    }
    const state = newState();
    const built = buildXsoarLoginUrl({
      tenantId: request.tenantId,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      state,
      loginHint: request.mailbox,
      authorityHost: this.endpoints.authorityHost,
      ...(request.prompt ? { prompt: request.prompt } : {}),
    });
    if (!built.ok) return fail(appError(built.code, built.message, { fields: built.missing.map((field) => ({ field, message: 'is required' })) }));
    return ok({ url: built.url, state, redirectUri: request.redirectUri, loopback: loopbackRedirect(request.redirectUri) !== null });
  }

  /**
   * Catches the code on the loopback redirect URI: binds its port (127.0.0.1), opens the login URL, waits for one
   * GET with our `state`. `auth/port-in-use` when the port cannot be bound (fall back to pasting);
   * `op/cancelled`, `op/timeout`; `auth/aadsts` when the sign-in returned an error.
   */
  async capture(attempt: XsoarLoginAttempt, cancel?: AbortSignal): Promise<Result<XsoarAuthCode>> {
    const target = loopbackRedirect(attempt.redirectUri);
    if (!target) return fail(appError(ErrorCode.AuthPortInUse, 'The redirect URI is not a http://localhost address, so the code cannot be caught automatically; paste the address instead.'));
    const started = await startLoopbackListener({
      port: target.port,
      path: target.path,
      redirectHost: target.host === '127.0.0.1' ? '127.0.0.1' : 'localhost',
      delivery: 'query',
      expectedState: attempt.state,
      timeoutMs: this.timeoutMs,
      pages: PAGES,
      ...(cancel ? { signal: cancel } : {}),
    });
    if (!started.ok) return started;
    const listener = started.value;
    try {
      // The same allow-list and normalisation as every other link the app opens.
      const verdict = checkExternalUrl(attempt.url, [new URL(this.endpoints.authorityHost).host]);
      if (!verdict.allowed) return fail(appError(ErrorCode.UrlNotAllowed, `The login address cannot be opened: ${verdict.reason}.`));
      try {
        await this.browser.open(verdict.url);
      } catch (error) {
        return fail(appError(ErrorCode.Internal, `The browser could not be opened: ${error instanceof Error ? error.message : String(error)}`));
      }
      const outcome = await listener.outcome;
      if (outcome.kind === 'stopped') return fail(stoppedError(outcome.reason, 'Getting the authorization code', this.timeoutMs));
      return this.extract(attempt, outcome.address, 'loopback');
    } finally {
      await listener.close();
    }
  }

  /** Extracts the code from what the user pasted (address, query or bare code), checked against the attempt. */
  extractPasted(attempt: XsoarLoginAttempt, pasted: string): Result<XsoarAuthCode> {
    return this.extract(attempt, pasted, 'paste');
  }

  private extract(attempt: XsoarLoginAttempt, text: string, capturedBy: XsoarAuthCode['capturedBy']): Result<XsoarAuthCode> {
    const extracted = extractAuthCode(text, { expectedState: attempt.state, expectedRedirectUri: attempt.redirectUri });
    if (!extracted.ok) {
      const { problem } = extracted;
      return fail(problem.kind === 'authorization-error' && problem.details.aadsts !== null ? aadstsError(problem.details.aadsts) : problem);
    }
    return ok({ code: extracted.code, capturedBy });
  }
}
