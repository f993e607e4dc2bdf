/**
 * Importing a private key and certificate given as PEM text.
 */

import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, type Result } from '../../shared/result';
import { bundleFromParts } from './certificate-bundle';
import { readCertificates } from './certificate-reader';
import type { CertificateBundle } from './certificate-types';
import { findPemBlocks } from './pem-blocks';
import { readPrivateKey } from './private-key-reader';

/** Inputs of {@link importPemPair}. */
export interface PemPairInput {
  /** Text holding the private key (PKCS#8, encrypted PKCS#8 or PKCS#1); may also hold the certificate. */
  readonly privateKeyText: string;
  /** Text holding the certificate (and possibly its chain); may be empty when the key text holds it. */
  readonly certificateText: string;
  /** Passphrase of an encrypted key. */
  readonly passphrase?: string;
  /** Clock for the expiry check. */
  readonly now: Date;
}

/**
 * Imports a PEM key and certificate: decrypts and converts the key to
 * unencrypted PKCS#8, checks that it matches the certificate, and computes
 * the thumbprints and expiry warnings.
 */
export function importPemPair(input: PemPairInput): Result<CertificateBundle> {
  const certificates = readCertificates(`${input.certificateText}\n${input.privateKeyText}`);
  if (certificates.length === 0) {
    const labels = findPemBlocks(input.certificateText).map((b) => b.label);
    const message = labels.some((l) => l.includes('PRIVATE KEY'))
      ? 'The certificate field holds a private key. Put the certificate ("-----BEGIN CERTIFICATE-----") there.'
      : 'No certificate found. A certificate starts with "-----BEGIN CERTIFICATE-----".';
    return fail(appError(ErrorCode.CertNotACertificate, message));
  }
  const key = readPrivateKey(input.privateKeyText, input.passphrase);
  if (!key.ok) return key;
  return bundleFromParts(key.value, certificates, input.now);
}
