/** What signs one request: the key and how it is used. The key is a secret and never leaves the main process. */
export interface XsoarCredentials {
  readonly apiKey: string;
  /** The key's ID (XSOAR 8 / XSIAM); empty for XSOAR 6. */
  readonly keyId: string;
  /** An "advanced" key: every request is signed with a fresh nonce and timestamp. */
  readonly advanced: boolean;
}

/** The randomness, clock and hash the signature needs; injected so this file stays pure. */
export interface SigningTools {
  /** 64 characters from `[A-Za-z0-9]`. */
  readonly nonce: () => string;
  /** Milliseconds since the epoch (UTC). */
  readonly nowMs: () => number;
  /** Lower-case hex SHA-256 of a UTF-8 string. */
  readonly sha256Hex: (text: string) => string;
}

/** Characters of the advanced key's nonce (spec A1, demisto-py). */
export const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Length of the advanced key's nonce. */
export const NONCE_LENGTH = 64;

/**
 * The authentication headers of one request (spec A1): `Authorization: <key>` (XSOAR 6), plus `x-xdr-auth-id`
 * (XSOAR 8, XSIAM). An advanced key sends `x-xdr-nonce`, `x-xdr-timestamp` (epoch milliseconds) and, as
 * `Authorization`, the lower-case hex SHA-256 of key + nonce + timestamp, so the key itself never travels.
 */
export function xsoarAuthHeaders(credentials: XsoarCredentials, tools: SigningTools): Record<string, string> {
  const headers: Record<string, string> = {};
  if (credentials.keyId !== '') headers['x-xdr-auth-id'] = credentials.keyId;
  if (!credentials.advanced) {
    headers['authorization'] = credentials.apiKey;
    return headers;
  }
  const nonce = tools.nonce();
  const timestamp = String(tools.nowMs());
  headers['x-xdr-nonce'] = nonce;
  headers['x-xdr-timestamp'] = timestamp;
  headers['authorization'] = tools.sha256Hex(`${credentials.apiKey}${nonce}${timestamp}`);
  return headers;
}
