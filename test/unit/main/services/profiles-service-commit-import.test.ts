import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { ProfileStore } from '../../../../main/profiles/profile-store';
import { SecretVault } from '../../../../main/secrets/secret-vault';
import { ProfilesService } from '../../../../main/services/profiles-service';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import { SecretField } from '../../../../shared/domain/secret-field';
import { FakeClock } from '../../../fakes/fake-clock';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';

/** Holds the second write (the first item is stored by then) until the test lets it go. */
class GatedStore extends InMemorySecretStore {
  reached!: Promise<void>;
  private arrive!: () => void;
  private release!: () => void;
  private readonly gate = new Promise<void>((go) => (this.release = go));
  private writes = 0;

  constructor() {
    super();
    this.reached = new Promise((r) => (this.arrive = r));
  }

  override async set(account: string, data: string): Promise<void> {
    this.writes += 1;
    if (this.writes === 2) {
      this.arrive();
      await this.gate;
    }
    return super.set(account, data);
  }

  open(): void {
    this.release();
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-commit-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('ProfilesService.commitImport', () => {
  it('the leftover scan leaves alone the items of an import still being written', async () => {
    const keychain = new GatedStore();
    const vault = new SecretVault(keychain);
    const clock = new FakeClock();
    const service = new ProfilesService(new ProfileStore(new NodeFileSystem(), dir, clock), vault, clock, () => '11111111-0000-4000-8000-000000000001');
    const d = emptyDraft();
    const pending = service.commitImport({
      name: 'Imported',
      draft: { ...d, method: AuthMethod.XsoarApp },
      secrets: [[SecretField.XsoarAppKey, 'k'.repeat(44)], [SecretField.XsoarAppToken, 't'.repeat(300)]],
      preferredId: null,
      replaceId: null,
    });
    await keychain.reached;
    // A stray item of a profile that never existed is a leftover all the same.
    keychain.items.set('p/22222222-0000-4000-8000-000000000002/xsoar-app.key', 'x');
    // The scan runs while the import's first secret is stored and its second is still to be written.
    expect(keychain.items.has('p/11111111-0000-4000-8000-000000000001/xsoar-app.key')).toBe(true);
    const removed = value(await service.removeOrphans());
    keychain.open();
    const profile = value(await pending).profile;
    expect(removed.removed).toBe(1);
    expect(profile.secretFields).toEqual([SecretField.XsoarAppKey, SecretField.XsoarAppToken]);
    expect(await vault.get({ kind: 'profile', profileId: profile.id }, SecretField.XsoarAppKey)).toBe('k'.repeat(44));
    expect(await vault.get({ kind: 'profile', profileId: profile.id }, SecretField.XsoarAppToken)).toBe('t'.repeat(300));
    expect(value(await service.listOrphans())).toEqual([]);
  });

  it('refuses an invalid name and writes nothing', async () => {
    const keychain = new InMemorySecretStore();
    const clock = new FakeClock();
    const service = new ProfilesService(new ProfileStore(new NodeFileSystem(), dir, clock), new SecretVault(keychain), clock);
    const r = await service.commitImport({ name: 'x'.repeat(121), draft: emptyDraft(), secrets: [[SecretField.XsoarAppKey, 'k'.repeat(44)]], preferredId: null, replaceId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'config/invalid' } });
    expect(keychain.items.size).toBe(0);
  });
});
