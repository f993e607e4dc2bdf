import { appError, type FieldProblem } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';

/**
 * The one setting that points the app at other identity endpoints: the environment variable
 * `GMA_IDENTITY_ENDPOINTS`, read once at start-up by the main process, holding JSON such as
 * `{"authorityHost":"https://localhost:8443","graphHost":"https://localhost:8444"}`.
 * Unset (the shipped default) means Microsoft's worldwide cloud. Tests use it to reach the test identity platform;
 * nothing else differs between test and production code paths.
 */
export const IDENTITY_ENDPOINTS_SETTING = 'GMA_IDENTITY_ENDPOINTS';

/** Where sign-in and Graph calls go: origins only (`https://host[:port]`, no path, no trailing slash). */
export interface IdentityEndpoints {
  /** Replaces `https://login.microsoftonline.com` in authorities, token and admin-consent URLs. */
  readonly authorityHost: string;
  /**
   * Replaces `https://graph.microsoft.com` as the base of Graph HTTP calls. Scope strings such as
   * `https://graph.microsoft.com/Mail.ReadWrite` name the resource, not a server, and never change.
   */
  readonly graphHost: string;
}

/** Microsoft's worldwide cloud. */
export const PRODUCTION_IDENTITY_ENDPOINTS: IdentityEndpoints = Object.freeze({
  authorityHost: 'https://login.microsoftonline.com',
  graphHost: 'https://graph.microsoft.com',
});

const KEYS = ['authorityHost', 'graphHost'] as const;

/** Validates one host value: an absolute https URL with nothing after the origin. */
function parseOrigin(field: string, value: unknown): Result<string> | FieldProblem {
  if (typeof value !== 'string') return { field, message: 'must be a string such as "https://login.microsoftonline.com"' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { field, message: `"${value}" is not an absolute URL` };
  }
  if (url.protocol !== 'https:') return { field, message: 'must use https (tokens and secrets never travel over plain http)' };
  if (url.username || url.password) return { field, message: 'must not contain credentials' };
  if (url.pathname !== '/' || url.search || url.hash) return { field, message: 'must be an origin only, without path, query or fragment' };
  return ok(url.origin);
}

function isProblem(x: Result<string> | FieldProblem): x is FieldProblem {
  return 'field' in x;
}

/**
 * Parses the `GMA_IDENTITY_ENDPOINTS` value. Unset or blank → {@link PRODUCTION_IDENTITY_ENDPOINTS}; a key left out
 * keeps its production value; unknown keys, non-https or non-origin values are rejected (`config/invalid` with
 * per-field problems), so a typo never silently sends sign-ins somewhere unexpected.
 */
export function parseIdentityEndpoints(raw: string | undefined): Result<IdentityEndpoints> {
  if (raw === undefined || raw.trim() === '') return ok(PRODUCTION_IDENTITY_ENDPOINTS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail(appError(ErrorCode.ConfigInvalid, `${IDENTITY_ENDPOINTS_SETTING} is not valid JSON`));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(appError(ErrorCode.ConfigInvalid, `${IDENTITY_ENDPOINTS_SETTING} must be a JSON object with authorityHost and/or graphHost`));
  }
  const record = parsed as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(record)
    .filter((k) => !(KEYS as readonly string[]).includes(k))
    .map((k) => ({ field: k, message: 'is not a known setting (use authorityHost, graphHost)' }));
  const values: Record<(typeof KEYS)[number], string> = { ...PRODUCTION_IDENTITY_ENDPOINTS };
  for (const key of KEYS) {
    if (!(key in record)) continue;
    const result = parseOrigin(key, record[key]);
    if (isProblem(result)) problems.push(result);
    else if (result.ok) values[key] = result.value;
  }
  if (problems.length) {
    return fail(appError(ErrorCode.ConfigInvalid, `${IDENTITY_ENDPOINTS_SETTING} is invalid`, { fields: problems }));
  }
  return ok(Object.freeze(values));
}

/** True when the endpoints are Microsoft's own (MSAL then needs no `knownAuthorities`). */
export function isProductionEndpoints(endpoints: IdentityEndpoints): boolean {
  return endpoints.authorityHost === PRODUCTION_IDENTITY_ENDPOINTS.authorityHost && endpoints.graphHost === PRODUCTION_IDENTITY_ENDPOINTS.graphHost;
}

/**
 * MSAL's `authority` and `knownAuthorities` for a tenant (GUID or verified domain). Only an other-than-production
 * authority host is listed as known, which stops MSAL from asking Microsoft's instance discovery about it.
 */
export function msalAuthorityFor(endpoints: IdentityEndpoints, tenant: string): { readonly authority: string; readonly knownAuthorities: readonly string[] } {
  const knownAuthorities = endpoints.authorityHost === PRODUCTION_IDENTITY_ENDPOINTS.authorityHost ? [] : [new URL(endpoints.authorityHost).host];
  return { authority: `${endpoints.authorityHost}/${encodeURIComponent(tenant)}/`, knownAuthorities };
}
