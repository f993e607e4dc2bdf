import { createHash } from 'node:crypto';
import { MAX_ITEM_BYTES } from '../ports/secret-store';

/**
 * The head item of a secret: the manifest of the generation it commits to,
 * plus as much of the value as fits beside it in one item, so short
 * secrets (most tokens and client secrets) take one item and one keychain
 * call.
 */
export interface Manifest {
  /** Format version. */
  readonly v: 1;
  /** Generation: names the chunk items this head commits to. */
  readonly g: string;
  /** Number of chunk items after the head. */
  readonly n: number;
  /** SHA-256 of the whole value's UTF-8 bytes, base64. */
  readonly h: string;
  /** How the stored text encodes the value: `t` the text itself, `b` base64 of its UTF-8 bytes. */
  readonly e: 't' | 'b';
  /** The first part of the stored text. */
  readonly d: string;
}

/** A value split into its head and chunk contents. */
export interface EncodedSecret {
  readonly head: string;
  readonly chunks: readonly string[];
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Splits `value` for generation `generation`; every piece is at most
 * {@link MAX_ITEM_BYTES} UTF-8 bytes.
 *
 * Values are stored as text (no base64 inflation: a 4 KiB PEM takes three
 * items, not four), except values containing NUL, which some keychain APIs
 * (libsecret's C strings) would truncate; those are stored as base64.
 */
export function encodeSecret(value: string, generation: string): EncodedSecret {
  const encoding = value.includes('\u0000') ? 'b' : 't';
  const text = encoding === 'b' ? Buffer.from(value, 'utf8').toString('base64') : value;
  const hash = sha256(Buffer.from(value, 'utf8'));
  // Size the head with the widest chunk count it could carry.
  const budget = MAX_ITEM_BYTES - utf8Length(JSON.stringify({ v: 1, g: generation, n: 99_999, h: hash, e: encoding, d: '' } satisfies Manifest));
  const codePoints = Array.from(text);
  let at = 0;
  let used = 0;
  while (at < codePoints.length) {
    // Inside the head's JSON a character may need escaping ("\"", "\n").
    const cost = utf8Length(JSON.stringify(codePoints[at])) - 2;
    if (used + cost > budget) break;
    used += cost;
    at += 1;
  }
  const chunks: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const cp of codePoints.slice(at)) {
    const cost = utf8Length(cp);
    if (chunkBytes + cost > MAX_ITEM_BYTES) {
      chunks.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += cp;
    chunkBytes += cost;
  }
  if (chunk !== '') chunks.push(chunk);
  const manifest: Manifest = { v: 1, g: generation, n: chunks.length, h: hash, e: encoding, d: codePoints.slice(0, at).join('') };
  return { head: JSON.stringify(manifest), chunks };
}

/** Parses a head item; `null` when it is not a manifest this version understands. */
export function decodeManifest(head: string): Manifest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(head);
  } catch {
    return null;
  }
  const m = parsed as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || m.v !== 1 || typeof m.g !== 'string' || typeof m.h !== 'string' || typeof m.d !== 'string') return null;
  if (typeof m.n !== 'number' || !Number.isInteger(m.n) || m.n < 0 || (m.e !== 't' && m.e !== 'b')) return null;
  return m as Manifest;
}

/**
 * Joins the head's data and the chunks back into the value; `null` when the
 * SHA-256 does not match (a chunk is missing, truncated or from another
 * generation), so a caller never gets a half-written secret.
 */
export function assembleSecret(manifest: Manifest, chunks: readonly string[]): string | null {
  if (chunks.length !== manifest.n) return null;
  const text = manifest.d + chunks.join('');
  const value = manifest.e === 'b' ? Buffer.from(text, 'base64').toString('utf8') : text;
  return sha256(Buffer.from(value, 'utf8')) === manifest.h ? value : null;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
