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

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

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

/** Runs the benchmark and returns the report's lines. */
export async function runVaultBenchmark(): Promise<string[]> {
  const raw = new KeytarSecretStore(keychainServiceName('bench-raw'));
  const store = new KeytarSecretStore(keychainServiceName('bench-vault'));
  const dir = await mkdtemp(join(tmpdir(), 'gma-bench-'));
  const rawTimes: number[] = [];
  const vaultTimes: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Alternate the order so drift in the keyring daemon hits both alike.
      const pair = run % 2 === 0 ? [await rawRound(raw, run), await vaultRound(store, dir)] : [0, 0];
      if (run % 2 === 1) {
        pair[1] = await vaultRound(store, dir);
        pair[0] = await rawRound(raw, run);
      }
      for (const account of await raw.listAccounts()) await raw.delete(account);
      if (run >= WARMUP) {
        rawTimes.push(pair[0]!);
        vaultTimes.push(pair[1]!);
      }
    }
  } finally {
    await new SecretVault(store).deleteAll();
    for (const account of await raw.listAccounts()) await raw.delete(account);
    await rm(dir, { recursive: true, force: true });
  }
  const r = median(rawTimes);
  const v = median(vaultTimes);
  const ratio = v / r;
  return [
    `Secret vault: save + load of a profile with 6 secrets (incl. a 4 KiB PEM), median of ${RUNS} runs`,
    `  raw keychain calls (1 set + 1 get per value; PEM as 2 items): ${r.toFixed(1)} ms`,
    `  vault + profiles file (manifest, SHA-256, atomic write, fsync): ${v.toFixed(1)} ms`,
    `  ratio ${ratio.toFixed(2)}x (target <= 1.5x): ${ratio <= 1.5 ? 'within target' : 'OVER TARGET'}`,
  ];
}
