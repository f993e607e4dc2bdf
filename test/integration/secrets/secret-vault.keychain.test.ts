import { beforeAll, describe, expect, it } from 'vitest';
import { SecretVault } from '../../../main/secrets/secret-vault';
import { encodeSecret } from '../../../main/secrets/chunk-codec';
import { SecretField } from '../../../shared/domain/secret-field';
import { CheckedStore, freshKeytarStore, requirePrivateKeyring, secretOfBytes, secretToolAccounts, secretToolLookup } from '../support/private-keyring';

const PROFILE = { kind: 'profile', profileId: '4b9d7a52-1c1e-4f7e-9a53-0d2f4c1b8e11' } as const;
const KEY = SecretField.SelfDeployedPrivateKey;

beforeAll(() => {
  requirePrivateKeyring();
});

function setup() {
  const keytar = freshKeytarStore();
  const store = new CheckedStore(keytar);
  return { keytar, store, vault: new SecretVault(store) };
}

describe('SecretVault on the real keychain (keytar + gnome-keyring)', () => {
  it.each([
    ['1 B', 1],
    ['2,049 B', 2049],
    ['16 KiB', 16 * 1024],
    ['64 KiB', 64 * 1024],
  ])('round-trips a %s secret byte for byte, every item ≤ 2,048 bytes', async (_label, bytes) => {
    const { keytar, store, vault } = setup();
    const value = secretOfBytes(bytes, bytes);
    expect(Buffer.byteLength(value, 'utf8')).toBe(bytes);
    await vault.set(PROFILE, KEY, value);
    const back = await vault.get(PROFILE, KEY);
    expect(Buffer.from(back ?? '', 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
    expect(store.writeSizes.length).toBeGreaterThan(0);
    expect(Math.max(...store.writeSizes)).toBeLessThanOrEqual(2048);
    // A fresh vault (as after a restart) reads the same bytes.
    expect(await new SecretVault(keytar).get(PROFILE, KEY)).toBe(value);
    await vault.deleteProfile(PROFILE.profileId);
  });

  it('writes items secret-tool can see, and deleting the profile removes every one', async () => {
    const { keytar, vault } = setup();
    const pem = secretOfBytes(5000);
    await vault.set(PROFILE, KEY, pem);
    await vault.set(PROFILE, SecretField.SelfDeployedClientSecret, 'cs~short-secret');
    const accounts = await secretToolAccounts(keytar.service);
    expect(accounts).toContain(`p/${PROFILE.profileId}/${SecretField.SelfDeployedClientSecret}`);
    expect(accounts).toContain(`p/${PROFILE.profileId}/${KEY}`);
    expect(accounts.filter((a) => a.startsWith(`p/${PROFILE.profileId}/${KEY}#`))).toHaveLength(encodeSecret(pem, '0').chunks.length);
    const head = await secretToolLookup(keytar.service, `p/${PROFILE.profileId}/${SecretField.SelfDeployedClientSecret}`);
    expect(head).toContain('"v":1');
    expect(await vault.deleteProfile(PROFILE.profileId)).toBe(accounts.length);
    expect(await secretToolAccounts(keytar.service)).toEqual([]);
    expect(await vault.get(PROFILE, KEY)).toBeNull();
  });

  it('two concurrent saves of the same secret leave one whole value and no stray chunks', async () => {
    const { keytar, vault } = setup();
    const first = secretOfBytes(9000, 1);
    const second = secretOfBytes(7000, 2);
    await Promise.all([vault.set(PROFILE, KEY, first), vault.set(PROFILE, KEY, second)]);
    expect(await vault.get(PROFILE, KEY)).toBe(second);
    // Head + chunks of exactly one generation remain.
    const accounts = await keytar.listAccounts();
    const generations = new Set(accounts.filter((a) => a.includes('#')).map((a) => a.split('#')[1]!.split('.')[0]));
    expect(generations.size).toBe(1);
    expect(await vault.findOrphans(new Set([PROFILE.profileId]))).toEqual([]);
    await vault.deleteAll();
  });

  it('a write that fails half-way leaves the previous value readable and nothing behind', async () => {
    const { keytar, store, vault } = setup();
    const previous = secretOfBytes(6000, 3);
    await vault.set(PROFILE, KEY, previous);
    const before = (await keytar.listAccounts()).sort();
    store.failWrite(3);
    await expect(vault.set(PROFILE, KEY, secretOfBytes(20_000, 4))).rejects.toThrow(/half-way/);
    expect(await vault.get(PROFILE, KEY)).toBe(previous);
    expect((await keytar.listAccounts()).sort()).toEqual(before);
    await vault.deleteAll();
  });

  it('lists items whose profile is gone and removes them', async () => {
    const { keytar, vault } = setup();
    const gone = { kind: 'profile', profileId: 'deadbeef-0000-4000-8000-000000000000' } as const;
    await vault.set(PROFILE, SecretField.XsoarAppToken, 'live-token');
    const leftover = secretOfBytes(3000);
    await vault.set(gone, SecretField.XsoarAppKey, leftover);
    const orphans = await vault.findOrphans(new Set([PROFILE.profileId]));
    expect(orphans).toEqual([{ owner: gone.profileId, fields: [SecretField.XsoarAppKey], itemCount: 1 + encodeSecret(leftover, '0').chunks.length }]);
    expect(await vault.removeOrphans(new Set([PROFILE.profileId]))).toBe(1 + encodeSecret(leftover, '0').chunks.length);
    expect(await keytar.listAccounts()).toEqual([`p/${PROFILE.profileId}/${SecretField.XsoarAppToken}`]);
    expect(await vault.get(PROFILE, SecretField.XsoarAppToken)).toBe('live-token');
    await vault.deleteAll();
  });

  it('refuses an item over 2,048 bytes at the adapter itself', async () => {
    const keytar = freshKeytarStore();
    await expect(keytar.set('p/x/y', 'a'.repeat(2049))).rejects.toThrow(/exceeds the 2048-byte limit/);
    expect(await keytar.listAccounts()).toEqual([]);
  });
});
