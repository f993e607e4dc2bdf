import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { importPkcs12 } from '../../../../main/certs/pkcs12-import';
import { openSslWorkspace, opensslFingerprint, type OpenSslWorkspace } from '../../../support/openssl-fixtures';

let ws: OpenSslWorkspace;
// Read the clock after the fixtures exist: a certificate made "now" is not valid before its notBefore second.
const now = (): Date => new Date();
const PASS = 'pfx pass!';

beforeAll(() => {
  ws = openSslWorkspace();
  ws.run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-subj', '/CN=gma-pfx', '-days', '365']);
  // OpenSSL 3 default: PBES2/PBKDF2 with AES-256-CBC, HMAC-SHA-256 MAC.
  ws.run(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-passout', `pass:${PASS}`, '-out', 'modern.pfx']);
  // What older Windows and tools write: RC2-40 for certificates, 3DES for the key, SHA-1 MAC.
  ws.run(['pkcs12', '-export', '-legacy', '-inkey', 'key.pem', '-in', 'cert.pem', '-passout', `pass:${PASS}`, '-out', 'legacy.pfx']);
  ws.run(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-passout', 'pass:', '-out', 'empty-pass.pfx']);
  ws.run(['pkcs12', '-export', '-nokeys', '-in', 'cert.pem', '-passout', `pass:${PASS}`, '-out', 'no-key.pfx']);
  // A leaf with its CA in the same file.
  ws.run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca-cert.pem', '-subj', '/CN=gma-ca', '-days', '365']);
  ws.run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf-key.pem', '-out', 'leaf.csr', '-subj', '/CN=gma-leaf']);
  ws.run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca-cert.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'leaf-cert.pem', '-days', '20']);
  ws.run(['pkcs12', '-export', '-inkey', 'leaf-key.pem', '-in', 'leaf-cert.pem', '-certfile', 'ca-cert.pem', '-passout', `pass:${PASS}`, '-out', 'chain.pfx']);
  // A key with someone else's certificate: openssl refuses to write that, so forge does.
  ws.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other-key.pem']);
  const mismatch = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(ws.text('other-key.pem')), [forge.pki.certificateFromPem(ws.text('cert.pem'))], PASS, { algorithm: 'aes256' });
  ws.write('mismatch.pfx', Buffer.from(forge.asn1.toDer(mismatch).getBytes(), 'binary'));
  // EC.
  ws.run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec-key.pem', '-out', 'ec-cert.pem', '-subj', '/CN=ec', '-days', '30']);
  ws.run(['pkcs12', '-export', '-inkey', 'ec-key.pem', '-in', 'ec-cert.pem', '-passout', `pass:${PASS}`, '-out', 'ec.pfx']);
}, 120_000);

afterAll(() => ws.dispose());

describe('importPkcs12', () => {
  it.each([
    ['modern (AES-256/PBKDF2)', 'modern.pfx', PASS],
    ['legacy (3DES/RC2)', 'legacy.pfx', PASS],
    ['an empty passphrase', 'empty-pass.pfx', ''],
  ])('imports a %s file with OpenSSL\'s thumbprints', (_name, file, passphrase) => {
    const result = importPkcs12(ws.bytes(file), passphrase, now());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toMatchObject({
      subject: 'CN=gma-pfx',
      sha1Thumbprint: opensslFingerprint(ws, 'cert.pem', 'sha1'),
      sha256Thumbprint: opensslFingerprint(ws, 'cert.pem', 'sha256'),
      keyBits: 2048,
    });
    expect(result.value.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(result.value.privateKeyPem).export({ format: 'jwk' })).toEqual(createPrivateKey(ws.text('key.pem')).export({ format: 'jwk' }));
    expect(result.value.certificatePem.replace(/\s/g, '')).toBe(ws.text('cert.pem').replace(/\s/g, ''));
  });

  it('picks the leaf out of a file with its chain and warns that it expires within 30 days', () => {
    const result = importPkcs12(ws.bytes('chain.pfx'), PASS, now());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toMatchObject({ subject: 'CN=gma-leaf', issuer: 'CN=gma-ca', sha1Thumbprint: opensslFingerprint(ws, 'leaf-cert.pem', 'sha1') });
    expect(result.value.info.expiry.state).toBe('expires-soon');
    expect(result.value.info.warnings[0]).toMatch(/expires in (19|20) day/);
  });

  it.each([
    ['a wrong passphrase (modern)', 'modern.pfx', 'wrong', ErrorCode.CertWrongPassphrase],
    ['a wrong passphrase (legacy)', 'legacy.pfx', 'wrong', ErrorCode.CertWrongPassphrase],
    ['a missing passphrase', 'modern.pfx', '', ErrorCode.CertWrongPassphrase],
    ['a file without a key', 'no-key.pfx', PASS, ErrorCode.CertInvalidKey],
    ['a key that does not match the certificate', 'mismatch.pfx', PASS, ErrorCode.CertKeyMismatch],
    ['an EC key', 'ec.pfx', PASS, ErrorCode.CertUnsupportedKey],
    ['a PEM file instead of a PFX', 'cert.pem', PASS, ErrorCode.CertInvalidPkcs12],
  ])('refuses %s', (_name, file, passphrase, code) => {
    const result = importPkcs12(ws.bytes(file), passphrase, now());
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses random bytes', () => {
    expect(importPkcs12(new Uint8Array([1, 2, 3, 4, 5]), PASS, now())).toMatchObject({ ok: false, error: { code: ErrorCode.CertInvalidPkcs12 } });
  });
});
