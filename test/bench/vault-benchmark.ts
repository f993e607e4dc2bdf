/**
 * Benchmark (a script, not a test): save + load of one profile with six
 * secrets through the real services, against the same six values written
 * and read with raw keychain calls.
 *
 * The six: the five profile secrets at realistic sizes (a 4 KiB PEM among
 * them) plus the app-wide MSAL token cache written alongside. Save = the
 * five through `SecretsService.setMany` (one profiles-file write, with
 * fsync) and the cache through the vault; load = a fresh profile store
 * reading the file and a fresh vault reading all six. Raw = one set and one
 * get per value through the keytar adapter, with no manifest, no hash and
 * no file; the PEM needs two raw items because the adapter refuses items
 * over 2,048 bytes. Target: ≤ 1.5×.
 *
 * And one small secret (a 40-character client secret), set then read back, against one raw set and one raw
 * get: first stored (the field is not yet stored, as when the wizard saves it; target ≤ 1.2×) and replaced
 * by a fresh vault, as after a restart (the vault must read the old head to find its chunks).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store';
import { NodeFileSystem } from '../../main/adapters/node-file-system';
import { SystemClock } from '../../main/adapters/system-clock';
import { ProfileStore } from '../../main/profiles/profile-store';
import { keychainServiceName } from '../../main/secrets/secret-accounts';
import { SecretVault } from '../../main/secrets/secret-vault';
import { ProfilesService } from '../../main/services/profiles-service';
import { SecretsService } from '../../main/services/secrets-service';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { RecordingClipboard } from '../fakes/recording-clipboard';
import { alternate, ratioResult, type BenchResult } from './bench-result';

const RUNS = 31;
const WARMUP = 3;

function pem(bytes: number): string {
  const header = '-----BEGIN PRIVATE KEY-----\n';
  const footer = '\n-----END PRIVATE KEY-----\n';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let body = '';
  for (let i = 0; body.length < bytes - header.length - footer.length; i++) body += (body.length + 1) % 65 === 0 ? '\n' : alphabet[(i * 7919) % 64];
  return header + body + footer;
}

const PROFILE_SECRETS: ReadonlyArray<readonly [ProfileSecretField, string]> = [
  [SecretField.XsoarAppToken, 'T'.repeat(64)],
  // A Key must be Base64 of a 32-byte AES key (the secrets service checks it).
  [SecretField.XsoarAppKey, `${'K'.repeat(43)}=`],
  [SecretField.SelfDeployedClientSecret, 'Qx8~'.repeat(10)],
  [SecretField.SelfDeployedPrivateKey, pem(4096)],
  [SecretField.SelfDeployedAuthCode, '0.AV'.repeat(300)],
];
const TOKEN_CACHE = JSON.stringify({ Account: {}, IdToken: {}, AccessToken: { k: 'a'.repeat(1300) }, RefreshToken: {}, AppMetadata: {} });
const ALL_VALUES = [...PROFILE_SECRETS.map(([, v]) => v), TOKEN_CACHE];
const APP = { kind: 'app' } as const;


async function rawRound(raw: KeytarSecretStore, run: number): Promise<number> {
  const t = performance.now();
  const items = ALL_VALUES.flatMap((v, i) => (v.length > 2048 ? [[`${run}/${i}`, v.slice(0, 2048)], [`${run}/${i}b`, v.slice(2048)]] : [[`${run}/${i}`, v]]));
  for (const [account, value] of items) await raw.set(account!, value!);
  for (const [account] of items) await raw.get(account!);
  return performance.now() - t;
}

async function vaultRound(store: KeytarSecretStore, dir: string): Promise<number> {
  const clock = new SystemClock();
  const vault = new SecretVault(store);
  const profiles = new ProfileStore(new NodeFileSystem(), dir, clock);
  const created = await new ProfilesService(profiles, vault, clock).create('Bench', 'self-deployed');
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;

  const t = performance.now();
  const saved = await new SecretsService(profiles, vault, new RecordingClipboard(), clock).setMany(id, PROFILE_SECRETS);
  await vault.set(APP, SecretField.MsalTokenCache, TOKEN_CACHE);
  // Load as after a restart: a fresh store reads the file, a fresh vault the keychain.
  const reloaded = await new ProfileStore(new NodeFileSystem(), dir, clock).get(id);
  const freshVault = new SecretVault(store);
  const values = [];
  for (const field of reloaded?.secretFields ?? []) values.push(await freshVault.get({ kind: 'profile', profileId: id }, field));
  values.push(await freshVault.get(APP, SecretField.MsalTokenCache));
  const elapsed = performance.now() - t;

  if (!saved.ok || values.join('|') !== ALL_VALUES.join('|')) throw new Error('round trip failed');
  await vault.deleteAll();
  await rm(join(dir, 'profiles.json'), { force: true });
  return elapsed;
}

const SMALL = 'Qx8~'.repeat(10);
const SMALL_RUNS = 41;

async function rawSmall(raw: KeytarSecretStore, run: number): Promise<number> {
  const t = performance.now();
  await raw.set(`small/${run}`, SMALL);
  await raw.get(`small/${run}`);
  return performance.now() - t;
}

async function vaultSmall(store: KeytarSecretStore, run: number, replace: boolean): Promise<number> {
  const scope = { kind: 'profile', profileId: `bench-${run}` } as const;
  const field = SecretField.SelfDeployedClientSecret;
  if (replace) await new SecretVault(store).set(scope, field, 'previous value', 'absent');
  // A fresh vault, as in a new app process: it has seen nothing yet.
  const vault = new SecretVault(store);
  const t = performance.now();
  await vault.set(scope, field, SMALL, replace ? 'unknown' : 'absent');
  const value = await vault.get(scope, field);
  const elapsed = performance.now() - t;
  if (value !== SMALL) throw new Error('round trip failed');
  return elapsed;
}

async function clear(store: KeytarSecretStore): Promise<void> {
  for (const account of await store.listAccounts()) await store.delete(account);
}

/** Runs the vault benchmarks inside the caller's keychain session. */
export async function runVaultBenchmark(): Promise<BenchResult[]> {
  const raw = new KeytarSecretStore(keychainServiceName('bench-raw'));
  const store = new KeytarSecretStore(keychainServiceName('bench-vault'));
  const dir = await mkdtemp(join(tmpdir(), 'gma-bench-'));
  try {
    const [rawTimes, vaultTimes] = await alternate(RUNS, WARMUP, (run) => rawRound(raw, run), () => vaultRound(store, dir));
    await clear(raw);
    const [firstTimes, rawSmallTimes] = await alternate(SMALL_RUNS, WARMUP, (run) => vaultSmall(store, run, false), (run) => rawSmall(raw, run));
    await clear(store);
    await clear(raw);
    const [replaceTimes, rawSmallTimes2] = await alternate(SMALL_RUNS, WARMUP, (run) => vaultSmall(store, run, true), (run) => rawSmall(raw, run));
    return [
      ratioResult('Vault: small secret, first store + read', firstTimes, 'keytar set + get', rawSmallTimes, 1.2),
      ratioResult('Vault: small secret, replaced after a restart + read', replaceTimes, 'keytar set + get', rawSmallTimes2, 1.6),
      ratioResult('Vault + profiles file: profile with 6 secrets (4 KiB PEM), save + load', vaultTimes, 'keytar set + get per value', rawTimes, 1.5),
    ];
  } finally {
    await new SecretVault(store).deleteAll();
    await clear(raw);
    await rm(dir, { recursive: true, force: true });
  }
}
