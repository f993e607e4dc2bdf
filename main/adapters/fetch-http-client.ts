import type { HttpClient, HttpRequest, HttpResponse } from '../ports/http-client';
import { readBoundedResponse } from './bounded-response';

/** The subset of WHATWG `fetch` we call (Node's global fetch and Electron's `net.fetch` both fit). */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Largest response body we read; Entra ID and Graph answers are a few kilobytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * {@link HttpClient} over any fetch implementation. Redirects are refused: the token, discovery and Graph
 * endpoints we call answer directly, and following a redirect could carry a bearer token to another host.
 */
export class FetchHttpClient implements HttpClient {
  constructor(private readonly fetchFn: FetchFunction) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const init: RequestInit = { method: request.method, headers: { ...request.headers }, redirect: 'error' };
    if (request.body !== undefined) init.body = request.body;
    if (request.signal !== undefined) init.signal = request.signal;
    const response = await this.fetchFn(request.url, init);
    return readBoundedResponse(response, request.url, MAX_BODY_BYTES);
  }
}
