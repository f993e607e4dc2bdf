import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import { classifyNetworkFailure } from '../../shared/xsoar/network-failure';
import { xsoarAuthHeaders, type SigningTools, type XsoarCredentials } from '../../shared/xsoar/xsoar-auth-headers';
import type { HttpClient, HttpResponse } from '../ports/http-client';
import { abortableDelay } from '../../shared/async/abortable-delay';

/** A successful (2xx) XSOAR answer. */
export interface XsoarAnswer {
  readonly status: number;
  readonly json: unknown;
}

/** A refused (4xx) answer, kept so services can tell a name clash from a version conflict. */
export interface XsoarRefusal {
  readonly status: number;
  /** The server's explanation (`title`, `detail`, `error` of its error body), or the raw text. */
  readonly text: string;
}

/** What one call gives: an answer, a refusal the caller interprets, or a failure with a stable code. */
export type XsoarCallResult = { readonly kind: 'answer'; readonly answer: XsoarAnswer } | { readonly kind: 'refused'; readonly refusal: XsoarRefusal } | { readonly kind: 'failed'; readonly error: AppError };

/** Options of one call. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt time limit; default 30 s (the test command gets more). */
  readonly timeoutMs?: number;
  /** Retry on 5xx (and on a dropped connection): only for calls that are safe to repeat. */
  readonly retry?: boolean;
}

/** Tunables, overridable by tests. */
export interface ClientTuning {
  readonly attempts: number;
  readonly backoffMs: (attempt: number) => number;
  /** Bound of one request unless the call sets its own (default {@link REQUEST_TIMEOUT_MS}). */
  readonly requestTimeoutMs?: number;
}

/** Bound of one ordinary API request: a server that has not answered in 30 s is reported, not waited for. */
export const REQUEST_TIMEOUT_MS = 30_000;

const DEFAULT_TUNING: ClientTuning = { attempts: 3, backoffMs: (attempt) => 500 * 2 ** attempt };

function errorText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const o = parsed as Record<string, unknown>;
      const parts = [o['title'], o['detail'], o['error']].filter((v): v is string => typeof v === 'string' && v !== '');
      const unique = [...new Set(parts)];
      if (unique.length > 0) return unique.join(': ');
    }
  } catch {
    // Not JSON: quote the start of the text.
  }
  return body.slice(0, 300);
}


/**
 * One XSOAR server's REST API over the {@link HttpClient} port: signs every request for its product (XSOAR 6, 8,
 * XSIAM; standard or advanced key), bounds each attempt by a time limit and the caller's Cancel, retries 5xx and
 * dropped connections only where repeating is safe, and turns every failure below the application into a stable
 * code whose message names the problem (DNS, certificate, 401/403, HTML instead of JSON). The key never appears in
 * a message.
 */
export class XsoarApiClient {
  constructor(
    private readonly http: HttpClient,
    /** The API base, e.g. `https://xsoar.example.com` or `https://api-acme.example/xsoar`. */
    readonly baseUrl: string,
    private readonly credentials: XsoarCredentials,
    private readonly tools: SigningTools,
    private readonly tuning: ClientTuning = DEFAULT_TUNING,
  ) {}

