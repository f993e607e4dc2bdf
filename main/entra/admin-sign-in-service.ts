import { PublicClientApplication, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { graphScopesFor } from '../../shared/oauth/required-permissions';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import { stoppedError } from '../auth/auth-errors';
import { INTERACTIVE_TIMEOUT_MS } from '../auth/interactive-limits';
import { loopbackCodeSignIn } from '../auth/loopback-code-sign-in';
import { loopbackPage } from '../auth/loopback-listener';
import { msalAuthOptions, msalConfiguration } from '../auth/msal-config';
import { OperationScope } from '../auth/operation-scope';
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

const LABEL = 'The administrator sign-in';

/**
 * The administrator's interactive sign-in for the app-registration steps: msal-node `PublicClientApplication`
 * with the bootstrap client through the shared {@link loopbackCodeSignIn} (system browser, PKCE S256, form_post
 * to a one-shot loopback listener, bounded and cancellable), with the tenant's metadata from the resolver.
 * `prompt=login` so the browser asks who signs in instead of reusing the mailbox user's session. With a cache plugin
 * (the keychain, app-wide item `msal.admin-token-cache`) MSAL keeps the tokens, so a later unattended run
 * ({@link AdminSignInService.silent}, e.g. `gma rotate` from a scheduled task) can use them; without one nothing
 * outlives the run.
 */
export class AdminSignInService {
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
      const pca = new PublicClientApplication(msalConfiguration(msalAuthOptions(this.endpoints, tenant.value.tenantId, request.bootstrapClientId.trim(), tenant.value.authorityMetadata), this.http, scope.signal, this.cachePlugin));
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
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return scope.stopReason ? fail(stoppedError(scope.stopReason, LABEL, this.timeoutMs)) : tenant;
      const signedIn = await loopbackCodeSignIn(
        // `prompt=login`: the browser asks who signs in instead of reusing the mailbox user's session.
        { tenant: tenant.value, clientId: request.bootstrapClientId, scopes: graphScopesFor(request.scopes), prompt: 'login', label: LABEL, pages: PAGES, ...(request.claims ? { claims: request.claims } : {}) },
        { http: this.http, endpoints: this.endpoints, browser: this.browser, scope, timeoutMs: this.timeoutMs, ...(this.cachePlugin ? { cachePlugin: this.cachePlugin } : {}) },
      );
      if (!signedIn.ok) return signedIn;
      const result = signedIn.value;
      return ok({ accessToken: result.accessToken, tenantId: tenant.value.tenantId, username: result.account?.username ?? '', grantedScopes: result.scopes });
    } finally {
      scope.dispose();
    }
  }
}
