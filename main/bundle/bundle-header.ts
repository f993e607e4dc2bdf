import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Binary header of an encrypted settings bundle, format 1.
 *
 * All integers big-endian. The whole header (checksum included) is the
 * AES-GCM additional authenticated data, so no header byte can change
 * without decryption failing; the checksum only lets us tell a damaged
 * header apart from a wrong passphrase.
 *
 * | offset | size | field                                             |
 * |-------:|-----:|---------------------------------------------------|
 * | 0      | 8    | magic `GMABUNDL`                                  |
 * | 8      | 1    | format version (1)                                |
 * | 9      | 1    | KDF id (1 = scrypt)                               |
 * | 10     | 1    | log2(N)                                           |
 * | 11     | 1    | r                                                 |
 * | 12     | 1    | p                                                 |
 * | 13     | 16   | salt                                              |
 * | 29     | 12   | AES-GCM nonce                                     |
 * | 41     | 4    | ciphertext length                                 |
 * | 45     | 16   | passphrase verifier                               |
 * | 61     | 8    | first 8 bytes of SHA-256 over bytes 0..60         |
 * | 69     | n    | ciphertext, then the 16-byte GCM tag              |
 */
export const BUNDLE_MAGIC = Buffer.from('GMABUNDL', 'ascii');
/** The only format version this build writes and reads. */
export const BUNDLE_VERSION = 1;
/** KDF id of scrypt. */
export const KDF_SCRYPT = 1;
/** Header length in bytes. */
export const HEADER_LENGTH = 69;
/** GCM tag length in bytes. */
export const TAG_LENGTH = 16;
/** Salt length in bytes. */
export const SALT_LENGTH = 16;
/** Nonce length in bytes (the GCM standard size). */
export const NONCE_LENGTH = 12;
/** Verifier length in bytes. */
export const VERIFIER_LENGTH = 16;

/** Fields of a bundle header. */
export interface BundleHeader {
  readonly version: number;
  readonly kdf: number;
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly nonce: Buffer;
  readonly ciphertextLength: number;
  readonly verifier: Buffer;
}

function checksum(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest().subarray(0, 8);
}

/** Serializes a header (checksum computed here). */
export function encodeHeader(h: BundleHeader): Buffer {
  const out = Buffer.alloc(HEADER_LENGTH);
  BUNDLE_MAGIC.copy(out, 0);
  out.writeUInt8(h.version, 8);
  out.writeUInt8(h.kdf, 9);
  out.writeUInt8(h.log2N, 10);
  out.writeUInt8(h.r, 11);
  out.writeUInt8(h.p, 12);
  h.salt.copy(out, 13);
  h.nonce.copy(out, 29);
  out.writeUInt32BE(h.ciphertextLength, 41);
  h.verifier.copy(out, 45);
  checksum(out.subarray(0, 61)).copy(out, 61);
  return out;
}

/** Why a header could not be read, before any key is derived. */
export type HeaderFailure = 'not-a-bundle' | 'truncated' | 'unsupported-version' | 'corrupt';

/**
 * Reads and checks the header of `bytes`.
 *
 * Order matters: the magic and the version are checked before anything whose
 * layout a newer version might change, so that a newer file is reported as
 * such and not as damaged.
 */
export function decodeHeader(bytes: Uint8Array): { readonly ok: true; readonly header: BundleHeader } | { readonly ok: false; readonly failure: HeaderFailure } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicPart = buf.subarray(0, Math.min(buf.length, BUNDLE_MAGIC.length));
  if (!magicPart.equals(BUNDLE_MAGIC.subarray(0, magicPart.length)) || buf.length === 0) return { ok: false, failure: 'not-a-bundle' };
  if (buf.length <= 8) return { ok: false, failure: 'truncated' };
  const version = buf.readUInt8(8);
  if (version > BUNDLE_VERSION) return { ok: false, failure: 'unsupported-version' };
  if (version < 1) return { ok: false, failure: 'corrupt' };
  if (buf.length < HEADER_LENGTH) return { ok: false, failure: 'truncated' };
  const stored = buf.subarray(61, 69);
  if (!timingSafeEqual(stored, checksum(buf.subarray(0, 61)))) return { ok: false, failure: 'corrupt' };
  return {
    ok: true,
    header: {
      version,
      kdf: buf.readUInt8(9),
      log2N: buf.readUInt8(10),
      r: buf.readUInt8(11),
      p: buf.readUInt8(12),
      salt: Buffer.from(buf.subarray(13, 29)),
      nonce: Buffer.from(buf.subarray(29, 41)),
      ciphertextLength: buf.readUInt32BE(41),
      verifier: Buffer.from(buf.subarray(45, 61)),
    },
  };
}
