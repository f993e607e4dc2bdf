import { buildAdminConsentUrl, validateAdminConsentResponse } from '../../shared/oauth/admin-consent';
import { graphScopesFor, REQUIRED_DELEGATED_PERMISSIONS } from '../../shared/oauth/required-permissions';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { BrowserOpener } from '../ports/browser-opener';
import { stoppedError } from './auth-errors';
import { INTERACTIVE_TIMEOUT_MS } from './interactive-limits';
import { loopbackPage, startLoopbackListener } from './loopback-listener';
import { newState } from './random-state';
import type { TenantResolver } from './tenant-resolver';

/** What an administrator is asked to grant. */
export interface AdminConsentRequest {
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  readonly clientId: string;
  /** Full scope URIs; defaults to the integration's four delegated Graph permissions. */
  readonly scopes?: readonly string[];
}

/** A reported grant. */
export interface AdminConsentGranted {
  /** The tenant we asked (resolved GUID), never the `tenant` parameter of the redirect, which anyone can forge. */
  readonly tenantId: string;
  /** Scopes the redirect listed as consented, or `null` when it listed none. */
  readonly scopes: readonly string[] | null;
}

const PAGES = {
  success: loopbackPage('Admin consent received', 'Graph Mail Auth Assistant received the answer. You can close this tab and return to the app.'),
  failure: loopbackPage('Admin consent not granted', 'The permissions were not granted. Return to Graph Mail Auth Assistant for the reason and what to do.'),
} as const;

/**
 * Admin consent for the delegated Graph permissions through the v2 `adminconsent` endpoint.
 *
 * Starts a one-shot listener on 127.0.0.1 (random port; redirect `http://localhost:<port>`, which must be
 * registered on the app, Mobile-and-desktop or Web), opens the consent URL in the system browser, and waits for
 * one response with our `state` (5 minutes by default; Cancel closes the port at once). Outcomes are data:
 * granted, `oauth/consent-declined` (also "sent for approval"), `oauth/authorization-error` with the AADSTS
 * explanation, `op/cancelled`, `op/timeout`, `auth/port-in-use`. The grant itself is confirmed only by a later
 * token (verified sign-in).
 */
export class AdminConsentService {
  constructor(
    private readonly browser: BrowserOpener,
    private readonly endpoints: IdentityEndpoints,
    private readonly tenants: TenantResolver,
    private readonly timeoutMs: number = INTERACTIVE_TIMEOUT_MS,
  ) {}

  async grant(request: AdminConsentRequest, cancel?: AbortSignal): Promise<Result<AdminConsentGranted>> {
    const tenant = await this.tenants.resolve(request.tenant, cancel);
    if (!tenant.ok) return tenant;
    const state = newState();
    const started = await startLoopbackListener({ port: 0, path: '/', delivery: 'query', expectedState: state, timeoutMs: this.timeoutMs, pages: PAGES, ...(cancel ? { signal: cancel } : {}) });
    if (!started.ok) return started;
    const listener = started.value;
    try {
      const url = buildAdminConsentUrl({
        tenantId: tenant.value.tenantId,
        clientId: request.clientId.trim(),
        redirectUri: listener.redirectUri,
        state,
        scopes: request.scopes ?? graphScopesFor(REQUIRED_DELEGATED_PERMISSIONS),
        authorityHost: this.endpoints.authorityHost,
      });
      try {
        await this.browser.open(url);
      } catch (error) {
        return fail(appError(ErrorCode.Internal, `The browser could not be opened: ${error instanceof Error ? error.message : String(error)}`));
      }
      const outcome = await listener.outcome;
      if (outcome.kind === 'stopped') return fail(stoppedError(outcome.reason, 'Admin consent', this.timeoutMs));
      const verdict = validateAdminConsentResponse(outcome.address, state);
      // The problem is an AppError already (kind, AADSTS details included).
      if (!verdict.ok) return fail(verdict.problem);
      return ok({ tenantId: tenant.value.tenantId, scopes: verdict.scopes });
    } finally {
      await listener.close();
    }
  }
}
