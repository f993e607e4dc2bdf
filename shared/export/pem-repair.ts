/** What {@link repairPrivateKeyPem} made of a pasted key. */
export type PemRepair =
  | { readonly ok: true; readonly pem: string; readonly repaired: boolean }
  | { readonly ok: false; readonly problem: string };

const BLOCK = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----$/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Restores the PEM structure of a private key: the BEGIN line, the Base64
 * body in 64-character lines, the END line, `\n` line ends.
 *
 * A key pasted on one line (spaces where the line breaks were), with CRLF
 * line ends or with other line lengths is repaired: the integration's
 * legacy `private_key` parameter (what the Terraform exports set) is read
 * without repair, and the instance then fails with "Could not deserialize key
 * data". What cannot be repaired (no END line, labels that differ, a body
 * that is not Base64, headers of an encrypted key) is refused.
 */
export function repairPrivateKeyPem(input: string): PemRepair {
  const text = input.replace(/\r\n?/g, '\n').trim();
  const m = BLOCK.exec(text);
  if (m === null) {
    return { ok: false, problem: 'The private key must be one PEM block from "-----BEGIN PRIVATE KEY-----" to "-----END PRIVATE KEY-----" (PKCS#8; "RSA PRIVATE KEY" also works); part of it is missing.' };
  }
  const [, begin, rawBody, end] = m as unknown as [string, string, string, string];
  if (begin !== end) return { ok: false, problem: `The private key's BEGIN line says "${begin}" but its END line says "${end}"; copy the whole key again.` };
  if (/ENCRYPTED/.test(begin) || /Proc-Type:|DEK-Info:/.test(rawBody)) {
    return { ok: false, problem: 'The private key is encrypted; the integration cannot use a passphrase. Export it unencrypted (e.g. openssl pkcs8 -topk8 -nocrypt).' };
  }
  const body = rawBody.replace(/\s+/g, '');
  if (body === '' || !BASE64_BODY.test(body) || body.length % 4 !== 0) {
    return { ok: false, problem: 'The private key\'s body is not Base64 text (or part of it is missing); copy the whole key again.' };
  }
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = [`-----BEGIN ${begin}-----`, ...lines, `-----END ${end}-----`].join('\n');
  return { ok: true, pem, repaired: pem !== text };
}
