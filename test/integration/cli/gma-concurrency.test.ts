import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { createCliServices } from '../../../main/cli/cli-services';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { requirePrivateKeyring } from '../support/private-keyring';
import { keychainAppServices } from '../support/keychain-app-services';

const GMA = resolve('out/cli/gma.mjs');
const oproxy = fakeOproxyValues();

let dir: string;
let env: Record<string, string>;
let app: AppServices;

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'gma-together-'));
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `together-${randomBytes(4).toString('hex')}` };
  app = keychainAppServices({ dataDir: env['GMA_DATA_DIR']!, exportsDir: join(dir, 'exports'), secretStore: new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'])) });
});
afterAll(async () => {
  await app?.profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A REST body with secrets for instance "From gma", exported by a throwaway profile that is then deleted. */
async function restFile(): Promise<string> {
  const p = value(await app.profiles.create('Throwaway', AuthMethod.XsoarApp));
  value(await app.secrets.setMany(p.id, [[SecretField.XsoarAppToken, oproxy.token], [SecretField.XsoarAppKey, oproxy.key]]));
  const d = emptyDraft();
  const draft = { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName: 'From gma', mailboxToFetch: 'gma@contoso.example' } };
  const built = value(await app.exportBuilder.build({ draft, profileId: p.id, format: 'rest', includeSecrets: true, confirmRebind: false }));
  value(await app.profiles.delete(p.id));
  const path = join(dir, 'from-gma.json');
  await writeFile(path, built.files[0]!.data);
  return path;
}

describe('gma and the app on the same data folder (case 6)', () => {
  it('a gma import while the app keeps saving: neither loses the other’s change', async () => {
    const file = await restFile();
    const mine = value(await app.profiles.create('App profile 0', AuthMethod.ManagedIdentity));
    // The app has the list loaded (what used to be rewritten from its cache).
    expect(value(await app.profiles.list()).profiles.map((p) => p.name)).toEqual(['App profile 0']);

    const child = spawn(process.execPath, [GMA, 'import', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? 1)));

    // The app saves over and over while gma runs, and once more after it finished.
    let saves = 0;
    while ((child.exitCode === null && child.signalCode === null) || saves === 0) {
      saves += 1;
      value(await app.profiles.rename(mine.id, `App profile ${saves}`));
    }
    const code = await exited;
    expect(code, err).toBe(0);
    expect(out).toContain('imported profile "From gma"');
    saves += 1;
    value(await app.profiles.rename(mine.id, `App profile ${saves}`));
    const d = emptyDraft();
    value(await app.profiles.saveDraft(mine.id, { ...d, method: AuthMethod.ManagedIdentity, mailbox: { ...d.mailbox, instanceName: 'App instance', mailboxToFetch: 'app@contoso.example' } }, 'review'));

    // The app sees gma's profile; gma sees the app's last change; the file holds both.
    const seenByApp = value(await app.profiles.list()).profiles;
    expect(seenByApp.map((p) => p.name).sort()).toEqual([`App profile ${saves}`, 'From gma']);
    const seenByGma = value(await createCliServices(env, 'test').profiles.list()).profiles;
    expect(seenByGma).toEqual(seenByApp);
    const file2 = JSON.parse(await readFile(join(env['GMA_DATA_DIR']!, 'profiles.json'), 'utf8')) as { profiles: Array<{ name: string }> };
    expect(file2.profiles.map((p) => p.name).sort()).toEqual([`App profile ${saves}`, 'From gma']);

    // gma's secrets are owned by its visible profile, not leftovers.
    const imported = seenByApp.find((p) => p.name === 'From gma')!;
    expect(await app.vault.get({ kind: 'profile', profileId: imported.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
    expect(value(await app.profiles.listOrphans())).toEqual([]);
    // Besides the diagnostics folder (`logs/`), only the profile file: no stray temp or lock files.
    expect((await readdir(env['GMA_DATA_DIR']!)).filter((f) => f !== 'logs')).toEqual(['profiles.json']);
  });

  it('the app imports while gma lists: both succeed on a consistent file', async () => {
    const file = join(dir, 'from-gma.json');
    const listing = spawn(process.execPath, [GMA, 'profiles', 'list'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    listing.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number>((done) => listing.on('exit', (code) => done(code ?? 1)));
    const r = value(await app.imports.importFile(file, undefined, 'as-new'));
    expect(r.status).toBe('imported');
    expect(await exited).toBe(0);
    expect(out).toContain('From gma');
    const names = value(await createCliServices(env, 'test').profiles.list()).profiles.map((p) => p.name);
    expect(names).toContain('From gma (2)');
  });
});
