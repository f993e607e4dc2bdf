/**
 * Reading X.509 certificates and describing them for the analyst.
 */

import { X509Certificate } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { CertificateInfo, ExpiryStatus } from './certificate-types';
import { findPemBlocks } from './pem-blocks';
import { thumbprintsOf } from './thumbprints';

/** Days before expiry from which we warn. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where `[notBefore, notAfter]` stands at `now`. Days are rounded down (a partial day left is 0). */
export function expiryStatus(notBefore: Date, notAfter: Date, now: Date, warnDays = EXPIRY_WARNING_DAYS): ExpiryStatus {
  const t = now.getTime();
  if (t < notBefore.getTime()) return { state: 'not-yet-valid', daysUntilValid: Math.ceil((notBefore.getTime() - t) / DAY_MS) };
  if (t > notAfter.getTime()) return { state: 'expired', daysAgo: Math.floor((t - notAfter.getTime()) / DAY_MS) };
  const daysLeft = Math.floor((notAfter.getTime() - t) / DAY_MS);
  return daysLeft < warnDays ? { state: 'expires-soon', daysLeft } : { state: 'valid', daysLeft };
}

function expiryWarning(status: ExpiryStatus, notAfter: string): string | null {
  switch (status.state) {
    case 'valid':
      return null;
    case 'expires-soon':
      return `The certificate expires in ${status.daysLeft} day(s) (${notAfter}). Plan a new certificate, or the integration stops working then.`;
    case 'expired':
      return `The certificate expired on ${notAfter}. Entra ID will reject it; generate or import a new one.`;
    case 'not-yet-valid':
      return `The certificate is not valid for another ${status.daysUntilValid} day(s); check the system clock or the certificate dates.`;
  }
}

/** Reads the first certificate of a PEM text, or a DER buffer. */
export function readCertificate(input: string | Uint8Array): Result<X509Certificate> {
  let source: string | Buffer;
  if (typeof input === 'string') {
    const block = findPemBlocks(input).find((b) => b.label === 'CERTIFICATE');
    if (!block) return fail(appError(ErrorCode.CertNotACertificate, 'No certificate found. A certificate starts with "-----BEGIN CERTIFICATE-----".'));
    source = block.pem;
  } else {
    source = Buffer.from(input);
  }
  try {
    return ok(new X509Certificate(source));
  } catch {
    return fail(appError(ErrorCode.CertNotACertificate, 'This is not a readable X.509 certificate.'));
  }
}

/** Every certificate of a PEM text (a chain), skipping unreadable blocks. */
export function readCertificates(text: string): readonly X509Certificate[] {
  return findPemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE')
    .flatMap((b) => {
      try {
        return [new X509Certificate(b.pem)];
      } catch {
        return [];
      }
    });
}

/** Same subject and issuer, and signed by its own key. */
function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** Public facts and warnings about `cert` at `now`. */
export function describeCertificate(cert: X509Certificate, now: Date): CertificateInfo {
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  const expiry = expiryStatus(notBefore, notAfter, now);
  const { sha1, sha256 } = thumbprintsOf(cert.raw);
  const notAfterIso = notAfter.toISOString();
  const warning = expiryWarning(expiry, notAfterIso);
  return {
    subject: cert.subject.replaceAll('\n', ', '),
    issuer: cert.issuer.replaceAll('\n', ', '),
    selfSigned: isSelfSigned(cert),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfterIso,
    sha1Thumbprint: sha1,
    sha256Thumbprint: sha256,
    keyBits: cert.publicKey.asymmetricKeyDetails?.modulusLength ?? 0,
    expiry,
    warnings: warning === null ? [] : [warning],
  };
}

/** PEM text of a certificate. */
export function certificatePem(cert: X509Certificate): string {
  return cert.toString();
}
