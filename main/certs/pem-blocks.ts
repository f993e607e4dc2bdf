/**
 * Finding PEM blocks in pasted or loaded text.
 *
 * Analysts paste keys into one-line fields, where line breaks become spaces,
 * and PEM files often hold several blocks (key plus certificate chain). This
 * module finds every block and rebuilds a canonical PEM (64-column Base64
 * between BEGIN/END lines), keeping RFC 1421 headers (`Proc-Type`,
 * `DEK-Info`) of legacy encrypted keys.
 */

/** One PEM block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`. */
  readonly label: string;
  /** The block in canonical form, ending with a newline. */
  readonly pem: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const HEADER = /^\s*(Proc-Type:\s*[^\s]+|DEK-Info:\s*[^\s]+)\s*/;

function canonical(label: string, body: string): string {
  let rest = body;
  const headers: string[] = [];
  for (let m = HEADER.exec(rest); m; m = HEADER.exec(rest)) {
    headers.push(m[1]?.replace(/:\s*/, ': ') ?? '');
    rest = rest.slice(m[0].length);
  }
  const base64 = rest.replace(/[^A-Za-z0-9+/=]/g, '');
  const lines = base64.match(/.{1,64}/g) ?? [];
  const headerPart = headers.length > 0 ? `${headers.join('\n')}\n\n` : '';
  return `-----BEGIN ${label}-----\n${headerPart}${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block in `text`, in order, in canonical form. */
export function findPemBlocks(text: string): readonly PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? '';
    blocks.push({ label, pem: canonical(label, match[2] ?? '') });
  }
  return blocks;
}

/** True for the labels of private keys we read (PKCS#8, encrypted PKCS#8, PKCS#1 RSA). */
export function isPrivateKeyLabel(label: string): boolean {
  return label === 'PRIVATE KEY' || label === 'ENCRYPTED PRIVATE KEY' || label === 'RSA PRIVATE KEY' || label.endsWith(' PRIVATE KEY');
}
