/**
 * Certificate thumbprints as Entra ID and the integration show them.
 *
 * A thumbprint is the hash of the certificate's DER encoding. Entra ID's
 * "Thumbprint" column is the SHA-1 one in upper-case hex without separators;
 * the integration hex-decodes exactly that into the assertion's `x5t` header.
 */

import { createHash } from 'node:crypto';

/** SHA-1 and SHA-256 thumbprints of a DER certificate, upper-case hex, no colons. */
export interface Thumbprints {
  readonly sha1: string;
  readonly sha256: string;
}

/** Computes both thumbprints of the DER bytes of a certificate. */
export function thumbprintsOf(der: Uint8Array): Thumbprints {
  return {
    sha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}
