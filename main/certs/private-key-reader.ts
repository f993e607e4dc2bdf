/**
 * Reading RSA private keys in the forms analysts have, and writing the one
 * form the integration reads.
 *
 * Input: PKCS#8 (`BEGIN PRIVATE KEY`), encrypted PKCS#8 (`BEGIN ENCRYPTED
 * PRIVATE KEY`), PKCS#1 (`BEGIN RSA PRIVATE KEY`) and legacy OpenSSL-encrypted
 * PKCS#1 (`Proc-Type: 4,ENCRYPTED`). Output: unencrypted PKCS#8 PEM, because
 * the integration signs with PyJWT and has no passphrase setting (spec §3b).
 * Parsing is done by node:crypto (OpenSSL), not by hand.
 */

import { createPrivateKey, type KeyObject } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import { findPemBlocks, isPrivateKeyLabel, type PemBlock } from './pem-blocks';

/** The smallest RSA key we accept; Entra ID requires at least 2048 bits for certificates. */
export const MIN_RSA_BITS = 2048;

/**
 * Maps a decode failure to a stable code. Whether the key is encrypted is
 * read from the PEM itself (label or `Proc-Type` header), because OpenSSL's
 * messages for a wrong passphrase differ by format and version; the OpenSSL
 * text never reaches the user.
 */
function keyReadError(encrypted: boolean, hadPassphrase: boolean): AppError {
  if (encrypted && !hadPassphrase) return appError(ErrorCode.CertWrongPassphrase, 'The private key is encrypted; enter its passphrase.');
  if (encrypted) return appError(ErrorCode.CertWrongPassphrase, 'The passphrase of the private key is wrong.');
  return appError(ErrorCode.CertInvalidKey, 'The private key cannot be read. Paste the whole PEM block including the BEGIN and END lines.');
}

/** True for `BEGIN ENCRYPTED PRIVATE KEY` and legacy `Proc-Type: 4,ENCRYPTED` blocks. */
export function isEncryptedKeyPem(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type:\s*4,ENCRYPTED/m.test(block.pem);
}

/** Refuses anything but RSA keys of at least {@link MIN_RSA_BITS} bits. */
export function requireRsa(key: KeyObject): Result<KeyObject> {
  if (key.asymmetricKeyType !== 'rsa') {
    return fail(
      appError(
        ErrorCode.CertUnsupportedKey,
        `This is ${key.asymmetricKeyType?.toUpperCase() ?? 'an unknown'} key. The integration signs with RS256, so the certificate needs an RSA key; generate a new one here.`,
      ),
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) return fail(appError(ErrorCode.CertUnsupportedKey, `The RSA key has ${bits} bits; Entra ID needs at least ${MIN_RSA_BITS}.`));
  return ok(key);
}

/**
 * Reads the first private key block in `text` (which may also hold
 * certificates), decrypting it with `passphrase` when it is encrypted.
 */
export function readPrivateKey(text: string, passphrase?: string): Result<KeyObject> {
  const block = findPemBlocks(text).find((b) => isPrivateKeyLabel(b.label));
  if (!block) return fail(appError(ErrorCode.CertInvalidKey, 'No private key found. A key starts with "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----".'));
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase ? { key: block.pem, format: 'pem', passphrase } : { key: block.pem, format: 'pem' });
  } catch {
    return fail(keyReadError(isEncryptedKeyPem(block), Boolean(passphrase)));
  }
  return requireRsa(key);
}

/** Unencrypted PKCS#8 PEM of a key object. */
export function toPkcs8Pem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * Converts any supported RSA private key to the unencrypted PKCS#8 PEM the
 * integration needs.
 */
export function toUnencryptedPkcs8Pem(text: string, passphrase?: string): Result<string> {
  const key = readPrivateKey(text, passphrase);
  return key.ok ? ok(toPkcs8Pem(key.value)) : key;
}
