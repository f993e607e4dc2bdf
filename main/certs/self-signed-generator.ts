/**
 * Generating a new RSA key and a self-signed certificate for the app
 * registration.
 *
 * The key pair comes from node:crypto (OpenSSL: fast and constant-time);
 * node-forge only assembles and signs the X.509 structure, which node:crypto
 * cannot build. The result is re-read by node:crypto, which confirms the key
 * matches before anything is returned.
 */

import { generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, type Result } from '../../shared/result';
import { bundleFromParts } from './certificate-bundle';
import type { CertificateBundle } from './certificate-types';

const generateKeyPairAsync = promisify(generateKeyPair);

/** RSA sizes offered; 2048 is Entra ID's minimum, 4096 for stricter policies. */
export const RSA_KEY_SIZES = Object.freeze([2048, 4096] as const);

/** One of {@link RSA_KEY_SIZES}. */
export type RsaKeySize = (typeof RSA_KEY_SIZES)[number];

/** Longest validity offered (about 5 years); shorter is better practice. */
export const MAX_VALIDITY_DAYS = 1826;

/** What the caller chooses. */
export interface SelfSignedRequest {
  /** Subject common name, e.g. `xsoar-graph-mail-soc`. */
  readonly commonName: string;
  /** Days from `now` until the certificate expires (1 … {@link MAX_VALIDITY_DAYS}). */
  readonly validityDays: number;
  readonly keySize: RsaKeySize;
  /** Start of validity (injected clock). */
  readonly now: Date;
}

// X.520 upper bound of a common name.
const MAX_CN_LENGTH = 64;
// The PrintableString alphabet, which forge uses for the CN: any name in it
// encodes the same everywhere.
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]+$/;

function checkRequest(request: SelfSignedRequest): string | null {
  const cn = request.commonName.trim();
  if (cn === '') return 'Enter a name for the certificate (its common name), e.g. xsoar-graph-mail.';
  if (cn.length > MAX_CN_LENGTH) return `The common name can have at most ${MAX_CN_LENGTH} characters.`;
  if (!PRINTABLE.test(cn)) return 'Use letters, digits, spaces and - . , : = ( ) + / ? \' in the common name.';
  if (!Number.isInteger(request.validityDays) || request.validityDays < 1 || request.validityDays > MAX_VALIDITY_DAYS) {
    return `Choose a validity between 1 and ${MAX_VALIDITY_DAYS} days.`;
  }
  if (!RSA_KEY_SIZES.includes(request.keySize)) return 'Choose an RSA key size of 2048 or 4096 bits.';
  return null;
}

/** A positive serial number of 16 random bytes (RFC 5280 allows up to 20 octets). */
function serialNumberHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

/**
 * Generates an RSA key of the chosen size and a self-signed SHA-256
 * certificate for it, valid from `now` for `validityDays` days.
 *
 * Upload `certificatePem` (saved as `.cer` or `.crt`) to the app
 * registration; `privateKeyPem` is unencrypted PKCS#8 and goes to the vault.
 */
export async function generateSelfSignedCertificate(request: SelfSignedRequest): Promise<Result<CertificateBundle>> {
  const problem = checkRequest(request);
  if (problem !== null) return fail(appError(ErrorCode.CertInvalidRequest, problem));

  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: request.keySize, publicExponent: 0x10001 });
  // forge signs with its own copy of the key; it never leaves this function.
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs1' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = serialNumberHex();
  cert.validity.notBefore = new Date(request.now.getTime());
  cert.validity.notAfter = new Date(request.now.getTime() + request.validityDays * 24 * 60 * 60 * 1000);
  const name = [{ shortName: 'CN', value: request.commonName.trim() }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());

  const x509 = new X509Certificate(forge.pki.certificateToPem(cert));
  return bundleFromParts(privateKey, [x509], request.now);
}
