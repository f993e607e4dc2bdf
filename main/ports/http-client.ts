/** One HTTP request, as the services send it (JSON APIs of Entra ID, Microsoft Graph and Cortex XSOAR). */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute https URL. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body (form-encoded for token requests). */
  readonly body?: string;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A whole HTTP response: status, lower-case header names, body text. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case (as fetch's `Headers` and MSAL expect). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The network, fetch-shaped. In the app it is Chromium's stack (Electron `net.fetch`, which honours the system
 * proxy and certificate store); in tests Node's fetch. Rejects only when no HTTP response arrived (network
 * failure, abort); every HTTP status, 4xx and 5xx included, resolves.
 */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}
