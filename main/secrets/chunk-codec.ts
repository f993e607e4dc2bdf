import { createHash } from 'node:crypto';
import { MAX_ITEM_BYTES } from '../ports/secret-store';

/** Base64 characters the head item carries after its manifest. */
export const HEAD_DATA_CHARS = 1800;

/** Base64 characters per chunk item: exactly the item limit (base64 is ASCII). */
export const CHUNK_CHARS = MAX_ITEM_BYTES;

/**
 * The head item of a secret: the manifest of the generation it commits to,
 * plus the first {@link HEAD_DATA_CHARS} of the value, so short secrets
 * (most tokens and client secrets) take one item and one keychain call.
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
  /** The first part of the value, base64. */
  readonly d: string;
}

/** A value split into its head and chunk contents. */
export interface EncodedSecret {
  readonly head: string;
  readonly chunks: readonly string[];
}

/** Splits `value` for generation `generation`; every piece fits one item. */
export function encodeSecret(value: string, generation: string): EncodedSecret {
  const bytes = Buffer.from(value, 'utf8');
  const all = bytes.toString('base64');
  const chunks: string[] = [];
  for (let at = HEAD_DATA_CHARS; at < all.length; at += CHUNK_CHARS) chunks.push(all.slice(at, at + CHUNK_CHARS));
  const manifest: Manifest = { v: 1, g: generation, n: chunks.length, h: sha256(bytes), d: all.slice(0, HEAD_DATA_CHARS) };
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
  if (typeof m.n !== 'number' || !Number.isInteger(m.n) || m.n < 0) return null;
  return m as Manifest;
}

/**
 * Joins the head's data and the chunks back into the value; `null` when the
 * SHA-256 does not match (a chunk is missing, truncated or from another
 * generation), so a caller never gets a half-written secret.
 */
export function assembleSecret(manifest: Manifest, chunks: readonly string[]): string | null {
  if (chunks.length !== manifest.n) return null;
  const bytes = Buffer.from(manifest.d + chunks.join(''), 'base64');
  return sha256(bytes) === manifest.h ? bytes.toString('utf8') : null;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
