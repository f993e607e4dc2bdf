/**
 * Pure checks of the secret values the integration parses itself (spec §3a,
 * §3b, §6) that the self-deployed field rules (`shared/validation/
 * self-deployed-rules.ts`) do not cover. Each `check*` returns `null` when
 * the value is acceptable or a sentence saying what is wrong; never the value.
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

