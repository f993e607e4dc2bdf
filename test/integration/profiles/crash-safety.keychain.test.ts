import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { SystemClock } from '../../../main/adapters/system-clock';
import { parseAccount } from '../../../main/secrets/secret-accounts';
import { LEFTOVER_GRACE_MS } from '../../../main/secrets/item-age';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { CRASH_VALUES } from '../support/crash-values';
import { keychainAppServices } from '../support/keychain-app-services';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { value } from '../support/result-value';
import { TS_LOADER } from '../support/run-child';

const CHILD = resolve('test/integration/support/crash-child.ts');
const OLD = { ...fakeOproxyValues(), mailbox: 'old@contoso.example' };

let dir: string;
let store: KeytarSecretStore;

beforeAll(() => requirePrivateKeyring());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-crash-'));
  store = freshKeytarStore();
});
afterEach(async () => {
  await store.listAccounts().then((all) => Promise.all(all.map((a) => store.delete(a))));
  await rm(dir, { recursive: true, force: true });
});

/** The app as it runs a grace period after the crash, when the crashed process's items count as leftovers. */
class LaterClock extends SystemClock {
  override now(): Date {
    return new Date(Date.now() + LEFTOVER_GRACE_MS + 60_000);
  }
}

function open(clock: SystemClock = new SystemClock()): AppServices {
  return keychainAppServices({ dataDir: join(dir, 'data'), exportsDir: join(dir, 'exports'), secretStore: store, version: '0.0.0-test', clock });
}

/** One XSOAR-app profile with Token and Key; for an import, also a bundle of its changed version (same id). */
async function seed(withBundle: boolean): Promise<{ readonly id: string; readonly bundle: string }> {
  const s = open();
  const id = value(await s.profiles.create('SOC Prod', AuthMethod.XsoarApp)).id;
  const d = emptyDraft();
  const draft = { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: OLD.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName: 'Graph Mail SOC', mailboxToFetch: OLD.mailbox } };
  value(await s.profiles.saveDraft(id, draft, 'review'));
  value(await s.secrets.setMany(id, [[SecretField.XsoarAppToken, CRASH_VALUES.newToken], [SecretField.XsoarAppKey, OLD.key]]));
  const bundle = join(dir, 'changed.gma-bundle');
  if (withBundle) {
    const changed = { ...draft, mailbox: { ...draft.mailbox, mailboxToFetch: CRASH_VALUES.newMailbox } };
    const built = value(await s.exportBuilder.build({ draft: changed, profileId: id, format: 'bundle', includeSecrets: true, passphrase: CRASH_VALUES.passphrase, confirmRebind: false }));
    await writeFile(bundle, built.files[0]!.data);
  }
  value(await s.secrets.set(id, SecretField.XsoarAppToken, OLD.token));
  return { id, bundle };
}

/** Runs the child until it pauses at `step`, then kills it with SIGKILL. */
function crashAt(operation: string, step: string, bundle: string): Promise<string> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--import', TS_LOADER, CHILD, operation, join(dir, 'data'), store.service, step, bundle], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('paused ')) child.kill('SIGKILL');
    });
    child.on('error', failed);
    child.on('exit', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => /^(paused|finished|failed) /.test(l));
      if (line === undefined) failed(new Error(`child said nothing; stderr: ${err.slice(-1500)}`));
      else done(line);
    });
  });
}

type State = 'old' | 'new';

