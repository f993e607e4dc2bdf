import { describe, expect, it } from 'vitest';
import { isRecent, LEFTOVER_GRACE_MS, timedGeneration, writtenAt } from '../../../../main/secrets/item-age';
import { parseAccount } from '../../../../main/secrets/secret-accounts';
import { SecretVault } from '../../../../main/secrets/secret-vault';
import { SecretField } from '../../../../shared/domain/secret-field';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';

const NOW = Date.parse('2026-12-01T22:00:00.000Z');
const window = { now: NOW, graceMs: LEFTOVER_GRACE_MS };
const OLD_ID = '11111111-0000-4000-8000-000000000001';
const NEW_ID = '22222222-0000-4000-8000-000000000002';
const LIVE_ID = '33333333-0000-4000-8000-000000000003';

/** A vault whose writes are dated `at` (epoch ms). */
const vaultAt = (store: InMemorySecretStore, at: () => number) => new SecretVault(store, () => timedGeneration(at()));

describe('generations record their write time', () => {
  it('fit the account scheme and read back', () => {
    const g = timedGeneration(NOW);
    expect(g).toMatch(/^[0-9a-f]{16}$/);
    expect(parseAccount(`p/${OLD_ID}/xsoar-app.key#${g}.0`)?.chunk?.generation).toBe(g);
    expect(writtenAt(g)).toBe(NOW);
    expect(timedGeneration(NOW)).not.toBe(g);
  });

  it('count as recent only within the grace period around now', () => {
    expect(isRecent(NOW - LEFTOVER_GRACE_MS + 1, window)).toBe(true);
    expect(isRecent(NOW - LEFTOVER_GRACE_MS - 1, window)).toBe(false);
    // A random generation of an earlier version decodes to some far time: not recent.
    expect(isRecent(writtenAt('ffffffffffffffff'), window)).toBe(false);
    expect(isRecent(null, window)).toBe(false);
  });
});

describe('the leftover scan with a grace period', () => {
  it('leaves recent items of an id no profile has (an import not committed yet), whole, and removes old ones', async () => {
    const store = new InMemorySecretStore();
    let at = NOW - 3_600_000;
    const vault = vaultAt(store, () => at);
    await vault.set({ kind: 'profile', profileId: OLD_ID }, SecretField.XsoarAppKey, 'old-key');
    await vault.set({ kind: 'profile', profileId: OLD_ID }, SecretField.SelfDeployedPrivateKey, 'P'.repeat(5000));
    // An import in another process: one large secret written long ago under an adopted id, one just now.
    await vault.set({ kind: 'profile', profileId: NEW_ID }, SecretField.SelfDeployedPrivateKey, 'Q'.repeat(5000));
    at = NOW - 1000;
    await vault.set({ kind: 'profile', profileId: NEW_ID }, SecretField.XsoarAppKey, 'new-key');
    const live = new Set([LIVE_ID]);

    expect(await vault.findOrphans(live, undefined, window)).toEqual([{ owner: OLD_ID, fields: [SecretField.SelfDeployedPrivateKey, SecretField.XsoarAppKey], itemCount: 4 }]);
    expect(await vault.removeOrphans(live, undefined, window)).toBe(4);
    expect(await vault.get({ kind: 'profile', profileId: NEW_ID }, SecretField.SelfDeployedPrivateKey)).toBe('Q'.repeat(5000));
    expect(await vault.get({ kind: 'profile', profileId: NEW_ID }, SecretField.XsoarAppKey)).toBe('new-key');
    // Once the grace period is over they are leftovers like any other.
    const later = { now: NOW + LEFTOVER_GRACE_MS, graceMs: LEFTOVER_GRACE_MS };
    expect(await vault.removeOrphans(live, undefined, later)).toBe(4);
    expect(store.items.size).toBe(0);
  });

  it('leaves a secret another process is writing to a live profile: new chunks before their head, a field not recorded yet', async () => {
    const store = new InMemorySecretStore();
    let at = NOW - 3_600_000;
    const vault = vaultAt(store, () => at);
    const scope = { kind: 'profile', profileId: LIVE_ID } as const;
    await vault.set(scope, SecretField.SelfDeployedPrivateKey, 'A'.repeat(5000));
    // The writer stored the new generation's chunks; its head still names the old one.
    at = NOW - 500;
    const g = timedGeneration(at);
    store.items.set(`p/${LIVE_ID}/${SecretField.SelfDeployedPrivateKey}#${g}.0`, 'B'.repeat(2000));
    await vault.set(scope, SecretField.XsoarAppKey, 'not-recorded-yet');
    const recorded = new Map([[LIVE_ID, new Set<string>([SecretField.SelfDeployedPrivateKey])]]);

    expect(await vault.findOrphans(new Set([LIVE_ID]), recorded, window)).toEqual([]);
    expect(await vault.removeOrphans(new Set([LIVE_ID]), recorded, window)).toBe(0);
    // Without the window (how the scan worked before) both would go.
    expect(await vault.findOrphans(new Set([LIVE_ID]), recorded)).toEqual([{ owner: LIVE_ID, fields: [SecretField.SelfDeployedPrivateKey, SecretField.XsoarAppKey], itemCount: 2 }]);
  });
});
