import { ClientAuthError, ClientAuthErrorCodes, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { HttpClient } from '../ports/http-client';

/** MSAL's default for GET requests that pass no timeout of their own, and our bound for POSTs. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * MSAL's `INetworkModule` (msal-common 16, used by msal-node 7.2.3) over our {@link HttpClient}, so every MSAL
 * request (instance discovery, openid-configuration, token) goes through the same network stack as Graph calls
 * (Chromium's in the app) and obeys the operation's cancel signal.
 *
 * The contract, read from msal-node's own `HttpClient`: resolve with `{headers (lower-case), body (parsed JSON),
 * status}` for every HTTP status (MSAL reads Entra's JSON error bodies from 4xx answers itself); throw an
 * `ClientAuthError` with code `network_error` when no response arrived or the request timed out, and
 * `token_parsing_error` when the body is not JSON. `sendGetRequestAsync`'s `timeout` is in milliseconds.
 * One instance serves one operation: its `signal` aborts everything that operation sends.
 */
export class MsalNetworkClient implements INetworkModule {
  constructor(
    private readonly http: HttpClient,
    private readonly signal: AbortSignal,
    private readonly requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options, undefined);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> {
    const limit = timeout !== undefined && timeout > 0 ? Math.min(timeout, this.requestTimeoutMs) : this.requestTimeoutMs;
    const signal = AbortSignal.any([this.signal, AbortSignal.timeout(limit)]);
    let response;
    try {
      response = await this.http.send({ method, url, headers: options?.headers ?? {}, ...(method === 'POST' ? { body: options?.body ?? '' } : {}), signal });
    } catch (error) {
      const why = this.signal.aborted ? 'Request cancelled' : signal.aborted ? 'Request timeout' : `Network request failed: ${error instanceof Error ? error.message : 'unknown'}`;
      throw new ClientAuthError(ClientAuthErrorCodes.networkError, options?.correlationId ?? '', why);
    }
    let body: T;
    try {
      body = JSON.parse(response.body) as T;
    } catch {
      throw new ClientAuthError(ClientAuthErrorCodes.tokenParsingError, options?.correlationId ?? '', `Failed to parse response: HTTP ${response.status} from ${new URL(url).host} is not JSON`);
    }
    return { headers: { ...response.headers }, body, status: response.status };
  }
}
