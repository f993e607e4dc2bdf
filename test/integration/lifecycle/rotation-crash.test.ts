import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { SecretField } from '../../../shared/domain/secret-field';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { PlayingBrowser } from '../signin/signin-fixture';
import { freshKeytarStore } from '../support/private-keyring';
import { reload } from '../entra/entra-fixture';
import { crashAt } from './rotation-child-runner';
import { CONNECTION, expectConsistent, rotationOf, workingProfile } from './rotation-fixture';
import { startRotationWorld, type RotationWorld } from './rotation-world';

// Issue 15, "Must show": SIGKILL at each journal step, then a restart, gives a consistent state — exactly one
// credential in Entra ID, the one the profile holds and the instance uses, and the test passing. A kill before the
// test passed ends with the old credential; a kill from the point of no return on ends with the new one.

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
let opener: PlayingBrowser;
let services: AppServices;
let store: KeytarSecretStore;
let rotationWorld: RotationWorld;
let x6: XsoarServer;
let dataDir: string;

beforeAll(async () => {
  store = freshKeytarStore();
  rotationWorld = await startRotationWorld(store);
  ({ idp, browser, catcher, opener, services, dataDir, x6 } = rotationWorld);
});
afterAll(async () => {
  await rotationWorld?.close();
});

async function journals(): Promise<string[]> {
  return (await readdir(join(dataDir, 'rotations')).catch(() => [])).filter((n) => n.endsWith('.json'));
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
        const said = await crashAt({ dataDir, keychainService: store.service, idp, connection: CONNECTION }, profile.id, point);
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
