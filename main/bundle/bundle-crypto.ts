import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { estimatePassphrase } from '../../shared/export/passphrase-strength';
import { readBundlePayload, serializeBundlePayload, type BundleContents, type BundlePayload } from '../../shared/export/bundle-payload';
import { fail, ok, type Result } from '../../shared/result';
import {
  BUNDLE_VERSION, decodeHeader, encodeHeader, HEADER_LENGTH, KDF_SCRYPT, NONCE_LENGTH, SALT_LENGTH, TAG_LENGTH, VERIFIER_LENGTH,
  type BundleHeader, type HeaderFailure,
} from './bundle-header';

/** scrypt cost used for new bundles: N = 2^17, r = 8, p = 1 (128 MiB, a few hundred ms). */
export const SCRYPT_DEFAULTS = Object.freeze({ log2N: 17, r: 8, p: 1 });

// Accepted on read. The floor keeps a forged header from weakening the KDF
// below the spec's N ≥ 2^15. The ceiling is what this app writes: a header is
// read before the passphrase is known to be right, so a higher cost would make
// every attempt (a wrong passphrase too) cost seconds and up to a GiB of memory.
const MIN_LOG2N = 15;
const MAX_LOG2N = SCRYPT_DEFAULTS.log2N;
const MAX_R = SCRYPT_DEFAULTS.r;
const MAX_SCRYPT_MEMORY = 128 * 2 ** SCRYPT_DEFAULTS.log2N * SCRYPT_DEFAULTS.r;
/** Largest bundle accepted; a profile is a few kilobytes. */
export const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

const VERIFIER_LABEL = 'gma-bundle-v1 passphrase verifier';

function deriveKeys(passphrase: string, salt: Buffer, h: { log2N: number; r: number; p: number }): Promise<{ key: Buffer; verifier: Buffer }> {
  const N = 2 ** h.log2N;
  const maxmem = 128 * N * h.r * 2;
  return new Promise((resolve, reject) => {
    // NFC so that the same passphrase typed on macOS and Windows gives the same bytes.
    scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 64, { N, r: h.r, p: h.p, maxmem }, (error, derived) => {
      if (error) {
        reject(error);
        return;
      }
      // The first half encrypts; the second half only proves the passphrase, so that
      // a wrong passphrase can be told apart from altered content.
      const key = Buffer.from(derived.subarray(0, 32));
      const verifier = createHmac('sha256', derived.subarray(32, 64)).update(VERIFIER_LABEL).digest().subarray(0, VERIFIER_LENGTH);
      derived.fill(0);
      resolve({ key, verifier });
    });
  });
}

/**
 * Encrypts a bundle payload with a passphrase.
 *
 * scrypt (N = 2^17, r = 8, p = 1, random 16-byte salt) derives a 256-bit
 * AES-GCM key and a passphrase verifier; the nonce is random; the whole
 * versioned header is authenticated as AAD. Refuses a weak passphrase with
 * `bundle/weak-passphrase`.
 */
export async function sealBundle(payload: BundlePayload, passphrase: string): Promise<Result<Uint8Array>> {
  const strength = estimatePassphrase(passphrase);
  if (!strength.acceptable) {
    return fail(appError(ErrorCode.BundleWeakPassphrase, `Choose a stronger passphrase: ${strength.problems.join(' ')}`));
  }
  const plaintext = Buffer.from(serializeBundlePayload(payload), 'utf8');
  const salt = randomBytes(SALT_LENGTH);
  const nonce = randomBytes(NONCE_LENGTH);
  const { key, verifier } = await deriveKeys(passphrase, salt, SCRYPT_DEFAULTS);
  const header: BundleHeader = { version: BUNDLE_VERSION, kdf: KDF_SCRYPT, ...SCRYPT_DEFAULTS, salt, nonce, ciphertextLength: plaintext.length, verifier };
  const headerBytes = encodeHeader(header);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(headerBytes);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  key.fill(0);
  plaintext.fill(0);
  return ok(new Uint8Array(Buffer.concat([headerBytes, ciphertext, tag])));
}

const HEADER_ERRORS: Readonly<Record<HeaderFailure, AppError>> = {
  'not-a-bundle': appError(ErrorCode.BundleNotABundle, 'This file is not a Graph Mail Auth Assistant bundle.'),
  'truncated': appError(ErrorCode.BundleTruncated, 'The bundle is incomplete (cut off while copying or downloading). Copy the file again.'),
  'unsupported-version': appError(ErrorCode.BundleUnsupportedVersion, 'The bundle was made by a newer version of Graph Mail Auth Assistant. Update this app, then import it again.'),
  'corrupt': appError(ErrorCode.BundleCorrupt, 'The bundle is damaged: its header does not check out. Ask for a new copy.'),
};

/**
 * Decrypts and validates a bundle. Pure with respect to storage: it writes
 * nothing, so a failed import cannot leave anything half-written.
 *
 * Distinct, stable codes: `bundle/not-a-bundle`, `bundle/truncated`,
 * `bundle/unsupported-version`, `bundle/corrupt`, `bundle/wrong-passphrase`,
 * `bundle/tampered`, `bundle/invalid-payload`.
 */
export async function openBundle(bytes: Uint8Array, passphrase: string): Promise<Result<BundleContents>> {
  if (bytes.byteLength > MAX_BUNDLE_BYTES) return fail(HEADER_ERRORS['not-a-bundle']);
  const decoded = decodeHeader(bytes);
  if (!decoded.ok) return fail(HEADER_ERRORS[decoded.failure]);
  const h = decoded.header;
  if (h.kdf !== KDF_SCRYPT || h.log2N < MIN_LOG2N || h.r < 1) return fail(HEADER_ERRORS.corrupt);
  if (h.log2N > MAX_LOG2N || h.r > MAX_R || h.p !== 1 || 128 * 2 ** h.log2N * h.r > MAX_SCRYPT_MEMORY) {
    return fail(appError(ErrorCode.BundleCorrupt, 'The bundle asks for a key-derivation cost above what Graph Mail Auth Assistant writes; it was not made by this app or was altered. Ask for a new copy.'));
  }
  const expected = HEADER_LENGTH + h.ciphertextLength + TAG_LENGTH;
  if (bytes.byteLength < expected) return fail(HEADER_ERRORS.truncated);
  if (bytes.byteLength > expected) return fail(appError(ErrorCode.BundleCorrupt, 'The bundle has extra data after its end; it was altered or joined with another file.'));
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { key, verifier } = await deriveKeys(passphrase, h.salt, h);
  if (!timingSafeEqual(verifier, h.verifier)) {
    key.fill(0);
    return fail(appError(ErrorCode.BundleWrongPassphrase, 'The passphrase does not open this bundle. Check it with the person who made the bundle.'));
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, h.nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(all.subarray(0, HEADER_LENGTH));
    decipher.setAuthTag(all.subarray(expected - TAG_LENGTH, expected));
    plaintext = Buffer.concat([decipher.update(all.subarray(HEADER_LENGTH, expected - TAG_LENGTH)), decipher.final()]);
  } catch {
    return fail(appError(ErrorCode.BundleTampered, 'The passphrase is right but the bundle\'s content was altered after it was made. Do not use it; ask for a new copy.'));
  } finally {
    key.fill(0);
  }
  const text = plaintext.toString('utf8');
  plaintext.fill(0);
  return readBundlePayload(text);
}
