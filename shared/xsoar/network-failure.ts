/** Why no HTTP answer arrived, as a stable kind plus a sentence that names the problem. */
export interface NetworkFailure {
  readonly kind: 'dns' | 'tls' | 'refused' | 'dropped' | 'timeout' | 'proxy' | 'other';
  readonly message: string;
}

// Node/OpenSSL codes and Chromium's net:: errors for the same certificate problems.
const TLS_PROBLEMS: readonly { readonly codes: readonly string[]; readonly text: string }[] = [
  {
    codes: ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_CERT_AUTHORITY_INVALID'],
    text: 'its certificate is issued by a certificate authority this computer does not trust (an internal or self-signed CA). Add that CA certificate (PEM) to the connection with "CA certificate file" — never turn certificate checks off',
  },
  { codes: ['CERT_HAS_EXPIRED', 'ERR_CERT_DATE_INVALID'], text: 'its certificate has expired (or the computer\'s clock is wrong); the server administrator must renew it' },
  { codes: ['CERT_NOT_YET_VALID'], text: 'its certificate is not valid yet (check this computer\'s clock)' },
  { codes: ['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_CERT_COMMON_NAME_INVALID', 'HOSTNAME_MISMATCH'], text: 'its certificate is for a different host name than the one in the URL; use the exact host name the certificate names' },
  { codes: ['CERT_REVOKED', 'ERR_CERT_REVOKED'], text: 'its certificate has been revoked' },
];

/**
 * Classifies a failure below HTTP from the error `code` (Node, undici) and message (Chromium's `net::ERR_*`), so the
 * analyst reads "DNS", "certificate from an untrusted CA", "connection dropped" instead of "fetch failed".
 */
export function classifyNetworkFailure(host: string, code: string, message: string): NetworkFailure {
  const hay = `${code} ${message}`;
  for (const p of TLS_PROBLEMS) {
    if (p.codes.some((c) => hay.includes(c))) return { kind: 'tls', message: `The TLS connection to ${host} was refused: ${p.text}.` };
  }
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/.test(hay)) {
    return { kind: 'dns', message: `The host name ${host} cannot be resolved (DNS). Check the URL; XSOAR 8 and XSIAM API addresses start with "api-" and need their own DNS record.` };
  }
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/.test(hay)) return { kind: 'refused', message: `Nothing accepts connections at ${host} (connection refused). Check the URL and port.` };
  if (/ERR_PROXY|ERR_TUNNEL|UND_ERR_ABORTED.*proxy|Proxy response/i.test(hay)) return { kind: 'proxy', message: `The proxy refused or failed the connection to ${host}. Check the proxy settings (HTTPS_PROXY / NO_PROXY for gma).` };
  if (/UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/.test(hay)) return { kind: 'timeout', message: `${host} did not answer in time.` };
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|socket hang up|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED/i.test(hay)) {
    return { kind: 'dropped', message: `The connection to ${host} was dropped before the answer arrived.` };
  }
  if (/certificate|SSL|TLS/i.test(hay)) return { kind: 'tls', message: `The TLS connection to ${host} failed (${code || message}).` };
  return { kind: 'other', message: `${host} cannot be reached (${code || message}).` };
}
