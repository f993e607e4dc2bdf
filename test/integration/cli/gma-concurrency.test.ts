import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import { createCliServices } from '../../../main/cli/cli-services';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { value } from '../support/result-value';
import { GMA } from '../support/run-gma';
import { useSharedDataFolder, writeRestFile, type SharedDataFolder } from '../support/shared-data-folder';

const oproxy = fakeOproxyValues();

let shared: SharedDataFolder;
let dir: string;
let env: Record<string, string>;
let app: AppServices;
useSharedDataFolder('together', (started) => {
  shared = started;
  ({ dir, env, app } = started);
});

/** A REST body with secrets for instance "From gma", exported by a throwaway profile that is then deleted. */
const restFile = () => writeRestFile(shared, oproxy, 'From gma', 'from-gma.json');

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
