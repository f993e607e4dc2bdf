import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { sealBundle } from '../../../main/bundle/bundle-crypto';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { MAX_PROFILE_NAME } from '../../../shared/domain/profile';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { buildBundlePayload } from '../../../shared/export/bundle-payload';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { requirePrivateKeyring } from '../support/private-keyring';
import { keychainAppServices } from '../support/keychain-app-services';
import { value } from '../support/result-value';

const GMA = resolve('out/cli/gma.mjs');
const PASSPHRASE = 'long names passphrase orchid 64';
const oproxy = fakeOproxyValues();
const LONG_INSTANCE = `Graph Mail ${'i'.repeat(159)}`; // 170 characters: a valid instance name, too long for a profile name

let dir: string;
let prefix: string;
let app: AppServices;

beforeAll(() => requirePrivateKeyring());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-names-'));
  prefix = `names-${randomBytes(4).toString('hex')}`;
  app = open();
});
afterEach(async () => {
  await open().profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

function open(): AppServices {
  return keychainAppServices({ dataDir: join(dir, 'data'), exportsDir: join(dir, 'exports'), secretStore: new KeytarSecretStore(keychainServiceName(prefix)), version: '0.0.0-test' });
}

function xsoarDraft(instanceName: string): ProfileDraft {
  const d = emptyDraft();
  return { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'soc@contoso.example' } };
}

/** The app's own export of a profile for `instanceName`, written to `fileName`; the profile is deleted afterwards. */
async function ownExport(instanceName: string, format: 'rest' | 'params', fileName: string): Promise<string> {
  const p = value(await app.profiles.create('Source', AuthMethod.XsoarApp));
  value(await app.secrets.setMany(p.id, [[SecretField.XsoarAppToken, oproxy.token], [SecretField.XsoarAppKey, oproxy.key]]));
  const built = value(await app.exportBuilder.build({ draft: xsoarDraft(instanceName), profileId: p.id, format, includeSecrets: true, confirmRebind: false }));
  value(await app.profiles.delete(p.id));
  const path = join(dir, fileName);
  await writeFile(path, built.files[0]!.data);
  return path;
}

function imported(r: Awaited<ReturnType<AppServices['imports']['importFile']>>) {
  const v = value(r);
  if (v.status !== 'imported') throw new Error(`expected an import, got ${v.status}`);
  return v;
}

/** After an import, a restart loads every profile: nothing was stored that the loader would set aside. */
async function reloadsCleanly(): Promise<void> {
  const listing = value(await open().profiles.list());
  expect(listing.notices).toEqual([]);
  expect(listing.damaged).toEqual([]);
  // Besides the diagnostics folder (`logs/`), only the profile file: no stray temp or lock files.
  expect((await readdir(join(dir, 'data'))).filter((f) => f !== 'logs')).toEqual(['profiles.json']);
}

describe('over-long and dirty names from every source are cleaned with a note, never stored invalid (case 4)', () => {
  it('re-importing the app’s own REST export of a 170-character instance name', async () => {
    const path = await ownExport(LONG_INSTANCE, 'rest', 'long.xsoar-instance.json');
    const r = imported(await app.imports.importFile(path));
    expect(r.profile.name).toBe(LONG_INSTANCE.slice(0, MAX_PROFILE_NAME));
    expect(r.profile.draft.mailbox.instanceName).toBe(LONG_INSTANCE);
    expect(r.warnings.join(' ')).toContain(`the name had 170 characters and was shortened to the first ${MAX_PROFILE_NAME}`);
    expect(await app.vault.get({ kind: 'profile', profileId: r.profile.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
    await reloadsCleanly();
  });

  it('a flat-params file with a 150-character file name', async () => {
    const path = await ownExport('Short instance', 'params', `${'F'.repeat(150)}.params.json`);
    const r = imported(await app.imports.importFile(path));
    expect(r.profile.name).toBe('F'.repeat(MAX_PROFILE_NAME));
    expect(r.warnings.join(' ')).toContain('shortened');
    await reloadsCleanly();
  });

  it('a bundle whose profile name is 180 characters with a bidi override', async () => {
    const source = await ownExport('Bundle instance', 'params', 'bundle-source.params.json');
    const params = JSON.parse(await readFile(source, 'utf8'));
    const payload = value(buildBundlePayload({ profile: { name: `Colleague\u202e ${'b'.repeat(169)}`, instanceName: 'Bundle instance' }, params, exportedAt: new Date().toISOString() }));
    const bundle = join(dir, 'long.gma-bundle');
    await writeFile(bundle, value(await sealBundle(payload, PASSPHRASE)));
    const r = imported(await app.imports.importFile(bundle, PASSPHRASE));
    expect(r.profile.name).toBe(`Colleague ${'b'.repeat(MAX_PROFILE_NAME - 10)}`);
    expect(r.warnings.join(' ')).toContain('text-direction characters were removed');
    expect(r.warnings.join(' ')).toContain('shortened');
    await reloadsCleanly();
  });

  it('a REST body whose name carries control characters, and one whose name is longer than any instance name', async () => {
    const path = await ownExport('Plain', 'rest', 'dirty.json');
    const body = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...body, name: 'SOC\u0007 Prod\u0085EU' }));
    const r = imported(await app.imports.importFile(path));
    expect(r.profile.name).toBe('SOC Prod EU');
    expect(r.warnings.join(' ')).toContain('control or text-direction characters were removed');

    const before = await readFile(join(dir, 'data', 'profiles.json'), 'utf8');
    await writeFile(path, JSON.stringify({ ...body, name: 'x'.repeat(300) }));
    const refused = await app.imports.importFile(path);
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.ImportInvalid, message: expect.stringContaining('300 characters') } });
    expect(await readFile(join(dir, 'data', 'profiles.json'), 'utf8')).toBe(before);
    await reloadsCleanly();
  });

  it('create and rename refuse an over-long or dirty name with a clear error and change nothing', async () => {
    expect(await app.profiles.create('n'.repeat(MAX_PROFILE_NAME + 1), null)).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid, fields: [{ field: 'name' }] } });
    const p = value(await app.profiles.create(`  ${'n'.repeat(MAX_PROFILE_NAME)}  `, null));
    expect(p.name).toBe('n'.repeat(MAX_PROFILE_NAME));
    expect(await app.profiles.rename(p.id, 'Bad\u202ename')).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid } });
    expect(await app.profiles.rename(p.id, 'x'.repeat(200))).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid } });
    expect(value(await open().profiles.list()).profiles.map((x) => x.name)).toEqual(['n'.repeat(MAX_PROFILE_NAME)]);
  });

  it('gma prints the note on stderr', async () => {
    const path = await ownExport(LONG_INSTANCE, 'rest', 'gma-long.xsoar-instance.json');
    const env = { ...process.env, GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: prefix };
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((ok) => {
      execFile(process.execPath, [GMA, 'import', path], { env, timeout: 60_000 }, (error, stdout, stderr) => ok({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }));
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('gma: warning: Profile name: the name had 170 characters and was shortened');
    expect(r.stdout).toContain(`imported profile "${LONG_INSTANCE.slice(0, MAX_PROFILE_NAME)}"`);
    await reloadsCleanly();
  });
});
