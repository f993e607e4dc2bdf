/**
 * Pairing a private key with its certificate.
 */

import type { KeyObject, X509Certificate } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import { certificatePem, describeCertificate } from './certificate-reader';
import type { CertificateBundle } from './certificate-types';
import { requireRsa, toPkcs8Pem } from './private-key-reader';

/** True when `key` is the private half of `cert`'s public key. */
export function keyMatchesCertificate(key: KeyObject, cert: X509Certificate): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}

/**
 * Picks, among `certificates` (a leaf, possibly with its chain), the one that
 * belongs to `key`, and builds the bundle the integration needs.
 */
export function bundleFromParts(key: KeyObject, certificates: readonly X509Certificate[], now: Date): Result<CertificateBundle> {
  const rsa = requireRsa(key);
  if (!rsa.ok) return rsa;
  if (certificates.length === 0) return fail(appError(ErrorCode.CertNotACertificate, 'No certificate found next to the private key.'));
  const leaf = certificates.find((c) => keyMatchesCertificate(key, c));
  if (!leaf) {
    return fail(
      appError(
        ErrorCode.CertKeyMismatch,
        'The private key does not belong to this certificate. Use the key that was created together with the certificate (or generate a new pair here).',
      ),
    );
  }
  return ok({ privateKeyPem: toPkcs8Pem(key), certificatePem: certificatePem(leaf), info: describeCertificate(leaf, now) });
}
