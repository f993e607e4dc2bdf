import { CryptoProvider, PublicClientApplication, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { extractAuthCode } from '../../shared/oauth/auth-code-extraction';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import { aadstsError, msalErrorToAppError, stoppedError } from './auth-errors';
import { startLoopbackListener, type LoopbackListenerOptions } from './loopback-listener';
import { msalAuthOptions, msalConfiguration } from './msal-config';
import type { OperationScope } from './operation-scope';
import { newState } from './random-state';
import type { ResolvedTenant } from './tenant-resolver';

/** What one interactive sign-in asks for. */
export interface LoopbackCodeSignInRequest {
  /** The tenant as the resolver returned it (its metadata spares MSAL a second discovery fetch). */
  readonly tenant: ResolvedTenant;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly prompt: 'select_account' | 'login' | 'consent';
  /** Sent as `login_hint` (the mailbox for a mailbox sign-in; none for an administrator). */
  readonly loginHint?: string;
  /** A Conditional Access claims challenge (JSON) to satisfy. */
  readonly claims?: string;
  /** Names the operation in messages: "The sign-in", "The administrator sign-in". */
  readonly label: string;
  /** The pages the browser shows when the listener received the answer. */
  readonly pages: LoopbackListenerOptions['pages'];
}

/** The ports and limits the sign-in runs with. */
export interface LoopbackCodeSignInDeps {
  readonly http: HttpClient;
  readonly endpoints: IdentityEndpoints;
  readonly browser: BrowserOpener;
  /** The caller's bound and cancel signal (the caller disposes it). */
  readonly scope: OperationScope;
  readonly timeoutMs: number;
  /** Token cache (the keychain in the app); none keeps tokens for this run only. */
  readonly cachePlugin?: ICachePlugin;
}

const crypto = new CryptoProvider();

/**
 * One interactive authorization-code sign-in in the system browser, shared by the mailbox sign-in check and
 * the administrator's sign-in.
 *
 * MSAL's `acquireTokenInteractive` cannot be cancelled and has no timeout, so the flow is built from its
 * parts: `getAuthCodeUrl` (PKCE S256, `response_mode=form_post` so the code never reaches the address bar or
 * history) + our one-shot loopback listener (state check, bound, Cancel closes the port) +
 * `acquireTokenByCode`. Failures come back as data: `op/cancelled`, `op/timeout`, `auth/aadsts`, MSAL errors.
 */
export async function loopbackCodeSignIn(request: LoopbackCodeSignInRequest, deps: LoopbackCodeSignInDeps): Promise<Result<AuthenticationResult>> {
  const { scope } = deps;
  const stopped = (): Result<never> => fail(stoppedError(scope.stopReason ?? 'cancelled', request.label, deps.timeoutMs));
  const state = newState();
  const started = await startLoopbackListener({ port: 0, path: '/', delivery: 'form_post', expectedState: state, timeoutMs: deps.timeoutMs, signal: scope.signal, pages: request.pages });
  if (!started.ok) return started;
  const listener = started.value;
  try {
    const auth = msalAuthOptions(deps.endpoints, request.tenant.tenantId, request.clientId.trim(), request.tenant.authorityMetadata);
    const pca = new PublicClientApplication(msalConfiguration(auth, deps.http, scope.signal, deps.cachePlugin));
    const pkce = await crypto.generatePkceCodes();
    const scopes = [...request.scopes];
    let url: string;
    try {
      url = await pca.getAuthCodeUrl({
        scopes,
        redirectUri: listener.redirectUri,
        codeChallenge: pkce.challenge,
        codeChallengeMethod: 'S256',
        state,
        prompt: request.prompt,
        responseMode: 'form_post',
        ...(request.loginHint === undefined ? {} : { loginHint: request.loginHint }),
        ...(request.claims ? { claims: request.claims } : {}),
      });
    } catch (error) {
      return scope.stopReason ? stopped() : fail(msalErrorToAppError(error, `Preparing ${lowerFirst(request.label)}`));
    }
    try {
      await deps.browser.open(url);
    } catch (error) {
      return fail(appError(ErrorCode.Internal, `The browser could not be opened: ${error instanceof Error ? error.message : String(error)}`));
    }
    const outcome = await listener.outcome;
    if (outcome.kind === 'stopped') return stopped();
    const extracted = extractAuthCode(outcome.address, { expectedState: state });
    if (!extracted.ok) {
      const problem = extracted.problem;
      return fail(problem.kind === 'authorization-error' && problem.details.aadsts !== null ? aadstsError(problem.details.aadsts) : problem);
    }
    try {
      const result = await pca.acquireTokenByCode({ code: extracted.code, scopes, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier, clientInfo: outcome.params.get('client_info') ?? '' });
      return ok(result);
    } catch (error) {
      return scope.stopReason ? stopped() : fail(msalErrorToAppError(error, `Redeeming ${lowerFirst(request.label)}`));
    }
  } finally {
    await listener.close();
  }
}

// "The sign-in" → "the sign-in", for "Preparing the sign-in".
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
