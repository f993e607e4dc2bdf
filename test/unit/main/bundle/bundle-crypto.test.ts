import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle, sealBundle } from '../../../../main/bundle/bundle-crypto';
import { encodeHeader, HEADER_LENGTH, TAG_LENGTH } from '../../../../main/bundle/bundle-header';
import { buildBundlePayload, serializeBundlePayload, type BundlePayload } from '../../../../shared/export/bundle-payload';
import { FIXTURE_INSTANCE, FIXTURE_PROFILE, FIXTURES } from '../../../fixtures/export-fixtures';

const PASSPHRASE = 'correct-horse-battery-staple-42';
const EXPORTED_AT = '2026-11-26T12:00:00.000Z';

function payloadFor(name: keyof typeof FIXTURES): BundlePayload {
  const p = buildBundlePayload({ profile: { name: FIXTURE_PROFILE, instanceName: FIXTURE_INSTANCE }, params: FIXTURES[name], exportedAt: EXPORTED_AT });
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

async function sealed(name: keyof typeof FIXTURES = 'self-deployed-certificate'): Promise<Uint8Array> {
  const r = await sealBundle(payloadFor(name), PASSPHRASE);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function codeOf(bytes: Uint8Array, passphrase = PASSPHRASE): Promise<string> {
  const r = await openBundle(bytes, passphrase);
  return r.ok ? 'ok' : r.error.code;
}

// scrypt at N = 2^17 costs a few hundred milliseconds per call by design;
// one sealed bundle is shared by the read-only failure cases.
describe('encrypted bundle', { timeout: 60_000 }, () => {
  let shared: Uint8Array;
  beforeAll(async () => {
    shared = await sealed();
  }, 60_000);

  it('round trip: seal → open → seal gives the same plaintext payload; ciphertexts differ', async () => {
    const payload = payloadFor('xsoar-app');
    const first = await sealBundle(payload, PASSPHRASE);
    if (!first.ok) throw new Error(first.error.message);
    const opened = await openBundle(first.value, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.params).toEqual(FIXTURES['xsoar-app']);
    expect(opened.value.secrets).toEqual({ 'oproxy-token': FIXTURES['xsoar-app'].creds_refresh_token.password, 'oproxy-key': FIXTURES['xsoar-app'].creds_enc_key.password });
    expect(opened.value.profile).toEqual({ name: FIXTURE_PROFILE, instanceName: FIXTURE_INSTANCE });
    const again = buildBundlePayload({ profile: opened.value.profile, params: opened.value.params, exportedAt: opened.value.exportedAt });
    if (!again.ok) throw new Error(again.error.message);
    expect(serializeBundlePayload(again.value)).toBe(serializeBundlePayload(payload));
    const second = await sealBundle(again.value, PASSPHRASE);
    expect(second.ok && Buffer.from(second.value).equals(Buffer.from(first.value))).toBe(false);
  });

  it('keeps secrets out of the settings part and never writes them in clear', async () => {
    const payload = payloadFor('self-deployed-secret');
    expect(JSON.stringify(payload.settings)).not.toContain(FIXTURES['self-deployed-secret'].creds_enc_key.password);
    expect(Object.keys(payload.secrets)).toEqual(['client-secret', 'auth-code']);
    const bytes = Buffer.from(await sealed('self-deployed-secret'));
    for (const needle of [FIXTURES['self-deployed-secret'].creds_enc_key.password, 'soc-mailbox', 'creds_']) expect(bytes.includes(needle)).toBe(false);
  });

  it('records scrypt N ≥ 2^15, r = 8, p = 1 and a 16-byte random salt in the header', async () => {
    const a = Buffer.from(await sealed());
    const b = Buffer.from(await sealed());
    expect(a.subarray(0, 8).toString('ascii')).toBe('GMABUNDL');
    expect(a[8]).toBe(1);
    expect(a[9]).toBe(1);
    expect(a[10]).toBeGreaterThanOrEqual(15);
    expect([a[11], a[12]]).toEqual([8, 1]);
    expect(a.subarray(13, 29).equals(b.subarray(13, 29))).toBe(false);
  });

  it('refuses a wrong passphrase', async () => {
    expect(await codeOf(shared, 'correct-horse-battery-staple-43')).toBe('bundle/wrong-passphrase');
  });

  it('refuses a flipped byte in the ciphertext or the tag as tampering', async () => {
    const good = shared;
    for (const offset of [HEADER_LENGTH, HEADER_LENGTH + 10, good.length - TAG_LENGTH - 1, good.length - 1]) {
      const bad = Uint8Array.from(good);
      bad[offset] = (bad[offset] ?? 0) ^ 0x01;
      expect(await codeOf(bad), `offset ${offset}`).toBe('bundle/tampered');
    }
  });

  it('refuses a flipped byte in the header as damage, before deriving any key', async () => {
    const good = shared;
    for (const offset of [9, 10, 14, 30, 46, 62]) {
      const bad = Uint8Array.from(good);
      bad[offset] = (bad[offset] ?? 0) ^ 0x01;
      expect(await codeOf(bad), `offset ${offset}`).toBe('bundle/corrupt');
    }
  });

  it('refuses a truncated file at any length', async () => {
    const good = shared;
    for (const length of [1, 8, 9, 40, HEADER_LENGTH, HEADER_LENGTH + 5, good.length - 1]) {
      expect(await codeOf(good.subarray(0, length)), `length ${length}`).toBe('bundle/truncated');
    }
  });

  it('refuses a bundle from a newer version, even with a valid checksum', async () => {
    const good = shared;
    const raised = Uint8Array.from(good);
    raised[8] = 2;
    expect(await codeOf(raised)).toBe('bundle/unsupported-version');
    const h = Buffer.from(good);
    const rebuilt = encodeHeader({ version: 7, kdf: 1, log2N: 17, r: 8, p: 1, salt: h.subarray(13, 29), nonce: h.subarray(29, 41), ciphertextLength: h.readUInt32BE(41), verifier: h.subarray(45, 61) });
    expect(await codeOf(Buffer.concat([rebuilt, h.subarray(HEADER_LENGTH)]))).toBe('bundle/unsupported-version');
  });

  it('refuses a header that weakens scrypt below N = 2^15, even with a valid checksum', async () => {
    const h = Buffer.from(shared);
    const weak = encodeHeader({ version: 1, kdf: 1, log2N: 10, r: 8, p: 1, salt: h.subarray(13, 29), nonce: h.subarray(29, 41), ciphertextLength: h.readUInt32BE(41), verifier: h.subarray(45, 61) });
    expect(await codeOf(Buffer.concat([weak, h.subarray(HEADER_LENGTH)]))).toBe('bundle/corrupt');
  });

  it('refuses other files and extra trailing data', async () => {
    expect(await codeOf(new TextEncoder().encode('{"format":"gma-profile-bundle"}'))).toBe('bundle/not-a-bundle');
    expect(await codeOf(new Uint8Array())).toBe('bundle/not-a-bundle');
    const good = shared;
    expect(await codeOf(Buffer.concat([good, Buffer.from([0])]))).toBe('bundle/corrupt');
  });

  it('refuses a weak passphrase when sealing', async () => {
    for (const weak of ['short', 'aaaaaaaaaaaaaaaa', 'password1234', '123456789012']) {
      const r = await sealBundle(payloadFor('managed-identity-system-assigned'), weak);
      expect(r.ok ? 'ok' : r.error.code, weak).toBe('bundle/weak-passphrase');
    }
  });

  it('refuses decrypted content that is not a valid profile', async () => {
    const good = payloadFor('xsoar-app');
    const forged: BundlePayload = { ...good, secrets: { ...good.secrets, 'client-secret': 'FAKE-extra' } };
    const r = await sealBundle(forged, PASSPHRASE);
    if (!r.ok) throw new Error(r.error.message);
    expect(await codeOf(r.value)).toBe('bundle/invalid-payload');
  });

  it('opens with the same passphrase typed in another Unicode normalization form', async () => {
    const nfd = 'cafe\u0301-tulip-orbit-gravel';
    const r = await sealBundle(payloadFor('managed-identity-system-assigned'), nfd);
    if (!r.ok) throw new Error(r.error.message);
    expect(await codeOf(r.value, nfd.normalize('NFC'))).toBe('ok');
  });

  it('refuses to bundle a profile with placeholders or invalid settings', () => {
    const r = buildBundlePayload({ profile: { name: 'x', instanceName: 'y' }, params: { ...FIXTURES['xsoar-app'], creds_enc_key: { credential: '', identifier: '', password: '<stored in keychain: profile "x", field oproxy-key>', passwordChanged: false } }, exportedAt: EXPORTED_AT });
    expect(!r.ok && r.error.fields?.map((f) => f.field)).toEqual(['creds_enc_key']);
  });
});
