/**
 * The OAuth error parameters of a redirect (`error=…`), typed.
 */

import { parseAadstsCode } from '../aadsts/aadsts-code';
import type { QueryParams } from './query-params';

/** An `error=` answer from the authorization or admin-consent endpoint. */
export interface AuthorizationErrorDetails {
  /** OAuth error code, e.g. `access_denied`, `invalid_request`, `consent_required`. */
  readonly error: string;
  /** Entra ID's text, usually starting with `AADSTS<n>:`; `null` when absent. */
  readonly errorDescription: string | null;
  /** Entra ID's refinement, e.g. `cancel` when the user backed out of consent. */
  readonly errorSubcode: string | null;
  /** The AADSTS number parsed from the description, or `null`. */
  readonly aadsts: number | null;
}

function first(params: QueryParams, name: string): string | null {
  const value = params.get(name)?.[0];
  return value === undefined || value === '' ? null : value;
}

/**
 * Reads the error parameters, or returns `null` when there is no `error`.
 *
 * The first occurrence wins: an error answer is reported even when its
 * parameters are repeated, because refusing it would hide the real cause.
 */
export function readAuthorizationError(params: QueryParams): AuthorizationErrorDetails | null {
  const error = first(params, 'error');
  if (error === null) return null;
  const errorDescription = first(params, 'error_description');
  return {
    error,
    errorDescription,
    errorSubcode: first(params, 'error_subcode'),
    aadsts: parseAadstsCode(errorDescription),
  };
}
