import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { importPemPair } from '../../../../main/certs/pem-import';
import { readPrivateKey, toUnencryptedPkcs8Pem } from '../../../../main/certs/private-key-reader';
import { findPemBlocks } from '../../../../main/certs/pem-blocks';
import { openSslWorkspace, opensslFingerprint, type OpenSslWorkspace } from '../../../support/openssl-fixtures';

let ws: OpenSslWorkspace;
// Read the clock after the fixtures exist: a certificate made "now" is not valid before its notBefore second.
const now = (): Date => new Date();

beforeAll(() => {
  ws = openSslWorkspace();
  ws.run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-subj', '/CN=gma-test', '-days', '365']);
  ws.run(['pkey', '-in', 'key.pem', '-traditional', '-out', 'key-pkcs1.pem']);
  ws.run(['pkcs8', '-topk8', '-in', 'key.pem', '-v2', 'aes-256-cbc', '-passout', 'pass:s3cret pass', '-out', 'key-pkcs8-enc.pem']);
  ws.run(['rsa', '-in', 'key.pem', '-traditional', '-aes256', '-passout', 'pass:s3cret pass', '-out', 'key-pkcs1-enc.pem']);
  ws.run(['rsa', '-in', 'key.pem', '-traditional', '-des3', '-passout', 'pass:s3cret pass', '-out', 'key-pkcs1-des3.pem']);
  ws.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other-key.pem']);
  ws.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'small-key.pem']);
  ws.run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec-key.pem', '-out', 'ec-cert.pem', '-subj', '/CN=ec', '-days', '30']);
  // A CA and a leaf it issued, for a PEM with a chain.
  ws.run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca-cert.pem', '-subj', '/CN=gma-ca', '-days', '365']);
  ws.run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf-key.pem', '-out', 'leaf.csr', '-subj', '/CN=gma-leaf']);
  ws.run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca-cert.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'leaf-cert.pem', '-days', '90']);
}, 120_000);

afterAll(() => ws.dispose());

const oneLine = (text: string): string => text.replace(/\n/g, ' ');

