import type { HttpResponse } from '../ports/http-client';

/**
 * The part of a fetch `Response` we read. Both the WHATWG global and undici's own class fit, so the two HTTP
 * adapters convert their answers the same way.
 */
export interface FetchedResponse {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, key: string) => void): void };
  readonly body: { cancel(): Promise<void> } | null;
  text(): Promise<string>;
}

/**
 * Reads a fetched answer into an {@link HttpResponse} with lower-case header names. An answer that announces more
 * than `maxBytes` is cancelled unread and rejected, so a misbehaving server cannot fill memory.
 */
export async function readBoundedResponse(response: FetchedResponse, url: string, maxBytes: number): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const length = Number(headers['content-length'] ?? '0');
  if (length > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`response from ${new URL(url).host} is too large (${length} bytes)`);
  }
  const body = await response.text();
  return { status: response.status, headers, body };
}
