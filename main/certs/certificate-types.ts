/**
 * Shapes shared by the certificate modules.
 *
 * Everything here is plain data so it can cross IPC; the private key appears
 * only in {@link CertificateBundle}, which the caller hands to the vault and
 * never to the renderer.
 */

/** Where a certificate stands on a given day. */
export type ExpiryStatus =
  | { readonly state: 'valid'; readonly daysLeft: number }
  /** Valid, but fewer than the warning threshold (30 days) remain. */
  | { readonly state: 'expires-soon'; readonly daysLeft: number }
  | { readonly state: 'expired'; readonly daysAgo: number }
  | { readonly state: 'not-yet-valid'; readonly daysUntilValid: number };

/** Public facts about a certificate, safe to show and log. */
export interface CertificateInfo {
  /** Subject as OpenSSL prints it, e.g. `CN=xsoar-graph-mail`. */
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  /** Upper-case hex serial number. */
  readonly serialNumber: string;
  /** ISO 8601 instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** SHA-1 of the DER certificate: 40 upper-case hex characters, what the integration expects. */
  readonly sha1Thumbprint: string;
  /** SHA-256 of the DER certificate: 64 upper-case hex characters. */
  readonly sha256Thumbprint: string;
  /** RSA modulus size in bits. */
  readonly keyBits: number;
  readonly expiry: ExpiryStatus;
  /** Plain-language warnings (expiry soon, expired, not yet valid, small key). */
  readonly warnings: readonly string[];
}

/**
 * A matching RSA key and certificate, ready for the integration's
 * `creds_certificate` (thumbprint in `identifier`, key PEM in `password`).
 */
export interface CertificateBundle {
  /** Unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`): the only form the integration reads. Secret. */
  readonly privateKeyPem: string;
  /** The certificate as PEM (`BEGIN CERTIFICATE`), also usable as the `.cer`/`.crt` uploaded to Entra ID. */
  readonly certificatePem: string;
  readonly info: CertificateInfo;
}
