import { describe, expect, it } from 'vitest';
import { expiryStatus } from '../../../../main/certs/certificate-reader';
import { generateSelfSignedCertificate } from '../../../../main/certs/self-signed-generator';
import { importPemPair } from '../../../../main/certs/pem-import';

const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2026-12-31T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('expiryStatus (injected clock)', () => {
  it.each([
    ['well before expiry', '2026-06-01T00:00:00Z', { state: 'valid', daysLeft: 213 }],
    ['exactly 30 days left', '2026-12-01T00:00:00Z', { state: 'valid', daysLeft: 30 }],
    ['29 days and a bit left', '2026-12-01T00:00:01Z', { state: 'expires-soon', daysLeft: 29 }],
    ['the last hour', '2026-12-30T23:00:00Z', { state: 'expires-soon', daysLeft: 0 }],
    ['the expiry instant', '2026-12-31T00:00:00Z', { state: 'expires-soon', daysLeft: 0 }],
    ['a second after expiry', '2026-12-31T00:00:01Z', { state: 'expired', daysAgo: 0 }],
    ['long after expiry', '2027-02-01T00:00:00Z', { state: 'expired', daysAgo: 32 }],
    ['before validity', '2025-12-30T12:00:00Z', { state: 'not-yet-valid', daysUntilValid: 2 }],
  ])('%s', (_name, now, expected) => {
    expect(expiryStatus(FROM, TO, at(now))).toEqual(expected);
  });
});

describe('certificate warnings', () => {
  it('warns about expiry soon, expiry and not-yet-valid, by the injected clock', async () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const generated = await generateSelfSignedCertificate({ commonName: 'clock', validityDays: 90, keySize: 2048, now: start });
    expect(generated.ok).toBe(true);
    if (!generated.ok) return;
    const { privateKeyPem, certificatePem } = generated.value;
    const describeAt = (iso: string) => {
      const r = importPemPair({ privateKeyText: privateKeyPem, certificateText: certificatePem, now: at(iso) });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.info;
    };
    expect(describeAt('2026-03-02T00:00:00Z')).toMatchObject({ expiry: { state: 'valid', daysLeft: 89 }, warnings: [] });
    expect(describeAt('2026-05-20T00:00:00Z').warnings[0]).toMatch(/^The certificate expires in 10 day\(s\) \(2026-05-30T00:00:00.000Z\)/);
    expect(describeAt('2026-06-15T00:00:00Z').warnings[0]).toMatch(/^The certificate expired on 2026-05-30/);
    expect(describeAt('2026-02-01T00:00:00Z').warnings[0]).toMatch(/not valid for another 28 day/);
  }, 60_000);
});
