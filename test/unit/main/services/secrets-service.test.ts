import { describe, expect, it } from 'vitest';
import { SecretsService, CLIPBOARD_CLEAR_MS } from '../../../../main/services/secrets-service';
import { ProfilesService } from '../../../../main/services/profiles-service';
import { ProfileStore } from '../../../../main/profiles/profile-store';
import { SecretVault } from '../../../../main/secrets/secret-vault';
import type { FileSystem } from '../../../../main/ports/file-system';
import { SecretField } from '../../../../shared/domain/secret-field';
import { FakeClock } from '../../../fakes/fake-clock';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';
import { RecordingClipboard } from '../../../fakes/recording-clipboard';

/** A file system in memory: the services under test need only its contract. */
class MemoryFs implements FileSystem {
  readonly files = new Map<string, string>();
  async writeFileAtomic(path: string, data: string | Uint8Array) {
    this.files.set(path, String(data));
  }
  async readTextFile(path: string) {
    return this.files.get(path) ?? null;
  }
  async readFileBytes(path: string) {
    const text = this.files.get(path);
    return text === undefined ? null : new TextEncoder().encode(text);
  }
  async rename(from: string, to: string) {
    this.files.set(to, this.files.get(from) ?? '');
    this.files.delete(from);
  }
  async ensureDir() {}
  async listDir() {
    return [];
  }
  async remove(path: string) {
    this.files.delete(path);
  }
}

async function setup() {
  const clock = new FakeClock();
  const store = new ProfileStore(new MemoryFs(), '/data', clock);
  const keychain = new InMemorySecretStore();
  const vault = new SecretVault(keychain);
  const clipboard = new RecordingClipboard();
  const profiles = new ProfilesService(store, vault, clock);
  const secrets = new SecretsService(store, vault, clipboard, clock);
  const created = await profiles.create('Prod', 'xsoar-app');
  if (!created.ok) throw new Error('create failed');
  return { clock, keychain, clipboard, profiles, secrets, id: created.value.id, store };
}

describe('SecretsService', () => {
  it('set records the field; reveal returns the value; delete forgets both', async () => {
    const { secrets, id, store } = await setup();
    expect(await secrets.set(id, SecretField.SelfDeployedClientSecret, 'k-123')).toEqual({ ok: true, value: { secretFields: ['self-deployed.client-secret'] } });
    expect(await secrets.reveal(id, SecretField.SelfDeployedClientSecret)).toEqual({ ok: true, value: { value: 'k-123' } });
    expect(await secrets.delete(id, SecretField.SelfDeployedClientSecret)).toEqual({ ok: true, value: { secretFields: [] } });
    expect((await store.get(id))?.secretFields).toEqual([]);
  });

  it('copy puts the secret on the clipboard and clears it after 30 s', async () => {
    const { secrets, id, clipboard, clock } = await setup();
    await secrets.set(id, SecretField.SelfDeployedClientSecret, 'tok-secret');
    expect(await secrets.copy(id, SecretField.SelfDeployedClientSecret)).toEqual({ ok: true, value: { clearsAfterSeconds: 30 } });
    expect(clipboard.text).toBe('tok-secret');
    clock.advance(CLIPBOARD_CLEAR_MS - 1);
    expect(clipboard.text).toBe('tok-secret');
    clock.advance(1);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(clipboard.text).toBe('');
  });

  it('copy leaves the clipboard alone if the user copied something else since', async () => {
    const { secrets, id, clipboard, clock } = await setup();
    await secrets.set(id, SecretField.SelfDeployedClientSecret, 'tok-secret');
    await secrets.copy(id, SecretField.SelfDeployedClientSecret);
    await clipboard.writeText('my own text');
    clock.advance(CLIPBOARD_CLEAR_MS);
    await new Promise((r) => setImmediate(r));
    expect(clipboard.text).toBe('my own text');
  });

  it('a keychain failure leaves the profile record unchanged', async () => {
    const { secrets, id, keychain, store } = await setup();
    const before = await store.get(id);
    keychain.failNextSets = 1;
    const r = await secrets.set(id, SecretField.SelfDeployedClientSecret, 'k');
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain/unavailable' } });
    expect(await store.get(id)).toEqual(before);
  });

  it('refuses a value the integration would reject before it reaches the keychain', async () => {
    const { secrets, id, keychain } = await setup();
    const before = keychain.items.size;
    const r = await secrets.set(id, SecretField.XsoarAppKey, 'not base64!');
    expect(r).toMatchObject({ ok: false, error: { code: 'config/invalid', fields: [{ field: 'xsoar-app.key' }] } });
    expect(keychain.items.size).toBe(before);
  });

  it('duplicate leaves instance-bound values behind', async () => {
    const { secrets, profiles, id } = await setup();
    await secrets.set(id, SecretField.XsoarAppKey, 'q83vEjRWeJq83vEjRWeJqw==');
    await secrets.set(id, SecretField.SelfDeployedAuthCode, 'one-time-code');
    await secrets.set(id, SecretField.SelfDeployedClientSecret, 'cs-value');
    const dup = await profiles.duplicate(id);
    if (!dup.ok) throw new Error(dup.error.message);
    expect(dup.value.secretFields).toEqual(['self-deployed.client-secret']);
    expect(await secrets.reveal(dup.value.id, SecretField.XsoarAppKey)).toMatchObject({ ok: false });
    expect(dup.value.draft.xsoarApp).toEqual({ id: '', boundInstanceName: '' });
  });

  it('duplicate copies the secrets under the new profile; delete removes only its own', async () => {
    const { secrets, profiles, id, keychain } = await setup();
    await secrets.set(id, SecretField.SelfDeployedPrivateKey, 'k'.repeat(3000));
    const dup = await profiles.duplicate(id);
    if (!dup.ok) throw new Error(dup.error.message);
    expect(dup.value.name).toBe('Prod (copy)');
    expect(await secrets.reveal(dup.value.id, SecretField.SelfDeployedPrivateKey)).toEqual({ ok: true, value: { value: 'k'.repeat(3000) } });
    await profiles.delete(id);
    expect([...keychain.items.keys()].every((a) => a.startsWith(`p/${dup.value.id}/`))).toBe(true);
    const forgot = await profiles.forgetEverything();
    expect(forgot).toEqual({ ok: true, value: { profilesDeleted: 1, itemsDeleted: 2, connectionsDeleted: 0 } });
    expect(keychain.items.size).toBe(0);
  });

  it('setMany records every secret with one file write, and on a failure records those that were stored', async () => {
    const { secrets, id, keychain, store } = await setup();
    const r = await secrets.setMany(id, [
      [SecretField.SelfDeployedPrivateKey, 't'],
      [SecretField.SelfDeployedClientSecret, 'k'],
    ]);
    expect(r).toEqual({ ok: true, value: { secretFields: ['self-deployed.private-key', 'self-deployed.client-secret'] } });
    keychain.failAfterSets = keychain.items.size + 1; // the second of the next writes fails
    const partial = await secrets.setMany(id, [
      [SecretField.SelfDeployedAuthCode, 'cs'],
      [SecretField.XsoarAppKey, 'q83vEjRWeJq83vEjRWeJqw=='],
    ]);
    expect(partial).toMatchObject({ ok: false, error: { code: 'keychain/unavailable' } });
    expect((await store.get(id))?.secretFields).toEqual(['self-deployed.private-key', 'self-deployed.client-secret', 'self-deployed.auth-code']);
  });
});
