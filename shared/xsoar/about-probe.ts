import { productFromAbout, type XsoarProduct } from './xsoar-product';

/** The parts of the `GET /about` answer the probe looks at. */
export interface ProbeResponse {
  readonly status: number;
  /** The `content-type` header, lower-case or absent. */
  readonly contentType: string;
  readonly body: string;
}

/** What `GET /about` says about a connection (spec A1). */
export type ProbeVerdict =
  | { readonly kind: 'ok'; readonly product: XsoarProduct; readonly version: string }
  /** HTML came back: the browser address of the console, not the API address. */
  | { readonly kind: 'browser-address' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'forbidden' }
  /** Something answered, but not an XSOAR API (404, JSON without a version, …). */
  | { readonly kind: 'not-xsoar'; readonly status: number }
  | { readonly kind: 'server-error'; readonly status: number };

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function looksLikeHtml(response: ProbeResponse): boolean {
  return response.contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(response.body);
}

/**
 * Classifies the answer of `GET /about`. HTML, whatever the status, means the analyst pasted the console's browser
 * address (demisto-sdk: "is not the api-url"); XSOAR 8 and XSIAM publish the API address under Settings →
 * Configurations → API Keys → "Copy URL".
 */
export function classifyProbe(response: ProbeResponse): ProbeVerdict {
  // The console redirects an unknown path to its login page; the API never redirects.
  if (looksLikeHtml(response) || (response.status >= 300 && response.status < 400)) return { kind: 'browser-address' };
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status === 403) return { kind: 'forbidden' };
  if (response.status >= 500) return { kind: 'server-error', status: response.status };
  if (response.status !== 200) return { kind: 'not-xsoar', status: response.status };
  const about = parseObject(response.body);
  if (about === null || typeof about['version'] !== 'string') return { kind: 'not-xsoar', status: response.status };
  return { kind: 'ok', product: productFromAbout(about), version: about['version'] };
}
