import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { generateSelfSignedCertificate, type SelfSignedRequest } from '../../../../main/certs/self-signed-generator';
import { importPemPair } from '../../../../main/certs/pem-import';
import { openSslWorkspace, opensslFingerprint, type OpenSslWorkspace } from '../../../support/openssl-fixtures';

let ws: OpenSslWorkspace;
beforeAll(() => {
  ws = openSslWorkspace();
});
afterAll(() => ws.dispose());

const START = new Date('2026-11-26T10:00:00.000Z');

describe('generateSelfSignedCertificate', () => {
  it.each([2048, 4096] as const)(
    'makes a %i-bit key and a certificate OpenSSL accepts, with OpenSSL\'s thumbprints',
    async (keySize) => {
      const result = await generateSelfSignedCertificate({ commonName: 'xsoar-graph-mail SOC', validityDays: 365, keySize, now: START });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { privateKeyPem, certificatePem, info } = result.value;
      const certFile = ws.write(`gen-${keySize}.crt`, certificatePem);
      const keyFile = ws.write(`gen-${keySize}.key`, privateKeyPem);

      expect(info.sha1Thumbprint).toBe(opensslFingerprint(ws, certFile, 'sha1'));
      expect(info.sha256Thumbprint).toBe(opensslFingerprint(ws, certFile, 'sha256'));
      expect(ws.run(['x509', '-in', certFile, '-noout', '-subject']).trim()).toBe('subject=CN = xsoar-graph-mail SOC');
      expect(ws.run(['x509', '-in', certFile, '-noout', '-startdate', '-enddate']).trim()).toBe(
        'notBefore=Nov 26 10:00:00 2026 GMT\nnotAfter=Nov 26 10:00:00 2027 GMT',
      );
      // Key and certificate belong together, the key is RSA of the chosen size, and the signature verifies.
      expect(ws.run(['rsa', '-in', keyFile, '-noout', '-modulus'])).toBe(ws.run(['x509', '-in', certFile, '-noout', '-modulus']));
      expect(ws.run(['rsa', '-in', keyFile, '-noout', '-check']).trim()).toBe('RSA key ok');
      expect(ws.run(['x509', '-in', certFile, '-noout', '-text'])).toContain(`Public-Key: (${keySize} bit)`);
      expect(ws.run(['verify', '-CAfile', certFile, '-purpose', 'sslclient', certFile]).trim()).toBe(`${certFile}: OK`);
      expect(ws.run(['x509', '-in', certFile, '-noout', '-text'])).toContain('Signature Algorithm: sha256WithRSAEncryption');

      expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(info).toMatchObject({ subject: 'CN=xsoar-graph-mail SOC', selfSigned: true, keyBits: keySize, notBefore: START.toISOString(), expiry: { state: 'valid', daysLeft: 365 } });

      // Re-importing the pair gives the same thumbprint.
      const again = importPemPair({ privateKeyText: privateKeyPem, certificateText: certificatePem, now: START });
      expect(again.ok && again.value.info.sha1Thumbprint).toBe(info.sha1Thumbprint);
    },
    60_000,
  );

  it('makes a different key and serial number each time', async () => {
    const request: SelfSignedRequest = { commonName: 'a', validityDays: 30, keySize: 2048, now: START };
    const [a, b] = await Promise.all([generateSelfSignedCertificate(request), generateSelfSignedCertificate(request)]);
    expect(a?.ok && b?.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.info.serialNumber).not.toBe(b.value.info.serialNumber);
    expect(a.value.privateKeyPem).not.toBe(b.value.privateKeyPem);
  });

  it('warns when the chosen validity is under 30 days', async () => {
    const result = await generateSelfSignedCertificate({ commonName: 'short', validityDays: 7, keySize: 2048, now: START });
    expect(result.ok && result.value.info.expiry).toEqual({ state: 'expires-soon', daysLeft: 7 });
  });

  it.each([
    [{ commonName: '' }, /Enter a name/],
    [{ commonName: '   ' }, /Enter a name/],
    [{ commonName: 'x'.repeat(65) }, /at most 64/],
    [{ commonName: 'naïve' }, /letters, digits/],
    [{ commonName: 'a\nb' }, /letters, digits/],
    [{ validityDays: 0 }, /between 1 and/],
    [{ validityDays: 1.5 }, /between 1 and/],
    [{ validityDays: 5000 }, /between 1 and/],
    [{ keySize: 1024 }, /2048 or 4096/],
  ])('refuses %j', async (override, message) => {
    const request = { commonName: 'ok', validityDays: 365, keySize: 2048, now: START, ...override } as SelfSignedRequest;
    const result = await generateSelfSignedCertificate(request);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.CertInvalidRequest } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});
