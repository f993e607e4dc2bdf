/**
 * Importing a PKCS#12 / PFX file (what Windows and Azure Key Vault export).
 *
 * node:crypto cannot read PKCS#12, so node-forge decrypts the container; its
 * contents are then handed to node:crypto (OpenSSL) as DER, which reads the
 * key and certificate, checks that they match and computes the thumbprints.
 * forge reads both modern files (PBES2 with AES-256-CBC, HMAC-SHA-256 MAC;
 * OpenSSL 3's default) and legacy ones (3DES and RC2-40, SHA-1 MAC).
 */

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, type Result } from '../../shared/result';
import { bundleFromParts } from './certificate-bundle';
import type { CertificateBundle } from './certificate-types';

/** Forge's view of one SafeBag (only the fields we read). */
interface Bag {
  readonly key?: forge.pki.PrivateKey | null;
  readonly cert?: forge.pki.Certificate | null;
  readonly asn1?: forge.asn1.Asn1;
}

function derBytes(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): readonly Bag[] {
  return (p12.getBags({ bagType: type })[type] ?? []) as readonly Bag[];
}

function keyOf(bag: Bag): KeyObject | null {
  try {
    // forge decodes RSA keys; other key types stay as PrivateKeyInfo ASN.1.
    if (bag.key) return createPrivateKey({ key: derBytes(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey)), format: 'der', type: 'pkcs1' });
    if (bag.asn1) return createPrivateKey({ key: derBytes(bag.asn1), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
  return null;
}

function certificateOf(bag: Bag): X509Certificate | null {
  try {
    // forge keeps the parsed TBSCertificate, so re-encoding yields the original DER (and thumbprint).
    if (bag.cert) return new X509Certificate(derBytes(forge.pki.certificateToAsn1(bag.cert)));
    if (bag.asn1) return new X509Certificate(derBytes(bag.asn1));
  } catch {
    return null;
  }
  return null;
}

function parse(bytes: Uint8Array, passphrase: string): Result<forge.pkcs12.Pkcs12Pfx> {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
  } catch {
    return fail(appError(ErrorCode.CertInvalidPkcs12, 'This file is not a PKCS#12/PFX file.'));
  }
  try {
    return { ok: true, value: forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase) };
  } catch (thrown) {
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    if (/password|decrypt/i.test(text)) return fail(appError(ErrorCode.CertWrongPassphrase, 'The PFX passphrase is wrong.'));
    return fail(appError(ErrorCode.CertInvalidPkcs12, 'This PKCS#12/PFX file cannot be read (unsupported or damaged).'));
  }
}

/**
 * Reads a PKCS#12/PFX file: its private key and the certificate that
 * matches it (other certificates, such as a chain, are ignored).
 */
export function importPkcs12(bytes: Uint8Array, passphrase: string, now: Date): Result<CertificateBundle> {
  const parsed = parse(bytes, passphrase);
  if (!parsed.ok) return parsed;
  const p12 = parsed.value;
  const keyBags = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag ?? ''), ...bagsOf(p12, forge.pki.oids.keyBag ?? '')];
  const keys = keyBags.map(keyOf);
  const key = keys.find((k): k is KeyObject => k !== null);
  if (!key) {
    const message = keyBags.length === 0 ? 'The PFX file holds no private key. Export it again with the private key included.' : 'The private key in the PFX file cannot be read.';
    return fail(appError(ErrorCode.CertInvalidKey, message));
  }
  const certificates = bagsOf(p12, forge.pki.oids.certBag ?? '')
    .map(certificateOf)
    .filter((c): c is X509Certificate => c !== null);
  return bundleFromParts(key, certificates, now);
}
