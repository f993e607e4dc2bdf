import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { ProfileStore, PROFILES_FILE } from '../../../main/profiles/profile-store';
import { ProfilesService } from '../../../main/services/profiles-service';
import { SecretVault } from '../../../main/secrets/secret-vault';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import type { Profile } from '../../../shared/domain/profile';
import { FakeClock } from '../../fakes/fake-clock';
import { InMemorySecretStore } from '../../fakes/in-memory-secret-store';
import { childCommand, startUntil } from '../support/run-child';
import { value } from '../support/result-value';
import { ProperFileLock } from '../../../main/adapters/proper-file-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newStore(clock = new FakeClock()): ProfileStore {
  return new ProfileStore(new NodeFileSystem(), dir, clock);
}

function newService(store = newStore(), clock = new FakeClock()) {
  let n = 0;
  return new ProfilesService(store, new SecretVault(new InMemorySecretStore()), clock, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
}

/** A bare profile record. */
function profile(id: string, name: string): Profile {
  return { id, name, nameSetByUser: true, draft: emptyDraft(), secretFields: [], createdAt: '2026-11-26T10:00:00.000Z', updatedAt: '2026-11-26T10:00:00.000Z', notes: '', secretExpiresAt: null, credentialEnds: [], resumeStep: 'method', verifiedChecks: [], secretVersions: {} };
}

describe('ProfileStore on disk', () => {
  it('writes one versioned JSON file, mode 0600, and reads it back', async () => {
    const service = newService();
    const created = value(await service.create('Prod SOC', 'managed-identity'));
    const path = join(dir, PROFILES_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const json = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number; profiles: Profile[] };
    expect(json.schemaVersion).toBe(3);
    expect(json.profiles).toEqual([created]);
    const reread = value(await newService().list());
    expect(reread).toEqual({ profiles: [created], notices: [], damaged: [] });
  });

  it('two concurrent saves of the same profile apply one after the other', async () => {
    const service = newService();
    const p = value(await service.create('Prod SOC', null));
    const a = { ...emptyDraft(), mailbox: { ...emptyDraft().mailbox, mailboxToFetch: 'a@contoso.example' } };
    const b = { ...emptyDraft(), mailbox: { ...emptyDraft().mailbox, mailboxToFetch: 'b@contoso.example' } };
    const [ra, rb, rn] = await Promise.all([service.saveDraft(p.id, a, 'mailbox'), service.saveDraft(p.id, b, 'review'), service.rename(p.id, 'Renamed')]);
    expect([ra.ok, rb.ok, rn.ok]).toEqual([true, true, true]);
    const onDisk = value(await newService().list()).profiles;
    expect(onDisk).toHaveLength(1);
    // The last write wins whole: draft and step of b, and the rename applied on top.
    expect(onDisk[0]).toMatchObject({ name: 'Renamed', resumeStep: 'review', draft: b });
    expect(await readdir(dir)).toEqual([PROFILES_FILE]);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['garbage', () => '\u0000\u0001 not json'],
    ['wrongly shaped', () => JSON.stringify({ schemaVersion: 1, profiles: { id: 'x' } })],
  ])('a %s file is moved aside, the user is told, and the app starts empty', async (_what, damage) => {
    const clock = new FakeClock(Date.parse('2026-11-26T11:22:33.444Z'));
    await newService(newStore(clock)).create('Prod SOC', null);
    const path = join(dir, PROFILES_FILE);
    const original = await readFile(path, 'utf8');
    await writeFile(path, damage(original));
    const service = newService(newStore(clock));
    const listing = value(await service.list());
    expect(listing.profiles).toEqual([]);
    expect(listing.notices).toHaveLength(1);
    const aside = `${PROFILES_FILE}.corrupt-2026-11-26T11-22-33-444Z`;
    expect(listing.notices[0]).toContain(aside);
    expect((await readdir(dir)).sort()).toEqual([PROFILES_FILE + '.corrupt-2026-11-26T11-22-33-444Z']);
    expect(await readFile(join(dir, aside), 'utf8')).toBe(damage(original));
    // And the app keeps working.
    value(await service.create('Fresh', null));
    expect(value(await newService().list()).profiles.map((p) => p.name)).toEqual(['Fresh']);
  });

  it('whileLocked reads the file as another store left it and holds every other store’s change until it is done', async () => {
    // Two stores on one folder with the real cross-process lock stand for the app and gma.
    const app = new ProfileStore(new NodeFileSystem(), dir, new FakeClock(), new ProperFileLock());
    const gma = new ProfileStore(new NodeFileSystem(), dir, new FakeClock(), new ProperFileLock());
    expect(await app.list()).toEqual([]);
    await gma.mutate((all) => ({ profiles: [...all, profile('00000000-0000-4000-8000-000000000001', 'From gma')], result: null }));
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((go) => (release = go));
    let entered!: () => void;
    const inside = new Promise<void>((go) => (entered = go));
    const scan = app.whileLocked(async (contents) => {
      events.push(`scan saw ${contents.profiles.map((p) => p.name).join(',')}`);
      entered();
      await gate;
      events.push('scan done');
    });
    await inside;
    const write = gma.mutate((all) => ({ profiles: [...all, profile('00000000-0000-4000-8000-000000000002', 'Second')], result: null })).then(() => events.push('gma wrote'));
    // The other store's change waits for the lock; let the scan finish only after it has surely tried.
    await new Promise((r) => setTimeout(r, 300));
    events.push('releasing');
    release();
    await Promise.all([scan, write]);
    expect(events).toEqual(['scan saw From gma', 'releasing', 'scan done', 'gma wrote']);
    expect((await app.list()).map((p) => p.name)).toEqual(['From gma', 'Second']);
  });

  it('migrates an unversioned (schema 0) file and fills in new fields', async () => {
    const legacy = [
      { id: '1b2c3d4e-0000-4000-8000-000000000001', name: 'Old', draft: { method: 'managed-identity', mailbox: { mailboxToFetch: 'x@contoso.example' } }, createdAt: 't', updatedAt: 't' },
    ];
    await writeFile(join(dir, PROFILES_FILE), JSON.stringify(legacy));
    const listing = value(await newService().list());
    expect(listing.notices[0]).toContain('upgraded from schema 0 to 3');
    expect(listing.profiles[0]).toMatchObject({ name: 'Old', resumeStep: 'method', secretExpiresAt: null, credentialEnds: [], notes: '', secretFields: [] });
    // Missing draft fields take the defaults; given ones are kept.
    expect(listing.profiles[0]?.draft.mailbox.mailboxToFetch).toBe('x@contoso.example');
    expect(listing.profiles[0]?.draft.mailbox.folderToFetch).toBe('Inbox');
  });

  it('leaves a file from a newer version alone and refuses to change it', async () => {
    const text = JSON.stringify({ schemaVersion: 99, profiles: [] });
    await writeFile(join(dir, PROFILES_FILE), text);
    const service = newService();
    expect(value(await service.list()).notices[0]).toContain('newer version');
    const r = await service.create('New', null);
    expect(r).toMatchObject({ ok: false, error: { code: 'profile/file-too-new' } });
    expect(await readFile(join(dir, PROFILES_FILE), 'utf8')).toBe(text);
  });

  it('a process killed between writing the temp file and renaming it leaves the previous version intact', async () => {
    await newService().create('Before the crash', null);
    const path = join(dir, PROFILES_FILE);
    const before = await readFile(path, 'utf8');
    const argv = childCommand(['crash-mid-write', dir]);
    const { child, line } = await startUntil(argv, 'paused ');
    const temp = line.slice('paused '.length);
    // The new version is complete on disk, but not yet in place.
    expect(await readFile(temp, 'utf8')).toContain('Renamed by the crashing process');
    const exited = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect(await readFile(path, 'utf8')).toBe(before);
    const listing = value(await newService().list());
    expect(listing.profiles.map((p) => p.name)).toEqual(['Before the crash']);
    // The next start removes the interrupted write's temp file.
    expect(await readdir(dir)).toEqual([PROFILES_FILE]);
  });
});