/** What the app sees after the crash: which state, checked to be complete, and every keychain item accounted for. */
async function inspect(operation: string, seededId: string): Promise<State> {
  const s = open(new LaterClock());
  const listing = value(await s.profiles.list());
  const read = (id: string, field: SecretField) => s.vault.get({ kind: 'profile', profileId: id }, field);
  // Every secret a profile records reads back whole.
  for (const p of listing.profiles) for (const f of p.secretFields) expect(await read(p.id, f), `${p.name} ${f}`).not.toBeNull();
  let state: State;
  const socs = listing.profiles.filter((p) => p.draft.mailbox.instanceName === 'Graph Mail SOC');
  switch (operation) {
    case 'import-replace': {
      expect(socs).toHaveLength(1);
      const p = socs[0]!;
      state = p.draft.mailbox.mailboxToFetch === CRASH_VALUES.newMailbox ? 'new' : 'old';
      expect(p.id === seededId).toBe(state === 'old');
      expect(await read(p.id, SecretField.XsoarAppToken)).toBe(state === 'new' ? CRASH_VALUES.newToken : OLD.token);
      expect(await read(p.id, SecretField.XsoarAppKey)).toBe(OLD.key);
      break;
    }
    case 'save-draft':
      expect(socs).toHaveLength(1);
      state = socs[0]!.draft.mailbox.mailboxToFetch === CRASH_VALUES.newMailbox ? 'new' : 'old';
      break;
    case 'secret-write': {
      const token = await read(seededId, SecretField.XsoarAppToken);
      expect([OLD.token, CRASH_VALUES.newToken]).toContain(token);
      state = token === CRASH_VALUES.newToken ? 'new' : 'old';
      break;
    }
    case 'secret-delete': {
      const recorded = socs[0]!.secretFields.includes(SecretField.XsoarAppKey);
      if (recorded) expect(await read(seededId, SecretField.XsoarAppKey)).toBe(OLD.key);
      state = recorded ? 'old' : 'new';
      break;
    }
    case 'profile-delete':
      state = socs.length === 1 ? 'old' : 'new';
      if (state === 'old') expect([...socs[0]!.secretFields].sort()).toEqual([SecretField.XsoarAppKey, SecretField.XsoarAppToken]);
      break;
    default:
      throw new Error(operation);
  }
  // No keychain item the app cannot see: what no listed profile records is
  // reported as a leftover, and removing leftovers keeps every recorded secret.
  const recorded = new Map(listing.profiles.map((p) => [p.id, new Set<string>(p.secretFields)]));
  const accounted = (a: string) => {
    const parsed = parseAccount(a);
    return parsed !== null && parsed.profileId !== null && recorded.get(parsed.profileId)?.has(parsed.field) === true;
  };
  const unowned = (await store.listAccounts()).filter((a) => !accounted(a));
  const orphans = value(await s.profiles.listOrphans());
  expect(orphans.reduce((n, g) => n + g.itemCount, 0)).toBeGreaterThanOrEqual(unowned.length);
  value(await s.profiles.removeOrphans());
  expect((await store.listAccounts()).filter((a) => !accounted(a))).toEqual([]);
  for (const p of listing.profiles) for (const f of p.secretFields) expect(await read(p.id, f)).not.toBeNull();
  return state;
}

describe('SIGKILL at each step leaves the old or the new state, never neither, and no keychain item the app cannot see', () => {
  it.each([
    ['import-replace', 'set:1', 'old'],
    ['import-replace', 'set:2', 'old'],
    ['import-replace', 'write:1', 'old'],
    ['import-replace', 'delete:1', 'new'],
    ['import-replace', 'delete:2', 'new'],
    ['save-draft', 'write:1', 'old'],
    ['secret-write', 'set:1', 'old'],
    ['secret-write', 'write:1', 'new'],
    ['secret-delete', 'write:1', 'old'],
    ['secret-delete', 'delete:1', 'new'],
    ['profile-delete', 'write:1', 'old'],
    ['profile-delete', 'delete:1', 'new'],
  ] as const)('%s killed at %s → %s state', async (operation, step, expected) => {
    const { id, bundle } = await seed(operation === 'import-replace');
    const line = await crashAt(operation, step, bundle);
    expect(line).toBe(`paused ${step}`);
    expect(await inspect(operation, id)).toBe(expected);
  });

  it.each(['import-replace', 'secret-delete'])('%s run to the end gives the new state', async (operation) => {
    const { id, bundle } = await seed(operation === 'import-replace');
    const line = await crashAt(operation, 'none:0', bundle);
    expect(line).toMatch(/^finished \{"ok":true/);
    expect(await inspect(operation, id)).toBe('new');
  });
});