describe('importPemPair', () => {
  it.each([
    ['unencrypted PKCS#8', 'key.pem', undefined],
    ['PKCS#1', 'key-pkcs1.pem', undefined],
    ['encrypted PKCS#8 (AES-256)', 'key-pkcs8-enc.pem', 's3cret pass'],
    ['legacy encrypted PKCS#1 (AES-256)', 'key-pkcs1-enc.pem', 's3cret pass'],
    ['legacy encrypted PKCS#1 (3DES)', 'key-pkcs1-des3.pem', 's3cret pass'],
  ])('imports a %s key and computes OpenSSL\'s thumbprints', (_name, keyFile, passphrase) => {
    const result = importPemPair({ privateKeyText: ws.text(keyFile), certificateText: ws.text('cert.pem'), now: now(), ...(passphrase ? { passphrase } : {}) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { info, privateKeyPem, certificatePem } = result.value;
    expect(info.sha1Thumbprint).toBe(opensslFingerprint(ws, 'cert.pem', 'sha1'));
    expect(info.sha256Thumbprint).toBe(opensslFingerprint(ws, 'cert.pem', 'sha256'));
    expect(info.sha1Thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(info).toMatchObject({ subject: 'CN=gma-test', selfSigned: true, keyBits: 2048, expiry: { state: 'valid' }, warnings: [] });
    // The integration needs unencrypted PKCS#8 with BEGIN/END lines.
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(privateKeyPem).not.toContain('ENCRYPTED');
    // OpenSSL reads our key as the same key.
    const written = ws.write('out-key.pem', privateKeyPem);
    expect(ws.run(['rsa', '-in', written, '-noout', '-modulus'])).toBe(ws.run(['x509', '-in', 'cert.pem', '-noout', '-modulus']));
    expect(certificatePem).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('reads key and certificate from one combined text', () => {
    const combined = ws.text('cert.pem') + ws.text('key.pem');
    const result = importPemPair({ privateKeyText: combined, certificateText: '', now: now() });
    expect(result.ok && result.value.info.subject).toBe('CN=gma-test');
  });

  it('picks the leaf that matches the key out of a chain', () => {
    const chain = ws.text('ca-cert.pem') + ws.text('leaf-cert.pem');
    const result = importPemPair({ privateKeyText: ws.text('leaf-key.pem'), certificateText: chain, now: now() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toMatchObject({ subject: 'CN=gma-leaf', issuer: 'CN=gma-ca', selfSigned: false });
    expect(result.value.info.sha1Thumbprint).toBe(opensslFingerprint(ws, 'leaf-cert.pem', 'sha1'));
  });

  it('repairs a PEM pasted into a one-line field (line breaks became spaces)', () => {
    const result = importPemPair({ privateKeyText: oneLine(ws.text('key-pkcs1-enc.pem')), certificateText: oneLine(ws.text('cert.pem')), passphrase: 's3cret pass', now: now() });
    expect(result.ok && result.value.info.sha1Thumbprint).toBe(opensslFingerprint(ws, 'cert.pem', 'sha1'));
  });

  it.each([
    ['a key that belongs to another certificate', () => ({ privateKeyText: ws.text('other-key.pem'), certificateText: ws.text('cert.pem') }), ErrorCode.CertKeyMismatch, /does not belong/],
    ['a wrong passphrase (PKCS#8)', () => ({ privateKeyText: ws.text('key-pkcs8-enc.pem'), certificateText: ws.text('cert.pem'), passphrase: 'nope' }), ErrorCode.CertWrongPassphrase, /wrong/],
    ['a wrong passphrase (legacy PEM)', () => ({ privateKeyText: ws.text('key-pkcs1-enc.pem'), certificateText: ws.text('cert.pem'), passphrase: 'nope' }), ErrorCode.CertWrongPassphrase, /wrong/],
    ['a missing passphrase', () => ({ privateKeyText: ws.text('key-pkcs8-enc.pem'), certificateText: ws.text('cert.pem') }), ErrorCode.CertWrongPassphrase, /enter its passphrase/],
    ['a missing passphrase (legacy PEM)', () => ({ privateKeyText: ws.text('key-pkcs1-enc.pem'), certificateText: ws.text('cert.pem') }), ErrorCode.CertWrongPassphrase, /enter its passphrase/],
    ['a certificate in the key field', () => ({ privateKeyText: ws.text('cert.pem'), certificateText: ws.text('cert.pem') }), ErrorCode.CertInvalidKey, /No private key/],
    ['a key in the certificate field', () => ({ privateKeyText: ws.text('key.pem'), certificateText: ws.text('key.pem') }), ErrorCode.CertNotACertificate, /holds a private key/],
    ['text that is no certificate', () => ({ privateKeyText: ws.text('key.pem'), certificateText: 'hello' }), ErrorCode.CertNotACertificate, /No certificate/],
    ['a damaged certificate', () => ({ privateKeyText: ws.text('key.pem'), certificateText: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }), ErrorCode.CertNotACertificate, /No certificate/],
    ['a damaged key', () => ({ privateKeyText: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', certificateText: ws.text('cert.pem') }), ErrorCode.CertInvalidKey, /cannot be read/],
    ['an EC key and certificate', () => ({ privateKeyText: ws.text('ec-key.pem'), certificateText: ws.text('ec-cert.pem') }), ErrorCode.CertUnsupportedKey, /RSA/],
  ])('refuses %s with a clear error', (_name, input, code, message) => {
    const result = importPemPair({ ...input(), now: now() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(result.error.message).not.toMatch(/error:|OSSL|routines/);
  });
});

describe('key conversion', () => {
  it.each([
    ['PKCS#1', 'key-pkcs1.pem', undefined],
    ['encrypted PKCS#8', 'key-pkcs8-enc.pem', 's3cret pass'],
    ['legacy encrypted PEM', 'key-pkcs1-enc.pem', 's3cret pass'],
  ])('turns %s into the same key as unencrypted PKCS#8', (_name, file, passphrase) => {
    const result = toUnencryptedPkcs8Pem(ws.text(file), passphrase);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(findPemBlocks(result.value).map((b) => b.label)).toEqual(['PRIVATE KEY']);
    const expected = createPrivateKey(ws.text('key.pem')).export({ format: 'jwk' });
    expect(createPrivateKey(result.value).export({ format: 'jwk' })).toEqual(expected);
  });

  it('refuses RSA keys under 2048 bits', () => {
    const result = readPrivateKey(ws.text('small-key.pem'));
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.CertUnsupportedKey } });
  });

  it('refuses non-RSA keys', () => {
    expect(toUnencryptedPkcs8Pem(ws.text('ec-key.pem'))).toMatchObject({ ok: false, error: { code: ErrorCode.CertUnsupportedKey } });
  });
});
