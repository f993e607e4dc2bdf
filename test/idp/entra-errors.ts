import { randomUUID } from 'node:crypto';

/** One Entra (AADSTS) error as the platform reproduces it. */
export interface EntraErrorSpec {
  readonly code: number;
  readonly error: string;
  readonly status: number;
  readonly suberror?: string;
}

/**
 * The AADSTS errors the platform produces, with the OAuth `error` and HTTP status Entra pairs them with
 * (learn.microsoft.com "Microsoft Entra authentication and authorization error codes").
 */
export const AADSTS = {
  tenantNotFound: { code: 90002, error: 'invalid_tenant', status: 400 },
  appNotFound: { code: 700016, error: 'unauthorized_client', status: 400 },
  invalidClientSecret: { code: 7000215, error: 'invalid_client', status: 401 },
  assertionKeyNotRegistered: { code: 700027, error: 'invalid_client', status: 401 },
  redirectUriMismatch: { code: 50011, error: 'invalid_request', status: 400 },
  consentRequired: { code: 65001, error: 'invalid_grant', status: 400, suberror: 'consent_required' },
  userDeclinedConsent: { code: 65004, error: 'access_denied', status: 400 },
  codeAlreadyRedeemed: { code: 54005, error: 'invalid_grant', status: 400 },
  codeExpired: { code: 70008, error: 'invalid_grant', status: 400 },
  publicClientWithSecret: { code: 700025, error: 'invalid_client', status: 401 },
  credentialMissing: { code: 7000218, error: 'invalid_client', status: 401 },
  clientCredentialsScope: { code: 1002012, error: 'invalid_scope', status: 400 },
  invalidScope: { code: 70011, error: 'invalid_scope', status: 400 },
  invalidGrant: { code: 70000, error: 'invalid_grant', status: 400 },
  invalidRequest: { code: 900144, error: 'invalid_request', status: 400 },
  unsupportedGrantType: { code: 70003, error: 'unsupported_grant_type', status: 400 },
  userNotFound: { code: 50034, error: 'invalid_grant', status: 400 },
  invalidPassword: { code: 50126, error: 'invalid_grant', status: 400 },
  adminRequired: { code: 90094, error: 'access_denied', status: 400 },
  serverError: { code: 50000, error: 'server_error', status: 500 },
} as const satisfies Record<string, EntraErrorSpec>;

/** Name of one AADSTS error in the catalogue. */
export type EntraErrorName = keyof typeof AADSTS;

/** Error response body with the fields Entra's token endpoint returns. */
export interface EntraErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly error_codes: readonly number[];
  readonly timestamp: string;
  readonly trace_id: string;
  readonly correlation_id: string;
  readonly error_uri: string;
  readonly suberror?: string;
}

/** Entra's timestamp format: `2026-11-26 11:27:17Z`. */
function entraTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** An error raised by the platform's Entra layer; the HTTP front turns it into JSON or an error page. */
export class EntraError extends Error {
  /** The catalogue entry. */
  readonly spec: EntraErrorSpec;
  /** The message after `AADSTSnnnnn: `. */
  readonly detail: string;

  constructor(name: EntraErrorName, detail: string) {
    super(`AADSTS${AADSTS[name].code}: ${detail}`);
    this.spec = AADSTS[name];
    this.detail = detail;
  }

  /** The JSON body, with fresh trace and correlation ids (the caller's `client-request-id` when it sent one). */
  toBody(authorityOrigin: string, now: Date, correlationId?: string): EntraErrorBody {
    const traceId = randomUUID();
    const correlation = correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : randomUUID();
    const timestamp = entraTimestamp(now);
    return {
      error: this.spec.error,
      error_description: `${this.message} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
      error_codes: [this.spec.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlation,
      error_uri: `${authorityOrigin}/error?code=${this.spec.code}`,
      ...(this.spec.suberror ? { suberror: this.spec.suberror } : {}),
    };
  }
}
