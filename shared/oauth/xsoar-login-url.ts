/**
 * The login URL of the integration's `!msgraph-mail-generate-login-url`.
 *
 * XSOAR later redeems the authorization code itself (form POST, no PKCE
 * verifier, spec §3b) with the instance's client ID and redirect URI, so the
 * code must come from exactly the URL the integration would build. We mirror
 * its string concatenation (spec §2), including its quirks: only the space in
 * the scope is encoded, and `redirect_uri` is inserted raw. Encoding the
 * redirect URI "properly" would still work at Entra ID, but then our URL
 * would not be byte-for-byte the integration's and a mismatch could no
 * longer be ruled out by comparison.
 */

import { ErrorCode } from '../errors/error-codes';

/** Production authority host of the worldwide cloud (the only one the integration supports). */
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com/';

/** The scope the integration requests: a refresh token plus Graph's static permissions. */
export const XSOAR_LOGIN_SCOPE = 'offline_access https://graph.microsoft.com/.default';

/** Inputs of {@link buildXsoarLoginUrl}. Values are used verbatim, like the integration does. */
export interface XsoarLoginUrlInput {
  /** "Token or Tenant ID": tenant GUID or verified domain. */
  readonly tenantId: string;
  /** "ID or Client ID": the application (client) ID. */
  readonly clientId: string;
  /** `redirect_uri` instance setting: the Web redirect registered in Entra ID. */
  readonly redirectUri: string;
  /** Optional CSRF `state` appended for our own check of the pasted/captured response. */
  readonly state?: string;
  /** Optional `login_hint` (the mailbox) so the right account is pre-selected. */
  readonly loginHint?: string;
  /** Optional `prompt` (the XSOAR docs suggest `consent` after "Missing scope permissions"). */
  readonly prompt?: 'consent' | 'login' | 'select_account';
  /** Authority base such as `https://login.microsoftonline.com/`; tests pass the test identity platform. */
  readonly authorityHost?: string;
}

/** The built URL, or the fields the integration would report as missing. */
export type XsoarLoginUrlResult =
  | { readonly ok: true; readonly url: string }
  | {
      readonly ok: false;
      readonly code: typeof ErrorCode.OAuthMissingSettings;
      /** Integration names of the empty settings, in the integration's order. */
      readonly missing: readonly ('client_id' | 'tenant_id' | 'redirect_uri')[];
      /** The integration's own error text, so the analyst recognises it. */
      readonly message: string;
    };

/** The integration's error prefix when a login-URL setting is empty (spec §3e). */
export const MISSING_SETTINGS_PREFIX = 'Please make sure you entered the Authorization configuration correctly. Missing:';

/**
 * Builds the integration's login URL, optionally followed by `state`,
 * `login_hint` and `prompt` (percent-encoded; the integration never adds them).
 *
 * Only an empty string counts as missing, as in the integration; validate the
 * fields with `shared/validation/self-deployed-rules.ts` first.
 */
export function buildXsoarLoginUrl(input: XsoarLoginUrlInput): XsoarLoginUrlResult {
  const missing: ('client_id' | 'tenant_id' | 'redirect_uri')[] = [];
  if (input.clientId === '') missing.push('client_id');
  if (input.tenantId === '') missing.push('tenant_id');
  if (input.redirectUri === '') missing.push('redirect_uri');
  if (missing.length > 0) return { ok: false, code: ErrorCode.OAuthMissingSettings, missing, message: `${MISSING_SETTINGS_PREFIX}${missing.join(',')}` };

  const host = input.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  const base = host.endsWith('/') ? host : `${host}/`;
  let url =
    `${base}${input.tenantId}/oauth2/v2.0/authorize?response_type=code` +
    `&scope=${XSOAR_LOGIN_SCOPE.replaceAll(' ', '%20')}` +
    `&client_id=${input.clientId}&redirect_uri=${input.redirectUri}`;
  if (input.state !== undefined) url += `&state=${encodeURIComponent(input.state)}`;
  if (input.loginHint !== undefined && input.loginHint !== '') url += `&login_hint=${encodeURIComponent(input.loginHint)}`;
  if (input.prompt !== undefined) url += `&prompt=${input.prompt}`;
  return { ok: true, url };
}
