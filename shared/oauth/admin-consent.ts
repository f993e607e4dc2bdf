/**
 * The v2 admin-consent request (`/{tenant}/v2.0/adminconsent`) and the
 * validation of its redirect.
 *
 * An administrator grants the delegated Graph permissions for the whole
 * tenant, so the mailbox user is not asked (or blocked) later. The endpoint
 * returns no token: the redirect only reports `admin_consent=True` or an
 * error, plus the `tenant` that consented and our `state`.
 */

import { ErrorCode } from '../errors/error-codes';
import type { AppError } from '../errors/app-error';
import { explainAadsts } from '../aadsts/aadsts-explainer';
import { readAuthorizationError, type AuthorizationErrorDetails } from './authorization-error';
import { parseQuery, singleParam } from './query-params';
import { DEFAULT_AUTHORITY_HOST } from './xsoar-login-url';
import { graphScopesFor, REQUIRED_DELEGATED_PERMISSIONS } from './required-permissions';

/** Inputs of {@link buildAdminConsentUrl}. */
export interface AdminConsentRequest {
  /** Tenant GUID or verified domain (already validated). */
  readonly tenantId: string;
  /** Application (client) ID. */
  readonly clientId: string;
  /** Where Entra ID sends the admin back: our loopback listener, `http://localhost:<port>`. */
  readonly redirectUri: string;
  /** Unguessable value bound to this attempt; checked on return. */
  readonly state: string;
  /**
   * Full scope URIs; defaults to the four required Graph delegated
   * permissions (`https://graph.microsoft.com/Mail.ReadWrite`, …).
   */
  readonly scopes?: readonly string[];
  /** Authority base; defaults to production, tests pass the test identity platform. */
  readonly authorityHost?: string;
}

/**
 * Builds `https://<host>/<tenant>/v2.0/adminconsent?client_id=…&scope=…&redirect_uri=…&state=…`.
 *
 * Every value is percent-encoded (scopes joined by `%20`).
 */
export function buildAdminConsentUrl(request: AdminConsentRequest): string {
  const host = request.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  const base = host.endsWith('/') ? host : `${host}/`;
  const scopes = request.scopes ?? graphScopesFor(REQUIRED_DELEGATED_PERMISSIONS);
  const query = [
    ['client_id', request.clientId],
    ['scope', scopes.join(' ')],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  return `${base}${encodeURIComponent(request.tenantId)}/v2.0/adminconsent?${query}`;
}

/** Why the admin-consent redirect does not report a grant. Structurally an {@link AppError}. */
export type AdminConsentProblem = AppError &
  (
    | { readonly kind: 'malformed' }
    | { readonly kind: 'state-missing' }
    | { readonly kind: 'state-mismatch' }
    /** `access_denied`: declined, cancelled, or an approval request was sent (admin consent workflow). */
    | { readonly kind: 'declined'; readonly details: AuthorizationErrorDetails; readonly approvalMayBePending: boolean }
    | { readonly kind: 'error'; readonly details: AuthorizationErrorDetails }
    | { readonly kind: 'not-granted' }
  );

/**
 * The outcome of an admin-consent redirect.
 *
 * On success only the scopes echoed back are reported. The `tenant`
 * parameter is deliberately not returned: it arrives through the browser and
 * anyone can craft it, and the tenant that matters is the one we asked for.
 * Consent is confirmed for real only by a later token request (credential
 * check or verified sign-in).
 */
export type AdminConsentOutcome =
  | {
      readonly ok: true;
      /** Scopes Entra ID reported as consented (space-separated in the redirect), or `null` if absent. */
      readonly scopes: readonly string[] | null;
    }
  | { readonly ok: false; readonly problem: AdminConsentProblem };

function fail(problem: AdminConsentProblem): AdminConsentOutcome {
  return { ok: false, problem };
}

function describe(details: AuthorizationErrorDetails): string {
  if (details.aadsts !== null) {
    const e = explainAadsts(details.aadsts);
    return `AADSTS${e.code}: ${e.title}. ${e.fix}`;
  }
  return details.errorDescription ?? details.error;
}

/**
 * Validates the query (or the whole redirect URL) of an admin-consent
 * response against the `state` we sent.
 *
 * Order: a parse failure, then `state` (missing or different: the response
 * is not ours, so nothing in it is believed), then `error`, then
 * `admin_consent=True`. `access_denied` with `error_subcode=cancel` is what
 * Entra ID returns when the administrator cancels or when a non-admin user
 * submits a request through the admin consent workflow, so it is reported
 * as "declined, approval may be pending".
 */
export function validateAdminConsentResponse(redirect: string, expectedState: string): AdminConsentOutcome {
  const queryAt = redirect.indexOf('?');
  const hashAt = redirect.indexOf('#');
  const query = queryAt === -1 ? redirect.replace(/^#/, '') : redirect.slice(queryAt + 1, hashAt > queryAt ? hashAt : undefined);
  const parsed = parseQuery(query);
  if (!parsed.ok) return fail({ kind: 'malformed', code: ErrorCode.OAuthMalformedResponse, message: `The consent response is not valid: ${parsed.reason}` });
  const params = parsed.params;

  const state = singleParam(params, 'state');
  if (state.kind === 'repeated') return fail({ kind: 'malformed', code: ErrorCode.OAuthMalformedResponse, message: 'The consent response contains "state" more than once.' });
  if (state.kind === 'absent') return fail({ kind: 'state-missing', code: ErrorCode.OAuthStateMismatch, message: 'The consent response has no "state", so it cannot be matched to the request; start admin consent again.' });
  if (state.value !== expectedState) return fail({ kind: 'state-mismatch', code: ErrorCode.OAuthStateMismatch, message: 'The consent response belongs to a different request ("state" does not match); start admin consent again.' });

  const error = readAuthorizationError(params);
  if (error) {
    if (error.error === 'access_denied') {
      const approvalMayBePending = error.errorSubcode === 'cancel';
      const message = approvalMayBePending
        ? 'Consent was not granted: the sign-in was cancelled, or the request was sent to an administrator for approval (admin consent workflow). Once an administrator approves it, continue with the next step; otherwise sign in as a Global, Privileged Role or Cloud Application Administrator and try again.'
        : `The administrator declined the permissions. ${describe(error)}`;
      return fail({ kind: 'declined', code: ErrorCode.OAuthConsentDeclined, message, details: error, approvalMayBePending });
    }
    return fail({ kind: 'error', code: ErrorCode.OAuthAuthorizationError, message: `Admin consent failed (${error.error}). ${describe(error)}`, details: error });
  }

  const granted = singleParam(params, 'admin_consent');
  if (granted.kind !== 'one' || granted.value.toLowerCase() !== 'true') {
    return fail({ kind: 'not-granted', code: ErrorCode.OAuthConsentNotGranted, message: 'The consent response does not report a grant (admin_consent is not True).' });
  }
  const scope = singleParam(params, 'scope');
  const scopes = scope.kind === 'one' ? scope.value.split(/\s+/).filter((s) => s !== '') : null;
  return { ok: true, scopes };
}
