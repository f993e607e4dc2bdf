/**
 * Extracts the authorization code from what an analyst pastes: the whole
 * address the browser landed on, a query (`code=…&session_state=…`), or the
 * bare code.
 *
 * The integration refuses a code that still contains `session_state`
 * ("Malformed auth_code parameter", spec §3b), so the value is taken from the
 * `code` parameter alone and checked again before it is returned. Nothing
 * here throws: every outcome is a member of {@link AuthCodeExtraction}.
 */

import { ErrorCode } from '../errors/error-codes';
import type { AppError } from '../errors/app-error';
import { explainAadsts } from '../aadsts/aadsts-explainer';
import { readAuthorizationError, type AuthorizationErrorDetails } from './authorization-error';
import { mergeParams, parseQuery, singleParam, type QueryParams } from './query-params';

/** Options of {@link extractAuthCode}. */
export interface AuthCodeExtractionOptions {
  /**
   * The `state` we put in the login URL. When given, a pasted address or
   * query must carry exactly this `state`. A bare code has no `state` to
   * check; the result then says `stateVerified: false`.
   */
  readonly expectedState?: string;
  /**
   * The XSOAR redirect URI. When given, a pasted absolute address must point
   * to it (same scheme, host, port and path): a code is bound to the redirect
   * URI it was issued for, and XSOAR redeems it with its own.
   */
  readonly expectedRedirectUri?: string;
}

/** Where the code was found. */
export type AuthCodeSource = 'address' | 'parameters' | 'bare-code';

/** Why no code could be extracted. Structurally an {@link AppError}, so it can be returned over IPC as is. */
export type AuthCodeProblem = AppError &
  (
    | { readonly kind: 'empty' }
    | { readonly kind: 'no-code' }
    | { readonly kind: 'malformed' }
    | { readonly kind: 'state-missing' }
    | { readonly kind: 'state-mismatch' }
    | { readonly kind: 'redirect-mismatch' }
    | { readonly kind: 'authorization-error'; readonly details: AuthorizationErrorDetails }
  );

/** The extracted code, or the problem. */
export type AuthCodeExtraction =
  | {
      readonly ok: true;
      /** The code exactly as XSOAR must receive it (no `code=`, no `session_state`). */
      readonly code: string;
      /** The `state` that came with it, if any. */
      readonly state: string | null;
      /** True only when `expectedState` was given and matched. */
      readonly stateVerified: boolean;
      readonly source: AuthCodeSource;
    }
  | { readonly ok: false; readonly problem: AuthCodeProblem };

// Invisible characters that survive copy and paste from browsers and chat tools.
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF]/g;
// RFC 6749 allows visible ASCII in a code; anything else means a broken paste.
const CODE_CHARS = /^[\x21-\x7E]+$/;

function problem(kind: Exclude<AuthCodeProblem['kind'], 'authorization-error'>, code: ErrorCode, message: string): AuthCodeExtraction {
  return { ok: false, problem: { kind, code, message } };
}

function unwrap(text: string): string {
  let t = text.replace(INVISIBLE, '').trim();
  // Pasted from a chat or a document: "…", '…', <…>.
  const pairs: readonly (readonly [string, string])[] = [['"', '"'], ["'", "'"], ['<', '>'], ['\u201C', '\u201D']];
  for (const [open, close] of pairs) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) t = t.slice(1, -1).trim();
  }
  return t;
}

// Names that may start a pasted query (Entra ID and RFC 6749 response parameters).
const RESPONSE_PARAMS: ReadonlySet<string> = new Set(['code', 'state', 'session_state', 'error', 'error_description', 'error_subcode', 'error_uri', 'client_info', 'admin_consent', 'tenant', 'scope', 'iss']);

/** True for `scheme://…`. */
function hasScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

interface Located {
  readonly params: QueryParams;
  readonly source: AuthCodeSource;
}

