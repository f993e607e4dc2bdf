import { describe, expect, it } from 'vitest';
import { SecretVault } from '../../../../main/secrets/secret-vault';
import { encodeSecret } from '../../../../main/secrets/chunk-codec';
import { parseAccount } from '../../../../main/secrets/secret-accounts';
import { SecretField } from '../../../../shared/domain/secret-field';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';

const P = { kind: 'profile', profileId: 'a1b2c3d4-0000-4000-8000-000000000001' } as const;
const F = SecretField.SelfDeployedPrivateKey;

describe('SecretVault (in memory)', () => {
  it('keeps a short secret in one item and a long one in head + chunks', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set(P, SecretField.XsoarAppToken, 'short');
    expect([...store.items.keys()]).toEqual([`p/${P.profileId}/xsoar-app.token`]);
    const long = 'x'.repeat(10_000);
    await vault.set(P, F, long);
    const chunks = [...store.items.keys()].filter((a) => a.includes('#'));
    // About 1,900 bytes ride in the head, then 2,048 per chunk.
    expect(chunks).toHaveLength(4);
    expect(await vault.get(P, F)).toBe(long);
  });

  it('a first store of a field known to be absent is one keychain write and no read; otherwise the old head is read once', async () => {
    const store = new InMemorySecretStore();
    let reads = 0;
    const counting = Object.assign(Object.create(store) as InMemorySecretStore, {
      get: (account: string) => {
        reads += 1;
        return store.get(account);
      },
    });
    await new SecretVault(counting).set(P, SecretField.XsoarAppToken, 'first', 'absent');
    expect(reads).toBe(0);
    // A fresh vault (as after a restart) replacing a stored value must find the old head first.
    await new SecretVault(counting).set(P, SecretField.XsoarAppToken, 'second');
    expect(reads).toBe(1);
    expect(await new SecretVault(store).get(P, SecretField.XsoarAppToken)).toBe('second');
  });

  it('replacing a value deletes the old generation', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set(P, F, 'a'.repeat(8000));
    await vault.set(P, F, 'b'.repeat(3000));
    const generations = new Set([...store.items.keys()].map((a) => parseAccount(a)?.chunk?.generation).filter(Boolean));
    expect(generations.size).toBe(1);
    expect(await vault.get(P, F)).toBe('b'.repeat(3000));
  });

  it('a failed head write keeps the previous value and removes the new chunks', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set(P, F, 'old'.repeat(2000));
    const before = new Map(store.items);
    store.failAfterSets = Number.POSITIVE_INFINITY;
    // Let the chunks succeed and the head (the last write) fail.
    const chunkCount = encodeSecret('new'.repeat(3000), '0123456789abcdef').chunks.length;
    let writes = 0;
    const realSet = store.set.bind(store);
    store.set = async (account, value) => {
      writes += 1;
      if (writes > chunkCount) throw new Error('head write failed');
      return realSet(account, value);
    };
    await expect(vault.set(P, F, 'new'.repeat(3000))).rejects.toThrow('head write failed');
    expect(store.items).toEqual(before);
    expect(await vault.get(P, F)).toBe('old'.repeat(2000));
  });

  it('never returns a value whose chunk was altered or lost', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set(P, F, 'z'.repeat(6000));
    const chunk = [...store.items.keys()].find((a) => a.endsWith('.1'))!;
    store.items.set(chunk, store.items.get(chunk)!.replace(/^./, 'A'));
    await expect(vault.get(P, F)).rejects.toMatchObject({ problem: { code: 'secret/corrupt' } });
    store.items.delete(chunk);
    await expect(vault.get(P, F)).rejects.toMatchObject({ problem: { code: 'secret/corrupt' } });
  });

  it('require() reports a missing secret with its own code', async () => {
    await expect(new SecretVault(new InMemorySecretStore()).require(P, F)).rejects.toMatchObject({ problem: { code: 'secret/missing' } });
  });

  it('refuses secrets over the size limit before touching the keychain', async () => {
    const store = new InMemorySecretStore();
    await expect(new SecretVault(store).set(P, F, 'x'.repeat(256 * 1024 + 1))).rejects.toMatchObject({ problem: { code: 'secret/too-large' } });
    expect(store.items.size).toBe(0);
  });

  it('counts chunks no head points at as orphans', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set(P, F, 'v');
    store.items.set(`p/${P.profileId}/${F}#0123456789abcdef.0`, 'stale');
    store.items.set('not-ours', 'x');
    expect(await vault.findOrphans(new Set([P.profileId]))).toEqual([
      { owner: P.profileId, fields: [F], itemCount: 1 },
      { owner: 'unknown', fields: ['?'], itemCount: 1 },
    ]);
    expect(await vault.removeOrphans(new Set([P.profileId]))).toBe(2);
    expect(await vault.get(P, F)).toBe('v');
  });

  it('keeps app-wide secrets apart from profiles', async () => {
    const store = new InMemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set({ kind: 'app' }, SecretField.MsalTokenCache, '{}');
    await vault.set(P, F, 'v');
    expect(await vault.deleteProfile(P.profileId)).toBe(1);
    expect(await vault.get({ kind: 'app' }, SecretField.MsalTokenCache)).toBe('{}');
    expect(await vault.findOrphans(new Set())).toEqual([]);
  });
});
