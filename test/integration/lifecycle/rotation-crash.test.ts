import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { SecretField } from '../../../shared/domain/secret-field';
import { launchBrowserUser, type BrowserUser } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../../idp/redirect-catcher';
import { startXsoarWorld, type XsoarWorld } from '../../xsoar/xsoar-world';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { endpointsOf, PlayingBrowser } from '../signin/signin-fixture';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { TS_LOADER } from '../support/run-child';
import { BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, ETID, reload } from '../entra/entra-fixture';
import { CONNECTION, expectConsistent, rotationAppServices, rotationOf, workingProfile, XSOAR_KEY } from './rotation-fixture';

// Issue 15, "Must show": SIGKILL at each journal step, then a restart, gives a consistent state — exactly one
// credential in Entra ID, the one the profile holds and the instance uses, and the test passing. A kill before the
// test passed ends with the old credential; a kill from the point of no return on ends with the new one.

const CHILD = resolve('test/integration/support/rotation-child.ts');

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
let opener: PlayingBrowser;
let services: AppServices;
let store: KeytarSecretStore;
let world: XsoarWorld;
let x6: XsoarServer;
let dataDir: string;

beforeAll(async () => {
  requirePrivateKeyring();
  idp = await startIdentityPlatform({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] });
  browser = await launchBrowserUser(idp.caCertPath);
  catcher = await startRedirectCatcher();
  opener = new PlayingBrowser(browser, null);
  store = freshKeytarStore();
  ({ services, dataDir } = await rotationAppServices(idp, opener, store));
  world = await startXsoarWorld(idp, ETID);
  x6 = await world.server('xsoar6', [{ id: '', key: XSOAR_KEY, advanced: false, role: 'admin' }]);
  const added = await services.xsoarConnections.add({ name: CONNECTION, url: x6.url, keyId: '', advancedKey: false, caPem: '', caFileName: '' }, XSOAR_KEY);
  if (!added.ok) throw new Error(added.error.message);
});
afterAll(async () => {
  await world?.close();
  await catcher?.close();
  await browser?.close();
  await idp?.close();
});

/** Runs a rotation in a child process until it pauses at `point`, then kills it with SIGKILL. */
function crashAt(profileId: string, point: string): Promise<string> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--import', TS_LOADER, CHILD, dataDir, store.service, JSON.stringify(endpointsOf(idp)), profileId, CONNECTION, point], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('paused ')) child.kill('SIGKILL');
    });
    child.on('error', failed);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => /^(paused|finished|failed) /.test(l));
      if (line === undefined) failed(new Error(`child said nothing; stderr: ${err.slice(-1500)}`));
      else done(`${line}${signal ? ` (${signal})` : ''}`);
    });
  });
}

async function journals(): Promise<string[]> {
  return readdir(join(dataDir, 'rotations')).catch(() => []);
}

const BEFORE_NO_RETURN = ['journal:creating', 'acted:created', 'acted:staged', 'journal:created', 'journal:updating-xsoar', 'acted:xsoar-updated', 'journal:testing', 'acted:tested'];
const AFTER_NO_RETURN = ['journal:committing', 'acted:promoted', 'acted:old-removed'];

describe('SIGKILL at each journal step, then a restart: one credential, known to the app, in use and working', () => {
  for (const credential of ['secret', 'certificate'] as const) {
    it(`${credential}: killed at every step in turn, recovered each time`, async () => {
      const profile = await workingProfile({ services, idp, opener, browser, catcher, name: `Crash ${credential}`, credential });
      const field = credential === 'secret' ? SecretField.SelfDeployedClientSecret : SecretField.SelfDeployedPrivateKey;
      for (const point of [...BEFORE_NO_RETURN, ...AFTER_NO_RETURN]) {
        const held = await services.vault.get({ kind: 'profile', profileId: profile.id }, field);
        const said = await crashAt(profile.id, point);
        expect(said, point).toBe(`paused ${point} (SIGKILL)`);
        // The journal names the unfinished rotation; the restart acts on it.
        expect(await journals(), point).toEqual([`${profile.id}.json`]);
        const recovered = await rotationOf(services, idp, dataDir).recover();
        if (!recovered.ok) throw new Error(`${point}: ${recovered.error.message}`);
        const rolledForward = AFTER_NO_RETURN.includes(point);
        expect(recovered.value, point).toEqual([{ profileId: profile.id, outcome: rolledForward ? 'finished' : 'rolled-back' }]);
        expect(await journals(), point).toEqual([]);
        const now = await services.vault.get({ kind: 'profile', profileId: profile.id }, field);
        if (rolledForward) expect(now, point).not.toBe(held);
        else expect(now, point).toBe(held);
        await expectConsistent({ services, idp, server: x6, profileId: profile.id });
      }
      // No rotation slot is left in the keychain.
      expect((await store.listAccounts()).filter((a) => a.startsWith('p/rotation-'))).toEqual([]);
      expect((await reload(services, profile.id)).draft.selfDeployed.credentialKind).toBe(credential);
    }, 400_000);
  }
});