  /** Sends one call; `body` is JSON-encoded. */
  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, options: CallOptions = {}): Promise<XsoarCallResult> {
    const attempts = options.retry ? this.tuning.attempts : 1;
    let last: XsoarCallResult | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await abortableDelay(this.tuning.backoffMs(attempt - 1), options.signal);
      if (options.signal?.aborted) return { kind: 'failed', error: appError(ErrorCode.Cancelled, 'Cancelled.') };
      last = await this.once(method, path, body, options);
      if (!isRetryable(last)) return last;
    }
    return last ?? { kind: 'failed', error: appError(ErrorCode.Internal, 'No attempt was made.') };
  }

  /** Like {@link call}, but a refusal becomes a failure (`xsoar/request-failed`) and the answer is returned alone. */
  async json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    const r = await this.call(method, path, body, options);
    if (r.kind === 'answer') return ok(r.answer.json);
    if (r.kind === 'failed') return fail(r.error);
    return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR refused ${method} ${path} (${r.refusal.status}): ${r.refusal.text}`));
  }

  /** One GET whose raw answer the caller classifies itself (the `/about` probe); only failures below HTTP are mapped. */
  async raw(path: string, options: CallOptions = {}): Promise<Result<HttpResponse>> {
    const attempts = options.retry ? this.tuning.attempts : 1;
    let last: Result<HttpResponse> = fail(appError(ErrorCode.Internal, 'No attempt was made.'));
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await abortableDelay(this.tuning.backoffMs(attempt - 1), options.signal);
      const r = await this.send('GET', path, undefined, options);
      last = 'response' in r ? ok(r.response) : fail(r.error);
      const again = 'response' in r ? r.response.status >= 500 : r.error.code === ErrorCode.XsoarNetwork && r.error.retryable === true;
      if (!again) return last;
    }
    return last;
  }

  private async once(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, options: CallOptions): Promise<XsoarCallResult> {
    const r = await this.send(method, path, body, options);
    return 'response' in r ? interpret(r.response, method, path, new URL(`${this.baseUrl}${path}`).host) : { kind: 'failed', error: r.error };
  }

  private async send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, options: CallOptions): Promise<{ readonly response: HttpResponse } | { readonly error: AppError }> {
    const url = `${this.baseUrl}${path}`;
    const host = new URL(url).host;
    const timeout = new AbortController();
    const limitMs = options.timeoutMs ?? this.tuning.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const timer = setTimeout(() => timeout.abort(new Error('timed out')), limitMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    let response: HttpResponse;
    try {
      response = await this.http.send({
        method,
        url,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...xsoarAuthHeaders(this.credentials, this.tools) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
    } catch (thrown) {
      if (options.signal?.aborted) return { error: appError(ErrorCode.Cancelled, 'Cancelled.') };
      if (timeout.signal.aborted) return { error: appError(ErrorCode.XsoarTimeout, `${host} did not answer within ${limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`}.`, { retryable: true }) };
      const cause = (thrown as { cause?: { code?: unknown; message?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : typeof (thrown as { code?: unknown }).code === 'string' ? String((thrown as { code: string }).code) : '';
      const message = `${thrown instanceof Error ? thrown.message : String(thrown)} ${typeof cause?.message === 'string' ? cause.message : ''}`;
      const failure = classifyNetworkFailure(host, code, message);
      return { error: appError(failure.kind === 'tls' ? ErrorCode.XsoarTls : ErrorCode.XsoarNetwork, failure.message, { retryable: failure.kind === 'dropped' }) };
    } finally {
      clearTimeout(timer);
    }
    return { response };
  }
}

function isRetryable(r: XsoarCallResult): boolean {
  if (r.kind !== 'failed') return false;
  return r.error.code === ErrorCode.XsoarServerError || (r.error.code === ErrorCode.XsoarNetwork && r.error.retryable === true);
}

function interpret(response: HttpResponse, method: string, path: string, host: string): XsoarCallResult {
  const type = response.headers['content-type'] ?? '';
  if (type.includes('text/html') || (response.status >= 300 && response.status < 400)) {
    return { kind: 'failed', error: appError(ErrorCode.XsoarBrowserAddress, `${host} answered with a web page, not the API: this is the browser address of the console, not the API address. On XSOAR 8 and XSIAM copy the API URL from Settings → Configurations → API Keys → "Copy URL" (it starts with https://api-).`) };
  }
  if (response.status === 401) {
    return { kind: 'failed', error: appError(ErrorCode.XsoarUnauthorized, `XSOAR did not accept the API key (401). Check the key${' '}and, on XSOAR 8 / XSIAM, its ID and whether it is an advanced key; the key may also have expired or been revoked.`) };
  }
  if (response.status === 403) {
    return { kind: 'failed', error: appError(ErrorCode.XsoarForbidden, `XSOAR accepted the API key but refused ${method} ${path} (403): the key's role may not do this. Use a key with the Instance Administrator role (XSOAR 8 / XSIAM) or an administrator's key (XSOAR 6).`) };
  }
  if (response.status >= 500) {
    return { kind: 'failed', error: appError(ErrorCode.XsoarServerError, `XSOAR answered ${response.status} (server error) to ${method} ${path}: ${errorText(response.body)}`, { retryable: true }) };
  }
  if (response.status >= 400) return { kind: 'refused', refusal: { status: response.status, text: errorText(response.body) } };
  if (response.body.trim() === '') return { kind: 'answer', answer: { status: response.status, json: null } };
  try {
    return { kind: 'answer', answer: { status: response.status, json: JSON.parse(response.body) as unknown } };
  } catch {
    return { kind: 'failed', error: appError(ErrorCode.XsoarUnexpectedResponse, `${host} answered ${method} ${path} with something that is not JSON.`) };
  }
}
