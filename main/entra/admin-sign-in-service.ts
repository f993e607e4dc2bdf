import { CryptoProvider, PublicClientApplication, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { extractAuthCode } from '../../shared/oauth/auth-code-extraction';
import { graphScopesFor } from '../../shared/oauth/required-permissions';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import { aadstsError, msalErrorToAppError, stoppedError } from '../auth/auth-errors';
import { INTERACTIVE_TIMEOUT_MS } from '../auth/interactive-limits';
import { loopbackPage, startLoopbackListener } from '../auth/loopback-listener';
import { msalAuthOptions, msalConfiguration } from '../auth/msal-config';
import { OperationScope } from '../auth/operation-scope';
import { newState } from '../auth/random-state';
import type { TenantResolver } from '../auth/tenant-resolver';

/** Who signs in, with which client and scopes. */
export interface AdminSignInRequest {
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  /** The bootstrap client: Microsoft Graph Command Line Tools by default, or the organisation's own. */
  readonly bootstrapClientId: string;
  /** Delegated Graph permission values (`Application.ReadWrite.All`, …). */
  readonly scopes: readonly string[];
  /** A Conditional Access claims challenge to satisfy (JSON), from a previous step-up answer. */
  readonly claims?: string;
}

/** The administrator's Graph token for one run (its refreshable form lives only in the keychain's token cache). */
export interface AdminSession {
  readonly accessToken: string;
  readonly tenantId: string;
  readonly username: string;
  /** The permissions the token carries (what the administrator consented to). */
  readonly grantedScopes: readonly string[];
}

function required(why: string): Result<never> {
  return fail(appError(ErrorCode.AdminSignInRequired,
    `An interactive administrator sign-in is needed: ${why} Sign in once in the app (Create the app for me → Check) or with "gma entra check PROFILE" in a terminal, then run this again.`));
}

const PAGES = {
  success: loopbackPage('Signed in', 'Graph Mail Auth Assistant received the administrator sign-in. You can close this tab and return to the app.'),
  failure: loopbackPage('Sign-in failed', 'The sign-in did not complete. Return to Graph Mail Auth Assistant for the reason and what to do.'),
} as const;

/**
 * The administrator's interactive sign-in for the app-registration steps: msal-node `PublicClientApplication`
 * with the bootstrap client, system browser, PKCE S256, `response_mode=form_post` to our one-shot loopback listener
 * (`main/auth/loopback-listener.ts`), bounded and cancellable through {@link OperationScope}, then
 * `acquireTokenByCode`. `prompt=login` so the browser asks who signs in instead of reusing the mailbox user's
 * session. With a cache plugin (the keychain, app-wide item `msal.admin-token-cache`) MSAL keeps the tokens, so a
 * later unattended run ({@link AdminSignInService.silent}, e.g. `gma rotate` from a scheduled task) can use them;
 * without one nothing outlives the run.
 */
export class AdminSignInService {
  private readonly crypto = new CryptoProvider();

  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly tenants: TenantResolver,
    private readonly browser: BrowserOpener,
    private readonly timeoutMs: number = INTERACTIVE_TIMEOUT_MS,
    private readonly cachePlugin?: ICachePlugin,
  ) {}

  /**
   * The administrator's token without any interaction, from the keychain's token cache (an access token still
   * valid, or one refreshed with a cached refresh token). `entra/admin-sign-in-required` when the cache cannot give
   * one: no administrator signed in on this computer for this tenant, or the sign-in has lapsed.
   */
  async silent(request: AdminSignInRequest, cancel?: AbortSignal): Promise<Result<AdminSession>> {
    if (!this.cachePlugin) return required('this run has no access to the keychain token cache.');
    const scope = new OperationScope(cancel, this.timeoutMs);
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return tenant;
      const pca = new PublicClientApplication(msalConfiguration(msalAuthOptions(this.endpoints, tenant.value.tenantId, request.bootstrapClientId.trim()), this.http, scope.signal, this.cachePlugin));
      const accounts = await pca.getTokenCache().getAllAccounts();
      const account = accounts.find((a) => a.tenantId === tenant.value.tenantId || a.homeAccountId.endsWith(`.${tenant.value.tenantId}`));
      if (!account) return required(`no administrator of tenant ${tenant.value.tenantId} has signed in on this computer yet.`);
      let result: AuthenticationResult;
      try {
        result = await pca.acquireTokenSilent({ account, scopes: [...graphScopesFor(request.scopes)] });
      } catch {
        return required(`the cached sign-in of ${account.username || 'the administrator'} has expired or does not cover ${request.scopes.join(', ')}.`);
      }
      return ok({ accessToken: result.accessToken, tenantId: tenant.value.tenantId, username: result.account?.username ?? account.username, grantedScopes: result.scopes });
    } finally {
      scope.dispose();
    }
  }

  /** Signs the administrator in; `op/cancelled`, `op/timeout`, `auth/aadsts` (e.g. 65004 declined) as data. */
  async signIn(request: AdminSignInRequest, cancel?: AbortSignal): Promise<Result<AdminSession>> {
    const scope = new OperationScope(cancel, this.timeoutMs);
    const stopped = (): Result<never> => fail(stoppedError(scope.stopReason ?? 'cancelled', 'The administrator sign-in', this.timeoutMs));
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return scope.stopReason ? stopped() : tenant;
      const state = newState();
      const started = await startLoopbackListener({ port: 0, path: '/', delivery: 'form_post', expectedState: state, timeoutMs: this.timeoutMs, signal: scope.signal, pages: PAGES });
      if (!started.ok) return started;
      const listener = started.value;
      try {
        const pca = new PublicClientApplication(msalConfiguration(msalAuthOptions(this.endpoints, tenant.value.tenantId, request.bootstrapClientId.trim()), this.http, scope.signal, this.cachePlugin));
        const pkce = await this.crypto.generatePkceCodes();
        const scopes = [...graphScopesFor(request.scopes)];
        let url: string;
        try {
          url = await pca.getAuthCodeUrl({
            scopes,
            redirectUri: listener.redirectUri,
            codeChallenge: pkce.challenge,
            codeChallengeMethod: 'S256',
            state,
            prompt: 'login',
            responseMode: 'form_post',
            ...(request.claims ? { claims: request.claims } : {}),
          });
        } catch (error) {
          return scope.stopReason ? stopped() : fail(msalErrorToAppError(error, 'Preparing the administrator sign-in'));
        }
        try {
          await this.browser.open(url);
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
        let result: AuthenticationResult;
        try {
          result = await pca.acquireTokenByCode({ code: extracted.code, scopes, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier, clientInfo: outcome.params.get('client_info') ?? '' });
        } catch (error) {
          return scope.stopReason ? stopped() : fail(msalErrorToAppError(error, 'Redeeming the administrator sign-in'));
        }
        return ok({ accessToken: result.accessToken, tenantId: tenant.value.tenantId, username: result.account?.username ?? '', grantedScopes: result.scopes });
      } finally {
        await listener.close();
      }
    } finally {
      scope.dispose();
    }
  }
}
