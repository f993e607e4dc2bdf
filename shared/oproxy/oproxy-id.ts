import { OPROXY_DEFAULT_TOKEN_URL } from './oproxy-endpoints';

/** How the integration will read an ID value. */
export interface ParsedOproxyId {
  /** The registration ID sent to oproxy. */
  readonly registrationId: string;
  /** The token-retrieval URL the integration will call. */
  readonly tokenUrl: string;
  /** True when the URL came from an `@<url>` suffix rather than the default. */
  readonly customTokenUrl: boolean;
}

/**
 * Splits an ID the way the integration does: on `@`, and only when that
 * gives exactly two parts is the second part the token-retrieval URL.
 */
export function parseOproxyId(value: string): ParsedOproxyId {
  const v = value.trim();
  const parts = v.split('@');
  if (parts.length === 2) return { registrationId: parts[0] ?? '', tokenUrl: parts[1] ?? '', customTokenUrl: true };
  return { registrationId: v, tokenUrl: OPROXY_DEFAULT_TOKEN_URL, customTokenUrl: false };
}
