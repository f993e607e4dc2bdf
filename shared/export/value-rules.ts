/**
 * Pure checks and clean-ups of single secret-bearing values the integration
 * parses itself (spec §3a, §3b, §6). Each `check*` returns `null` when the
 * value is acceptable or a sentence saying what is wrong; never the value.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Number of bytes a standard, padded Base64 string decodes to, or `null`
 * when Python's `base64.b64decode` would reject it.
 */
export function base64DecodedLength(text: string): number | null {
  if (text.length === 0 || !BASE64.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The oproxy Key: Base64 of a 16, 24 or 32-byte AES-GCM key (MAM `get_encrypted`). */
export function checkOproxyKey(key: string): string | null {
  const length = base64DecodedLength(key);
  if (length === null) {
    return 'The Key is not valid Base64 text. Copy it verbatim from the oproxy page (letters, digits, "+", "/" and "=" padding only).';
  }
  if (length !== 16 && length !== 24 && length !== 32) {
    return `The Key must be the Base64 text of a 16, 24 or 32-byte AES key; this one decodes to ${length} bytes. Copy it verbatim from the oproxy page.`;
  }
  return null;
}

/** Removes the separators `openssl -fingerprint` and the Windows UI put in a thumbprint. */
export function normalizeThumbprint(thumbprint: string): string {
  return thumbprint.replace(/[\s:]/g, '');
}

/** A certificate thumbprint as the integration hex-decodes it: 40 hex characters (SHA-1). */
export function checkThumbprint(thumbprint: string): string | null {
  if (thumbprint === '') return 'Enter the certificate thumbprint shown under "Certificates & secrets" of the app.';
  if (!/^[0-9a-fA-F]{40}$/.test(thumbprint)) {
    return `The certificate thumbprint must be the 40 hexadecimal characters of the SHA-1 thumbprint (Azure shows it under "Certificates & secrets"); this one has ${thumbprint.length} characters${/[^0-9a-fA-F]/.test(thumbprint) ? ' and non-hex characters' : ''}.`;
  }
  return null;
}

/** Line endings as the integration's PEM parser expects; surrounding blanks removed. */
export function normalizePem(pem: string): string {
  return pem.replace(/\r\n?/g, '\n').trim();
}

/** An unencrypted PEM private key with its BEGIN/END lines (PyJWT signs with it; no passphrase support). */
export function checkPrivateKeyPem(pem: string): string | null {
  if (pem === '') return 'Enter the private key (PEM, including the BEGIN and END lines).';
  if (/ENCRYPTED/.test(pem)) {
    return 'The private key is encrypted; the integration cannot use a passphrase. Export it unencrypted (e.g. openssl pkcs8 -topk8 -nocrypt).';
  }
  if (!/^-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----$/.test(pem)) {
    return 'The private key must be a PEM block from "-----BEGIN PRIVATE KEY-----" to "-----END PRIVATE KEY-----" (PKCS#8; "RSA PRIVATE KEY" also works).';
  }
  return null;
}

/**
 * Cleans an authorization code pasted with the text around it.
 *
 * Accepts the whole redirect URL, `code=…`, or `…&session_state=…` and keeps
 * only the code, because MAM refuses any value containing `session_state`.
 * Percent-decoding is not applied: Microsoft codes are URL-safe.
 */
export function cleanAuthCode(raw: string): string {
  let code = raw.trim();
  const query = /[?&]code=([^&#\s]*)/.exec(code);
  if (query?.[1] !== undefined) code = query[1];
  if (code.startsWith('code=')) code = code.slice('code='.length);
  const cut = code.search(/&session_state=|&state=|#/);
  return cut >= 0 ? code.slice(0, cut) : code;
}

/** A directory (tenant) ID: a GUID, or a verified domain such as contoso.onmicrosoft.com. */
export function checkTenant(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the Directory (tenant) ID from the app\'s Overview page.';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return null;
  if (/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v)) return null;
  return `The tenant must be the Directory (tenant) ID, a GUID like 00000000-0000-0000-0000-000000000000, or a verified domain; "${v}" is neither.`;
}

/** The redirect URI: absolute, HTTPS (Azure allows plain HTTP only for localhost), no fragment. */
export function checkRedirectUri(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the redirect URI registered for the app\'s Web platform in Azure (e.g. https://localhost).';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `The redirect URI must be an absolute URL such as https://localhost; "${v}" is not.`;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return `Azure accepts Web redirect URIs only over https (http only for localhost); "${v}" is ${url.protocol.replace(':', '')}.`;
  }
  if (url.hash !== '') return 'A redirect URI cannot contain a "#" fragment.';
  return null;
}
