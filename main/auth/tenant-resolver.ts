import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { openIdConfigurationUrl, readTenantDiscovery } from '../../shared/oauth/tenant-discovery';
import type { HttpClient } from '../ports/http-client';
import { aadstsError, stoppedError } from './auth-errors';
import { OperationScope } from './operation-scope';

/** A tenant that exists, as its openid-configuration describes it. */
export interface ResolvedTenant {
  /** The tenant GUID (lower case) to use in every authority. */
  readonly tenantId: string;
  /** What the user typed (GUID or verified domain), trimmed. */
  readonly requested: string;
  readonly cloudInstance: string | null;
  readonly regionScope: string | null;
  /**
   * The openid-configuration document as fetched, for MSAL's `authorityMetadata`: MSAL would otherwise fetch
   * the same document again on every sign-in (see {@link msalAuthOptions}).
   */
  readonly authorityMetadata: string;
}

/** Default bound of one lookup. */
export const TENANT_LOOKUP_TIMEOUT_MS = 15_000;

/**
 * Verified domain or GUID → tenant GUID, through the tenant's public openid-configuration (no sign-in).
 *
 * MSAL cannot tell "tenant not found" apart from a network failure (it swallows the AADSTS90002 answer of the
 * discovery request), so every service resolves the tenant here first and reports 90002 with its explanation.
 */
export class TenantResolver {
  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly timeoutMs: number = TENANT_LOOKUP_TIMEOUT_MS,
  ) {}

  async resolve(tenant: string, cancel?: AbortSignal): Promise<Result<ResolvedTenant>> {
    const requested = tenant.trim();
    if (requested === '' || /[/?#\s]/.test(requested)) {
      return fail(appError(ErrorCode.ConfigInvalid, 'Enter the Directory (tenant) ID or a verified domain of the tenant.', { fields: [{ field: 'tenantId', message: 'must be a GUID or a domain name' }] }));
    }
    const scope = new OperationScope(cancel, this.timeoutMs);
    try {
      let body: unknown;
      let raw: string;
      try {
        const response = await this.http.send({ method: 'GET', url: openIdConfigurationUrl(requested, this.endpoints.authorityHost), headers: { accept: 'application/json' }, signal: scope.signal });
        raw = response.body;
        body = JSON.parse(raw);
      } catch (error) {
        if (scope.stopReason !== null) return fail(stoppedError(scope.stopReason, 'Looking up the tenant', this.timeoutMs));
        if (error instanceof SyntaxError) return fail(appError(ErrorCode.AuthUnexpectedResponse, `The tenant lookup at ${new URL(this.endpoints.authorityHost).host} did not return JSON.`));
        return fail(appError(ErrorCode.AuthNetwork, `Microsoft Entra ID (${new URL(this.endpoints.authorityHost).host}) could not be reached: ${error instanceof Error ? error.message : String(error)}`, { retryable: true }));
      }
      const discovery = readTenantDiscovery(body);
      if (discovery.ok) return ok({ tenantId: discovery.tenantId, requested, cloudInstance: discovery.cloudInstance, regionScope: discovery.regionScope, authorityMetadata: raw });
      const { problem } = discovery;
      if (problem.kind === 'tenant-not-found') return fail(aadstsError(problem.aadsts ?? 90002));
      return fail(appError(problem.code, problem.message));
    } finally {
      scope.dispose();
    }
  }
}
