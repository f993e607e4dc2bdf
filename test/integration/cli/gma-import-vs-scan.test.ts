import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { ProperFileLock } from '../../../main/adapters/proper-file-lock';
import { parseAccount } from '../../../main/secrets/secret-accounts';
import { SecretField } from '../../../shared/domain/secret-field';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { value } from '../support/result-value';
import { GMA } from '../support/run-gma';
import { useSharedDataFolder, writeRestFile, type SharedDataFolder } from '../support/shared-data-folder';

const oproxy = fakeOproxyValues();
// How many gma runs the test may need until one is caught between its keychain writes and its commit.
const MAX_ATTEMPTS = 40;

let shared: SharedDataFolder;
let env: Record<string, string>;
let store: KeytarSecretStore;
let app: AppServices;
useSharedDataFolder('scan-race', (started) => {
  shared = started;
  ({ env, store, app } = started);
});

/** A REST body with the XSOAR-app Token and Key, exported by a throwaway profile that is then deleted. */
const restFile = () => writeRestFile(shared, oproxy, 'Imported by gma', 'import-me.json');

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Holds the profiles lock in turns of 200 ms with 60 ms gaps until gma's first keychain item shows up during a
 * hold; then stops gma (SIGSTOP) and returns the profile ids it stored but has not committed (empty when gma
 * committed in a gap, or finished).
 */
async function freezeBeforeCommit(child: ChildProcess, known: ReadonlySet<string>): Promise<string[]> {
  const lock = new ProperFileLock();
  const profilesFile = join(env['GMA_DATA_DIR']!, 'profiles.json');
  while (child.exitCode === null) {
    const pending = await lock.withLock(profilesFile, async (): Promise<string[] | null> => {
      const until = Date.now() + 200;
      while (Date.now() < until && child.exitCode === null) {
        const seen = await newIdsInKeychain(known);
        if (seen.length > 0) {
          child.kill('SIGSTOP');
          const inFile = await idsInFile();
          return seen.filter((id) => !inFile.has(id));
        }
      }
      return null;
    });
    if (pending !== null) return pending;
    await sleep(60);
  }
  return [];
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
        // Freeze gma after it stored secrets and before it committed them. Its commit needs the profiles lock, so
        // the test holds that lock most of the time (short gaps let gma's first load through) and looks for gma's
        // items only while holding it: what it sees then cannot have been committed since.
        const pending = await freezeBeforeCommit(child, known);
        if (pending.length > 0) {
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