/** Splits the paste into parameters, or says why its encoding is broken. */
function locateParams(pastedText: string): Located | { readonly error: string } {
  const withScheme = hasScheme(pastedText);
  const text = withScheme ? pastedText : pastedText.replace(/^[?#&]+/, '');
  // An address without scheme ("localhost/?code=…", as some address bars
  // show it) or a path is split like an address, never taken as a bare code.
  const isAddress = withScheme || text.startsWith('/') || /[?#]/.test(text);
  if (isAddress) {
    const hashAt = text.indexOf('#');
    const beforeHash = hashAt === -1 ? text : text.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : text.slice(hashAt + 1);
    const queryAt = beforeHash.indexOf('?');
    const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
    const q = parseQuery(query);
    const f = parseQuery(fragment);
    if (!q.ok) return { error: q.reason };
    if (!f.ok) return { error: f.reason };
    const params = new Map(mergeParams(q.params, f.params));
    // A bare segment in an address is not a code ("https://host/?abc").
    params.delete('');
    return { params, source: 'address' };
  }
  const ampAt = text.indexOf('&');
  const head = ampAt === -1 ? text : text.slice(0, ampAt);
  const rest = ampAt === -1 ? '' : text.slice(ampAt + 1);
  const name = /^([A-Za-z_]+)=/.exec(head)?.[1]?.toLowerCase();
  // A code may itself contain "=" (padding), so only a known parameter name
  // makes the first segment a parameter; anything else is the bare code.
  const headIsParam = name !== undefined && RESPONSE_PARAMS.has(name);
  const parsed = parseQuery(headIsParam ? text : rest);
  if (!parsed.ok) return { error: parsed.reason };
  const params = new Map(parsed.params);
  if (!headIsParam) {
    const bareCode = parseQuery(head.replaceAll('=', '%3D'));
    if (!bareCode.ok) return { error: bareCode.reason };
    params.set('', [...(bareCode.params.get('') ?? []), ...(params.get('') ?? [])]);
  }
  const onlyBare = params.size === 1 && params.has('');
  return { params, source: onlyBare ? 'bare-code' : 'parameters' };
}

/** Same scheme, host, port and path after URL normalisation (`https://localhost` = `https://localhost/`). */
function pointsTo(address: string, redirectUri: string): boolean {
  try {
    const a = new URL(address);
    const r = new URL(redirectUri.trim());
    return a.protocol === r.protocol && a.host === r.host && a.pathname === r.pathname;
  } catch {
    return false;
  }
}

function authorizationErrorProblem(details: AuthorizationErrorDetails): AuthCodeExtraction {
  const explained = details.aadsts === null ? null : explainAadsts(details.aadsts);
  const because = explained ? ` (AADSTS${explained.code}: ${explained.title}). ${explained.fix}` : details.errorDescription ? `: ${details.errorDescription}` : '.';
  return {
    ok: false,
    problem: {
      kind: 'authorization-error',
      code: ErrorCode.OAuthAuthorizationError,
      message: `Sign-in did not return a code; Microsoft Entra ID answered "${details.error}"${because}`,
      details,
    },
  };
}

/**
 * Extracts the authorization code from a pasted redirect address, a query
 * string (`code=…&session_state=…`, with or without a leading `?`/`#`), or a
 * bare code (`CODE` or `CODE&session_state=…`). Surrounding whitespace,
 * quotes and invisible characters are ignored; a code in the fragment
 * (`response_mode=fragment`) is found too.
 *
 * An `error=` answer wins over everything else, even without a matching
 * `state`: it cannot make us accept anything, and its AADSTS code is the
 * most useful thing to show.
 */
export function extractAuthCode(pasted: string, options: AuthCodeExtractionOptions = {}): AuthCodeExtraction {
  const text = unwrap(pasted);
  if (text === '') return problem('empty', ErrorCode.OAuthNoCode, 'Paste the address the browser showed after sign-in, or the code itself.');

  const located = locateParams(text);
  if ('error' in located) return problem('malformed', ErrorCode.OAuthMalformedResponse, `The pasted text is not a valid address: ${located.error}`);
  const { params, source } = located;

  const authError = readAuthorizationError(params);
  if (authError) return authorizationErrorProblem(authError);

  if (options.expectedRedirectUri !== undefined && hasScheme(text) && !pointsTo(text, options.expectedRedirectUri)) {
    return problem(
      'redirect-mismatch',
      ErrorCode.OAuthRedirectMismatch,
      `The pasted address does not start with the XSOAR redirect URI (${options.expectedRedirectUri}). XSOAR could not redeem a code issued for another address; use the login URL built from the instance settings.`,
    );
  }

  const codeParam = singleParam(params, source === 'bare-code' ? '' : 'code');
  const bare = source === 'parameters' ? singleParam(params, '') : ({ kind: 'absent' } as const);
  if (codeParam.kind === 'repeated') return problem('malformed', ErrorCode.OAuthMalformedResponse, 'The pasted address contains "code" more than once; copy it again from the browser.');
  // "CODE&session_state=…" (the integration's instructions say to copy only CODE).
  const chosen = codeParam.kind === 'one' ? codeParam : bare;
  if (chosen.kind !== 'one' || chosen.value === '') {
    return problem('no-code', ErrorCode.OAuthNoCode, 'No authorization code found. Paste the full address from the browser\'s address bar after sign-in; it contains "code=".');
  }
  const code = chosen.value;
  if (!CODE_CHARS.test(code) || /session_state/i.test(code)) {
    return problem('malformed', ErrorCode.OAuthMalformedResponse, 'The code contains spaces or other characters a code cannot have; copy it again without anything around it.');
  }

  const stateParam = singleParam(params, 'state');
  if (stateParam.kind === 'repeated') return problem('malformed', ErrorCode.OAuthMalformedResponse, 'The pasted address contains "state" more than once; copy it again from the browser.');
  const state = stateParam.kind === 'one' ? stateParam.value : null;
  const resultSource: AuthCodeSource = codeParam.kind === 'one' ? source : 'bare-code';
  const expected = options.expectedState;
  let stateVerified = false;
  if (expected !== undefined) {
    if (state !== null) {
      if (state !== expected) return problem('state-mismatch', ErrorCode.OAuthStateMismatch, 'The pasted address belongs to a different sign-in (its "state" does not match). Paste the address from the most recent sign-in.');
      stateVerified = true;
    } else if (resultSource !== 'bare-code') {
      return problem('state-missing', ErrorCode.OAuthStateMismatch, 'The pasted address has no "state"; it does not come from the sign-in this assistant started. Start the sign-in again and paste the new address.');
    }
  }
  return { ok: true, code, state, stateVerified, source: resultSource };
}
