import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBundle, SCRYPT_DEFAULTS } from '../../../main/bundle/bundle-crypto';
import { BUNDLE_VERSION, encodeHeader, KDF_SCRYPT, NONCE_LENGTH, SALT_LENGTH, TAG_LENGTH, VERIFIER_LENGTH } from '../../../main/bundle/bundle-header';
import { ErrorCode } from '../../../shared/errors/error-codes';

// Issue 11, item 6: a bundle header may ask for scrypt costs far beyond what
// the app writes, so every import attempt (a wrong passphrase too) would cost
// seconds and hundreds of MiB. Costs above the app's own are refused before
// any key is derived.
function forged(cost: { log2N: number; r: number; p: number }): Uint8Array {
  const body = randomBytes(40);
  const header = encodeHeader({ version: BUNDLE_VERSION, kdf: KDF_SCRYPT, ...cost, salt: randomBytes(SALT_LENGTH), nonce: randomBytes(NONCE_LENGTH), ciphertextLength: body.length, verifier: randomBytes(VERIFIER_LENGTH) });
  return new Uint8Array(Buffer.concat([header, body, randomBytes(TAG_LENGTH)]));
}

describe('item 6: scrypt costs are capped near what the app writes', () => {
  it.each([
    { log2N: 18, r: 16, p: 1 },
    { log2N: 17, r: 32, p: 1 },
    { log2N: 20, r: 8, p: 1 },
    { log2N: 17, r: 8, p: 4 },
  ])('refuses %o before deriving a key', async (cost) => {
    const opened = await openBundle(forged(cost), 'any passphrase at all');
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe(ErrorCode.BundleCorrupt);
      expect(opened.error.message).toMatch(/key-derivation cost/);
    }
  });

  it("the app's own cost still opens (and a wrong passphrase is reported as such)", async () => {
    const opened = await openBundle(forged(SCRYPT_DEFAULTS), 'wrong passphrase');
    expect(!opened.ok && opened.error.code).toBe(ErrorCode.BundleWrongPassphrase);
  }, 30_000);
});
