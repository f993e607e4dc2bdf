import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName, parseAccount } from '../../../main/secrets/secret-accounts';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { requirePrivateKeyring } from '../support/private-keyring';
import { keychainAppServices } from '../support/keychain-app-services';

const GMA = resolve('out/cli/gma.mjs');
const oproxy = fakeOproxyValues();
// How many gma runs the test may need until one is caught between its keychain writes and its commit.
const MAX_ATTEMPTS = 40;

let dir: string;
let env: Record<string, string>;
let store: KeytarSecretStore;
let app: AppServices;

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'gma-scan-race-'));
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `scan-race-${randomBytes(4).toString('hex')}` };
  store = new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX']));
  app = keychainAppServices({ dataDir: env['GMA_DATA_DIR']!, exportsDir: join(dir, 'exports'), secretStore: store });
});
afterAll(async () => {
  await app?.profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A REST body with the XSOAR-app Token and Key, exported by a throwaway profile that is then deleted. */
async function restFile(): Promise<string> {
  const p = value(await app.profiles.create('Throwaway', AuthMethod.XsoarApp));
  value(await app.secrets.setMany(p.id, [[SecretField.XsoarAppToken, oproxy.token], [SecretField.XsoarAppKey, oproxy.key]]));
  const d = emptyDraft();
  const draft = { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName: 'Imported by gma', mailboxToFetch: 'gma@contoso.example' } };
  const built = value(await app.exportBuilder.build({ draft, profileId: p.id, format: 'rest', includeSecrets: true, confirmRebind: false }));
  value(await app.profiles.delete(p.id));
  const path = join(dir, 'import-me.json');
  await writeFile(path, built.files[0]!.data);
  return path;
}

async function idsInFile(): Promise<Set<string>> {
  const text = await readFile(join(env['GMA_DATA_DIR']!, 'profiles.json'), 'utf8').catch(() => '{"profiles":[]}');
  return new Set((JSON.parse(text) as { profiles: Array<{ id: string }> }).profiles.map((p) => p.id));
}

/** Profile ids the keychain has items of, outside `known`. */
async function newIdsInKeychain(known: ReadonlySet<string>): Promise<string[]> {
  const ids = (await store.listAccounts()).map((a) => parseAccount(a)?.profileId ?? null);
  return [...new Set(ids.filter((id): id is string => id !== null && !known.has(id)))];
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode ?? 1);
    else child.on('exit', (code) => done(code ?? 1));
  });
}

describe('the leftover scan beside a real gma import (case 6, other process)', () => {
  it('a scan while gma has stored a profile’s secrets but not committed it deletes nothing of it; every import reads back whole', { timeout: 240_000 }, async () => {
    const file = await restFile();
    let caught = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && caught === 0; attempt += 1) {
      const known = await idsInFile();
      const child = spawn(process.execPath, [GMA, 'import', file, '--as-new'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      const exited = exitOf(child);
      try {
        // Watch the keychain until gma's first item appears, then freeze gma right there.
        let seen: string[] = [];
        while (seen.length === 0 && child.exitCode === null) seen = await newIdsInKeychain(known);
        if (seen.length > 0 && child.exitCode === null) child.kill('SIGSTOP');
        // Caught when gma stopped after storing secrets and before its profile is in the file.
        const inFile = await idsInFile();
        const pending = seen.filter((id) => !inFile.has(id));
        if (pending.length > 0 && child.exitCode === null) {
          caught += 1;
          process.stdout.write(`caught gma at attempt ${attempt + 1}\n`);
          // The app's scan runs now, with gma's secrets stored and its profile not yet committed.
          value(await app.profiles.removeOrphans());
          expect(await newIdsInKeychain(await idsInFile()), 'gma’s uncommitted items survive the scan').toEqual(pending);
        }
      } finally {
        child.kill('SIGCONT');
      }
      expect(await exited, err).toBe(0);
      // The app scans again once gma committed; nothing it stored is a leftover now.
      value(await app.profiles.removeOrphans());
    }
    expect(caught, `gma was never caught between its keychain writes and its commit in ${MAX_ATTEMPTS} runs`).toBe(1);

    // Nothing is lost: every profile gma imported has both secrets, whole.
    const imported = value(await app.profiles.list()).profiles;
    expect(imported.length).toBeGreaterThan(0);
    for (const p of imported) {
      expect([...p.secretFields].sort()).toEqual([SecretField.XsoarAppKey, SecretField.XsoarAppToken].sort());
      expect(await app.vault.get({ kind: 'profile', profileId: p.id }, SecretField.XsoarAppToken), p.name).toBe(oproxy.token);
      expect(await app.vault.get({ kind: 'profile', profileId: p.id }, SecretField.XsoarAppKey), p.name).toBe(oproxy.key);
    }
    // And nothing is left over: every keychain item belongs to a profile that records it.
    const recorded = new Map(imported.map((p) => [p.id, new Set<string>(p.secretFields)]));
    const unowned = (await store.listAccounts()).filter((a) => {
      const parsed = parseAccount(a);
      return parsed?.profileId == null || recorded.get(parsed.profileId)?.has(parsed.field) !== true;
    });
    expect(unowned).toEqual([]);
  });
});
