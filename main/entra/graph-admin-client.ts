import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { classifyGraphAnswer, REPLICATION_BACKOFF_MS, retryDelayMs, type GraphAnswerKind } from '../../shared/entra/graph-retry-policy';
import type { HttpClient } from '../ports/http-client';
import { abortableDelay } from '../../shared/async/abortable-delay';

/** Bound of one Graph request. */
export const GRAPH_WRITE_TIMEOUT_MS = 30_000;

/** Why a Graph call did not succeed. Carries codes, never the secret or token. */
export interface GraphCallFailure {
  /** `final` (report it), `ambiguous-write` (read back), `exhausted` (replication retries used up), `network`, `stopped`. */
  readonly kind: Exclude<GraphAnswerKind, 'success' | 'replicating' | 'throttled'> | 'exhausted' | 'network' | 'stopped';
  readonly status: number | null;
  readonly code: string | null;
  readonly detailCodes: readonly string[];
  /** The `claims` of an `insufficient_claims` challenge (Conditional Access step-up), base64-decoded, else `null`. */
  readonly claimsChallenge: string | null;
  /** Graph's message, for logs and "details" only; code never branches on it. */
  readonly message: string;
}

/** A Graph call's outcome. */
export type GraphCall<T> = { readonly ok: true; readonly status: number; readonly value: T } | { readonly ok: false; readonly failure: GraphCallFailure };

/** One retry, for progress ("Retrying: still replicating (2/5)"). */
export interface GraphRetry {
  readonly attempt: number;
  readonly of: number;
  readonly reason: 'replicating' | 'throttled';
  readonly waitMs: number;
}

/** Tuning for tests; production uses the spec's backoff (2-4-8-16-32 s). */
export interface GraphAdminClientOptions {
  readonly backoffMs?: readonly number[];
  readonly onRetry?: (retry: GraphRetry) => void;
}

/** Per-call options. */
export interface GraphCallOptions {
  /** A 404 is an answer ("there is none"), not replication: no retry. */
  readonly notFoundIsAnswer?: boolean;
}


/** The `claims` parameter of a `WWW-Authenticate: Bearer … error="insufficient_claims", claims="<base64>"` header. */
export function claimsFromChallenge(header: string | undefined): string | null {
  if (!header || !/insufficient_claims/i.test(header)) return null;
  const m = /claims="([^"]+)"/i.exec(header);
  if (!m?.[1]) return '';
  try {
    return Buffer.from(m[1], 'base64').toString('utf8');
  } catch {
    return '';
  }
}

/**
 * Microsoft Graph v1.0 with the administrator's delegated token, for the app-registration steps: JSON in and
 * out, every status resolved as data, and the spec's retry policy (B1): replication answers are retried with
 * backoff, throttling honours `Retry-After`, and an ambiguous create is handed back so the caller reads back before
 * posting again. The token goes only to the configured Graph host; the HTTP client refuses redirects.
 */
export class GraphAdminClient {
  private readonly backoffMs: readonly number[];

  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly accessToken: string,
    private readonly signal: AbortSignal,
    private readonly options: GraphAdminClientOptions = {},
  ) {
    this.backoffMs = options.backoffMs ?? REPLICATION_BACKOFF_MS;
  }

  /** `GET /v1.0<path>`. */
  get<T>(path: string, options: GraphCallOptions = {}): Promise<GraphCall<T>> {
    return this.call<T>('GET', path, undefined, options);
  }

  /** One call with the retry policy; `path` starts with `/` and is already encoded. */
  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: GraphCallOptions = {}): Promise<GraphCall<T>> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.signal.aborted) return this.failed('stopped', null, null, [], null, 'stopped');
      let response;
      try {
        response = await this.http.send({
          method,
          url: `${this.endpoints.graphHost}/v1.0${path}`,
          headers: {
            authorization: `Bearer ${this.accessToken}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.any([this.signal, AbortSignal.timeout(GRAPH_WRITE_TIMEOUT_MS)]),
        });
      } catch (error) {
        if (this.signal.aborted) return this.failed('stopped', null, null, [], null, 'stopped');
        return this.failed('network', null, null, [], null, error instanceof Error ? error.message : String(error));
      }
      let parsed: unknown = undefined;
      if (response.body.trim() !== '') {
        try {
          parsed = JSON.parse(response.body);
        } catch {
          return this.failed('final', response.status, null, [], null, `HTTP ${response.status} without JSON`);
        }
      }
      const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
      const code = typeof error?.code === 'string' ? error.code : null;
      const detailCodes = Array.isArray(error?.details) ? error.details.map((d: { code?: unknown }) => (typeof d?.code === 'string' ? d.code : '')).filter(Boolean) : [];
      const message = typeof error?.message === 'string' ? error.message : '';
      const kind = classifyGraphAnswer({ method, status: response.status, code, detailCodes });
      if (kind === 'success') return { ok: true, status: response.status, value: parsed as T };
      const claims = response.status === 401 || response.status === 403 ? claimsFromChallenge(response.headers['www-authenticate']) : null;
      if (response.status === 404 && options.notFoundIsAnswer) return this.failed('final', 404, code, detailCodes, claims, message);
      if (kind === 'final' || kind === 'ambiguous-write') return this.failed(kind, response.status, code, detailCodes, claims, message);
      const wait = retryDelayMs(kind, attempt, response.headers['retry-after'] ?? null, this.backoffMs, Date.now());
      if (wait === null) return this.failed('exhausted', response.status, code, detailCodes, claims, message);
      this.options.onRetry?.({ attempt: attempt + 1, of: this.backoffMs.length, reason: kind, waitMs: wait });
      await abortableDelay(wait, this.signal);
    }
  }

  private failed<T>(kind: GraphCallFailure['kind'], status: number | null, code: string | null, detailCodes: readonly string[], claimsChallenge: string | null, message: string): GraphCall<T> {
    return { ok: false, failure: { kind, status, code, detailCodes, claimsChallenge, message } };
  }
}
