import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppServices } from '../../../main/app/app-services';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { SecretField } from '../../../shared/domain/secret-field';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { keychainAppServices } from '../support/keychain-app-services';
import { value } from '../support/result-value';

const KEEP_KEY = Buffer.alloc(32, 1).toString('base64');
const HURT_KEY = Buffer.alloc(32, 2).toString('base64');
let dir: string;
let store: KeytarSecretStore;

beforeAll(() => requirePrivateKeyring());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-damaged-'));
  store = freshKeytarStore();
});
afterEach(async () => {
  await open().profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh app instance over the same data folder and keychain (a restart). */
function open(): AppServices {
  return keychainAppServices({ dataDir: join(dir, 'data'), exportsDir: join(dir, 'exports'), secretStore: store, version: '0.0.0-test' });
}

describe('a damaged profile entry (case 4: an over-long name written by an older version)', () => {
  it('is set aside on its own, kept in the file, exported raw or deleted with its secrets; the others load', async () => {
    const app = open();
    const keep = value(await app.profiles.create('Keep me', AuthMethod.XsoarApp));
    const hurt = value(await app.profiles.create('Will be damaged', AuthMethod.XsoarApp));
    value(await app.secrets.set(keep.id, SecretField.XsoarAppKey, KEEP_KEY));
    value(await app.secrets.set(hurt.id, SecretField.XsoarAppKey, HURT_KEY));
    // What an older version could write: a 150-character name.
    const path = join(dir, 'data', 'profiles.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    file.profiles[1] = { ...file.profiles[1], name: 'N'.repeat(150) };
    await writeFile(path, JSON.stringify(file));

    const restarted = open();
    const listing = value(await restarted.profiles.list());
    expect(listing.profiles.map((p) => p.id)).toEqual([keep.id]);
    expect(listing.notices.join(' ')).toContain('1 profile entry in the profiles file could not be read and was set aside');
    expect(listing.damaged).toHaveLength(1);
    expect(listing.damaged[0]).toMatchObject({ name: 'N'.repeat(150), profileId: hurt.id });
    expect(listing.damaged[0]?.reason).toContain('name');
    expect(await readdir(join(dir, 'data'))).not.toContain(expect.stringContaining('corrupt'));

    // Its secrets are not leftovers while the entry waits for a decision.
    expect(value(await restarted.profiles.listOrphans())).toEqual([]);

    // A later save keeps the entry in the file, outside the profiles list.
    value(await restarted.profiles.rename(keep.id, 'Kept'));
    const saved = JSON.parse(await readFile(path, 'utf8')) as { profiles: unknown[]; damaged: Array<{ entry: { id: string } }> };
    expect(saved.profiles).toHaveLength(1);
    expect(saved.damaged.map((d) => d.entry.id)).toEqual([hurt.id]);

    const key = listing.damaged[0]!.key;
    const exported = value(await restarted.damagedProfiles.exportRaw(key));
    expect(exported.status).toBe('saved');
    if (exported.status !== 'saved') return;
    expect(JSON.parse(await readFile(exported.path, 'utf8'))).toMatchObject({ id: hurt.id, name: 'N'.repeat(150) });

    expect(value(await restarted.damagedProfiles.delete(key))).toEqual({ deletedItems: 1 });
    expect((await store.listAccounts()).some((a) => a.includes(hurt.id))).toBe(false);
    expect(await restarted.vault.get({ kind: 'profile', profileId: keep.id }, SecretField.XsoarAppKey)).toBe(KEEP_KEY);
    const after = value(await open().profiles.list());
    expect(after.damaged).toEqual([]);
    expect(after.profiles.map((p) => p.name)).toEqual(['Kept']);
  });

  it('the whole file is moved aside only when it is not JSON at all', async () => {
    const app = open();
    value(await app.profiles.create('Soon lost', null));
    await writeFile(join(dir, 'data', 'profiles.json'), '{"schemaVersion":1,"profiles":[{"id"');
    const listing = value(await open().profiles.list());
    expect(listing.profiles).toEqual([]);
    expect(listing.notices[0]).toContain('moved aside');
    expect((await readdir(join(dir, 'data'))).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true);
  });
});
