import { ConfidentialClientApplication, CryptoProvider, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';
import { randomUUID } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { extractAuthCode, type AuthCodeProblem } from '../../shared/oauth/auth-code-extraction';
import { VERIFIED_SIGN_IN_SCOPES } from '../../shared/oauth/required-permissions';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import { aadstsError, msalErrorToAppError, stoppedError } from './auth-errors';
import { credentialAuthOptions, type ClientCredential } from './credential-check-service';
import { INTERACTIVE_TIMEOUT_MS } from './interactive-limits';
import { loopbackCodeSignIn } from './loopback-code-sign-in';
import { loopbackPage } from './loopback-listener';
import { msalAuthOptions, msalConfiguration } from './msal-config';
import { OperationScope } from './operation-scope';
import { newState } from './random-state';
import { runSignInChecklist, type SignInVerification } from './sign-in-checklist';
import type { TenantResolver } from './tenant-resolver';

/** Who must sign in, and what to check afterwards. */
export interface SignInVerificationRequest {
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  readonly clientId: string;
  /** `mailbox_to_fetch`: sent as `login_hint` and compared with the signed-in account. */
  readonly mailbox: string;
  /** `folder_to_fetch` (the integration's default is `Inbox`). */
  readonly folderToFetch: string;
  /** `select_account` by default, so another cached browser session is not silently reused. */
  readonly prompt?: 'select_account' | 'login' | 'consent';
}

/** The Web-redirect variant: the app has only a Web redirect (XSOAR's), so the code is redeemed confidentially. */
export interface WebSignInRequest extends SignInVerificationRequest {
  /** The registered Web redirect URI (usually the XSOAR instance's, e.g. `https://localhost`). */
  readonly redirectUri: string;
  readonly credential: ClientCredential;
}

/** A started Web-redirect sign-in: open `url`, then paste the address the browser lands on. */
export interface WebSignInAttempt {
  readonly attemptId: string;
  readonly url: string;
}

/** Tuning, mainly for tests. */
export interface SignInVerificationOptions {
  /** Bound of the interactive step (default 5 minutes). */
  readonly timeoutMs?: number;
  /** How long a Web-redirect attempt waits for its pasted address (default 10 minutes, the code lifetime). */
  readonly webAttemptTtlMs?: number;
}

interface PendingWebAttempt {
  readonly request: WebSignInRequest;
  readonly tenantId: string;
  /** The tenant's openid-configuration from the resolver, so MSAL does not fetch it again. */
  readonly authorityMetadata: string;
  readonly state: string;
  readonly verifier: string;
  readonly expiresAt: number;
}

const PAGES = {
  success: loopbackPage('Signed in', 'Graph Mail Auth Assistant received the sign-in. You can close this tab and return to the app.'),
  failure: loopbackPage('Sign-in failed', 'The sign-in did not complete. Return to Graph Mail Auth Assistant for the reason and what to do.'),
} as const;

/** An extraction problem as the service reports it: an authorization error with an AADSTS code becomes `auth/aadsts`. */
function codeProblem(problem: AuthCodeProblem): AppError {
  if (problem.kind === 'authorization-error' && problem.details.aadsts !== null) return aadstsError(problem.details.aadsts);
  return problem;
}

/**
 * Interactive sign-in of the mailbox user, then a ✓/✗ checklist (scopes, account, mailbox readable, folder).
 *
 * MSAL's `acquireTokenInteractive` cannot be cancelled and has no timeout, so the flow is built from its parts:
 * `getAuthCodeUrl` (PKCE S256, `login_hint` = mailbox, `response_mode=form_post` so the code never appears in
 * the browser's address bar or history) + our own one-shot listener on 127.0.0.1 (random port, redirect
 * `http://localhost:<port>`, state check, 5-minute bound, Cancel closes the port) + `acquireTokenByCode`. This
 * needs a Mobile-and-desktop `http://localhost` redirect on the registration. Without one, use
 * {@link beginWebSignIn}/{@link completeWebSignIn}: the same through the Web redirect with the app's credential
 * and a pasted address. Tokens are cached through the injected `ICachePlugin` (the keychain in the app).
 */
export class SignInVerificationService {
  private readonly timeoutMs: number;
  private readonly webAttemptTtlMs: number;
  private readonly attempts = new Map<string, PendingWebAttempt>();
  private readonly crypto = new CryptoProvider();

  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly tenants: TenantResolver,
    private readonly browser: BrowserOpener,
    private readonly cachePlugin?: ICachePlugin,
    options: SignInVerificationOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? INTERACTIVE_TIMEOUT_MS;
    this.webAttemptTtlMs = options.webAttemptTtlMs ?? 10 * 60_000;
  }

  /** Loopback sign-in (Mobile-and-desktop redirect), then the checklist. */
  async verify(request: SignInVerificationRequest, cancel?: AbortSignal): Promise<Result<SignInVerification>> {
    const scope = new OperationScope(cancel, this.timeoutMs);
    const stopped = (): Result<never> => fail(stoppedError(scope.stopReason ?? 'cancelled', 'The sign-in', this.timeoutMs));
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return scope.stopReason ? stopped() : tenant;
      const signedIn = await loopbackCodeSignIn(
        { tenant: tenant.value, clientId: request.clientId, scopes: VERIFIED_SIGN_IN_SCOPES, prompt: request.prompt ?? 'select_account', loginHint: request.mailbox, label: 'The sign-in', pages: PAGES },
        { http: this.http, endpoints: this.endpoints, browser: this.browser, scope, timeoutMs: this.timeoutMs, ...(this.cachePlugin ? { cachePlugin: this.cachePlugin } : {}) },
      );
      if (!signedIn.ok) return signedIn;
      const verification = await runSignInChecklist(signedIn.value, request, this.http, this.endpoints, scope.signal);
      return scope.stopReason ? stopped() : ok(verification);
    } finally {
      scope.dispose();
    }
  }

  /**
   * Starts a sign-in through the app's Web redirect: returns the URL to open (query response, PKCE S256). The
   * browser then lands on the Web redirect address (often an error page on `https://localhost`); the user copies
   * that address into {@link completeWebSignIn}.
   */
  async beginWebSignIn(request: WebSignInRequest, cancel?: AbortSignal): Promise<Result<WebSignInAttempt>> {
    this.dropExpiredAttempts();
    const scope = new OperationScope(cancel, this.timeoutMs);
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return scope.stopReason ? fail(stoppedError(scope.stopReason, 'The sign-in', this.timeoutMs)) : tenant;
      const state = newState();
      const pkce = await this.crypto.generatePkceCodes();
      try {
        const cca = this.confidentialClient(request, tenant.value.tenantId, tenant.value.authorityMetadata, scope.signal);
        const url = await cca.getAuthCodeUrl({
          scopes: [...VERIFIED_SIGN_IN_SCOPES],
          redirectUri: request.redirectUri,
          codeChallenge: pkce.challenge,
          codeChallengeMethod: 'S256',
          state,
          loginHint: request.mailbox,
          prompt: request.prompt ?? 'select_account',
        });
        const attemptId = randomUUID();
        this.attempts.set(attemptId, { request, tenantId: tenant.value.tenantId, authorityMetadata: tenant.value.authorityMetadata, state, verifier: pkce.verifier, expiresAt: Date.now() + this.webAttemptTtlMs });
        await this.browser.open(url);
        return ok({ attemptId, url });
      } catch (error) {
        return scope.stopReason ? fail(stoppedError(scope.stopReason, 'The sign-in', this.timeoutMs)) : fail(msalErrorToAppError(error, 'Preparing the sign-in'));
      }
    } finally {
      scope.dispose();
    }
  }

  /** Redeems the pasted address of a {@link beginWebSignIn} attempt (once), then runs the checklist. */
  async completeWebSignIn(attemptId: string, pastedAddress: string, cancel?: AbortSignal): Promise<Result<SignInVerification>> {
    this.dropExpiredAttempts();
    const attempt = this.attempts.get(attemptId);
    if (!attempt) return fail(appError(ErrorCode.OAuthStateMismatch, 'This sign-in is no longer pending (it finished, was cancelled or expired). Start the sign-in again.'));
    const extracted = extractAuthCode(pastedAddress, { expectedState: attempt.state, expectedRedirectUri: attempt.request.redirectUri });
    if (!extracted.ok) return fail(codeProblem(extracted.problem));
    if (!extracted.stateVerified) return fail(appError(ErrorCode.OAuthStateMismatch, 'Paste the whole address from the browser (with "state"), not only the code, so it can be matched to this sign-in.'));
    this.attempts.delete(attemptId);
    const scope = new OperationScope(cancel, this.timeoutMs);
    try {
      const cca = this.confidentialClient(attempt.request, attempt.tenantId, attempt.authorityMetadata, scope.signal);
      let result: AuthenticationResult;
      try {
        result = await cca.acquireTokenByCode({ code: extracted.code, scopes: [...VERIFIED_SIGN_IN_SCOPES], redirectUri: attempt.request.redirectUri, codeVerifier: attempt.verifier });
      } catch (error) {
        return scope.stopReason ? fail(stoppedError(scope.stopReason, 'The sign-in', this.timeoutMs)) : fail(msalErrorToAppError(error, 'Redeeming the sign-in'));
      }
      const verification = await runSignInChecklist(result, attempt.request, this.http, this.endpoints, scope.signal);
      return scope.stopReason ? fail(stoppedError(scope.stopReason, 'The sign-in', this.timeoutMs)) : ok(verification);
    } finally {
      scope.dispose();
    }
  }

  /** Forgets a pending Web-redirect attempt (the user cancelled). */
  cancelWebSignIn(attemptId: string): void {
    this.attempts.delete(attemptId);
  }

  private confidentialClient(request: WebSignInRequest, tenantId: string, authorityMetadata: string, signal: AbortSignal): ConfidentialClientApplication {
    const auth = { ...msalAuthOptions(this.endpoints, tenantId, request.clientId.trim(), authorityMetadata), ...credentialAuthOptions(request.credential) };
    return new ConfidentialClientApplication(msalConfiguration(auth, this.http, signal, this.cachePlugin));
  }

  private dropExpiredAttempts(): void {
    const now = Date.now();
    for (const [id, attempt] of this.attempts) if (attempt.expiresAt <= now) this.attempts.delete(id);
  }
}
