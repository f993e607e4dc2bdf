/**
 * Resolving a tenant (GUID or verified domain) through its public
 * openid-configuration document, without signing in.
 *
 * `GET https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration`
 * answers with an `issuer` of the form `https://login.microsoftonline.com/<tenant GUID>/v2.0`
 * for an existing tenant, and with `error` / `AADSTS90002` for an unknown
 * one. `cloud_instance_name` tells the cloud: only `microsoftonline.com`
 * (worldwide) works, because the integration hard-codes the worldwide login
 * and Graph hosts (spec §1.2). This module builds the URL and reads the
 * answer; the caller does the HTTP request.
 */

import { ErrorCode } from '../errors/error-codes';
import type { AppError } from '../errors/app-error';
import { aadstsCodeOfErrorBody } from '../aadsts/aadsts-code';
import { DEFAULT_AUTHORITY_HOST } from './xsoar-login-url';

/** The cloud instance of the worldwide (public) cloud. */
export const WORLDWIDE_CLOUD_INSTANCE = 'microsoftonline.com';

/** URL of the tenant's v2 openid-configuration. */
export function openIdConfigurationUrl(tenant: string, authorityHost: string = DEFAULT_AUTHORITY_HOST): string {
  const base = authorityHost.endsWith('/') ? authorityHost : `${authorityHost}/`;
  return `${base}${encodeURIComponent(tenant.trim())}/v2.0/.well-known/openid-configuration`;
}

/** What the document says about the tenant. */
export type TenantDiscovery =
  | {
      readonly ok: true;
      /** The tenant's GUID, lower case, taken from `issuer`. */
      readonly tenantId: string;
      /** `cloud_instance_name`, or `null` when the document has none (test identity platforms). */
      readonly cloudInstance: string | null;
      /** `tenant_region_scope`, e.g. `EU`, `NA`; `null` when absent. */
      readonly regionScope: string | null;
    }
  | { readonly ok: false; readonly problem: AppError & { readonly kind: 'tenant-not-found' | 'national-cloud' | 'malformed'; readonly aadsts: number | null } };

const ISSUER_TENANT = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Reads an openid-configuration response body (parsed JSON, success or
 * error) into the tenant's GUID, or the reason there is none.
 */
export function readTenantDiscovery(body: unknown): TenantDiscovery {
  if (typeof body !== 'object' || body === null) {
    return { ok: false, problem: { kind: 'malformed', code: ErrorCode.OAuthMalformedResponse, message: 'The tenant lookup returned no JSON document.', aadsts: null } };
  }
  const doc = body as Record<string, unknown>;
  if (text(doc.error) !== null) {
    const aadsts = aadstsCodeOfErrorBody(doc as { error_codes?: readonly unknown[]; error_description?: unknown });
    return {
      ok: false,
      problem: { kind: 'tenant-not-found', code: ErrorCode.OAuthTenantNotFound, message: 'Microsoft Entra ID does not know this tenant. Check the tenant ID or domain.', aadsts },
    };
  }
  const issuer = text(doc.issuer);
  const tenantId = issuer === null ? undefined : ISSUER_TENANT.exec(issuer)?.[1];
  if (tenantId === undefined) {
    return { ok: false, problem: { kind: 'malformed', code: ErrorCode.OAuthMalformedResponse, message: 'The tenant lookup returned no tenant ID.', aadsts: null } };
  }
  const cloudInstance = text(doc.cloud_instance_name);
  if (cloudInstance !== null && cloudInstance.toLowerCase() !== WORLDWIDE_CLOUD_INSTANCE) {
    return {
      ok: false,
      problem: {
        kind: 'national-cloud',
        code: ErrorCode.OAuthUnsupportedCloud,
        message: `This tenant is in a national cloud (${cloudInstance}). The Microsoft Graph Mail Single User integration only supports the worldwide cloud.`,
        aadsts: null,
      },
    };
  }
  return { ok: true, tenantId: tenantId.toLowerCase(), cloudInstance, regionScope: text(doc.tenant_region_scope) };
}
