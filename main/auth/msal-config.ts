import type { Configuration, ICachePlugin, NodeAuthOptions } from '@azure/msal-node';
import { msalAuthorityFor, type IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { HttpClient } from '../ports/http-client';
import { MsalNetworkClient } from './msal-network-client';

/**
 * MSAL's `auth` block for a tenant.
 *
 * `authorityMetadata` is the tenant's openid-configuration as `TenantResolver` already fetched it: given
 * to MSAL, it spares a second download of the same document per operation (MSAL otherwise fetches it for any
 * authority it has no built-in endpoints for). The resolver has checked that the document names this tenant. With production endpoints it is exactly what a normal Entra app passes
 * (`clientId`, `authority: https://login.microsoftonline.com/<tenant>/`, no `knownAuthorities`); other hosts
 * (the test identity platform) are listed in `knownAuthorities` so MSAL trusts them without asking Microsoft.
 */
export function msalAuthOptions(endpoints: IdentityEndpoints, tenantId: string, clientId: string, authorityMetadata?: string): NodeAuthOptions {
  const { authority, knownAuthorities } = msalAuthorityFor(endpoints, tenantId);
  const metadata = authorityMetadata === undefined ? {} : { authorityMetadata };
  return knownAuthorities.length === 0 ? { clientId, authority, ...metadata } : { clientId, authority, knownAuthorities: [...knownAuthorities], ...metadata };
}

/**
 * A complete MSAL configuration for one operation: requests go through `http` and abort with `signal`; the
 * token cache goes through `cachePlugin` when given (otherwise it lives and dies with the application object).
 * PII logging stays off (MSAL's default), and MSAL logs nothing unless a logger is wired.
 */
export function msalConfiguration(auth: NodeAuthOptions, http: HttpClient, signal: AbortSignal, cachePlugin?: ICachePlugin): Configuration {
  return {
    auth,
    system: { networkClient: new MsalNetworkClient(http, signal), loggerOptions: { piiLoggingEnabled: false } },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
  };
}
