/**
 * The Microsoft Graph delegated permissions the integration needs, and a
 * check of what a token response actually granted.
 *
 * The integration's README lists Mail.ReadWrite, Mail.Send, User.Read and
 * MailboxSettings.ReadWrite (delegated) for all commands; its login URL adds
 * `offline_access` so that a refresh token is issued (spec §4).
 */

/** Graph's resource URI, the prefix of full scope names. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

// Graph's well-known application ID; some responses name the resource by it.
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The four delegated Graph permissions the integration needs. */
export const REQUIRED_DELEGATED_PERMISSIONS = Object.freeze(['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite'] as const);

/** One of {@link REQUIRED_DELEGATED_PERMISSIONS}. */
export type RequiredPermission = (typeof REQUIRED_DELEGATED_PERMISSIONS)[number];

/** The OpenID scope that yields a refresh token. */
export const OFFLINE_ACCESS = 'offline_access';

/**
 * Scope of the client-credentials check (`ConfidentialClientApplication.acquireTokenByClientCredential`):
 * it proves tenant, client ID and credential without a user. The token is
 * app-only and is thrown away; the integration itself never uses this flow.
 */
export const GRAPH_DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;

/** Full Graph scope URIs for permission names, e.g. `https://graph.microsoft.com/Mail.Send`. */
export function graphScopesFor(permissions: readonly string[]): readonly string[] {
  return permissions.map((p) => `${GRAPH_RESOURCE}/${p}`);
}

/**
 * Reduces a scope to its permission name in lower case: Entra ID compares
 * scope values case-insensitively, and a token response may use the short
 * name (`Mail.Send`) or the full URI (`https://graph.microsoft.com/Mail.Send`).
 */
function shortName(scope: string): string {
  const lower = scope.trim().toLowerCase();
  for (const prefix of [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`]) {
    if (lower.startsWith(prefix)) return lower.slice(prefix.length).replace(/^\/+/, '');
  }
  return lower;
}

/** What a granted-scope check found. */
export interface GrantedScopeCheck {
  /** Required permissions that were not granted, in the order of {@link REQUIRED_DELEGATED_PERMISSIONS}. */
  readonly missing: readonly RequiredPermission[];
  /** Whether `offline_access` was listed. */
  readonly offlineAccess: boolean;
  /** True when nothing required is missing (and `offline_access` is present if it was required). */
  readonly complete: boolean;
}

/**
 * Checks the `scope` of a token response (a space-separated string, or a list
 * such as MSAL's `AuthenticationResult.scopes`) against the required
 * permissions.
 *
 * `requireOfflineAccess` defaults to false because MSAL leaves the OpenID
 * scopes (`openid`, `profile`, `offline_access`) out of `result.scopes`; pass
 * true when checking the raw token response of the integration's own flow.
 * Broader permissions are not treated as implying narrower ones: the
 * integration requests exactly these.
 */
export function checkGrantedScopes(granted: string | readonly string[], options: { readonly requireOfflineAccess?: boolean } = {}): GrantedScopeCheck {
  const list = typeof granted === 'string' ? granted.split(/\s+/) : granted;
  const names = new Set(list.filter((s) => s.trim() !== '').map(shortName));
  const missing = REQUIRED_DELEGATED_PERMISSIONS.filter((p) => !names.has(p.toLowerCase()));
  const offlineAccess = names.has(OFFLINE_ACCESS);
  return { missing, offlineAccess, complete: missing.length === 0 && (offlineAccess || options.requireOfflineAccess !== true) };
}

/**
 * Scopes for the verified sign-in as the mailbox user (MSAL adds `openid`,
 * `profile` and `offline_access` itself): the four required permissions, so
 * the token response shows which of them were granted.
 */
export const VERIFIED_SIGN_IN_SCOPES: readonly string[] = Object.freeze(graphScopesFor(REQUIRED_DELEGATED_PERMISSIONS));
