import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { SecretField } from '../../../shared/domain/secret-field';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { endpointsOf, PlayingBrowser } from '../signin/signin-fixture';
import { ETID, reload } from '../entra/entra-fixture';
import { expectConsistent, workingProfile } from '../lifecycle/rotation-fixture';
import { startRotationWorld, type RotationWorld } from '../lifecycle/rotation-world';

// Issue 15: `gma rotate PROFILE` as a scheduled task runs it — a child process of the built gma, the real keychain:
// unattended when the administrator's sign-in cached in the keychain allows it (exit 0), otherwise a clear message
// that an interactive sign-in is needed (exit 1); bad input exits 2.

const GMA = resolve('out/cli/gma.mjs');

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
let opener: PlayingBrowser;
let rotationWorld: RotationWorld;
let x6: XsoarServer;
let services: AppServices;
let dataDir: string;
let prefix: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function gma(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((ok) => {
    execFile(process.execPath, [GMA, ...args], {
      env: { ...process.env, GMA_DATA_DIR: dataDir, GMA_KEYCHAIN_PREFIX: prefix, GMA_IDENTITY_ENDPOINTS: JSON.stringify(endpointsOf(idp)), ...env },
      timeout: 120_000,
    }, (error, stdout, stderr) => ok({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  prefix = `rotate-cli-${randomBytes(4).toString('hex')}`;
  rotationWorld = await startRotationWorld(new KeytarSecretStore(keychainServiceName(prefix)));
  ({ idp, browser, catcher, opener, services, dataDir, x6 } = rotationWorld);
});
afterAll(async () => {
  await rotationWorld?.close();
});

describe('gma rotate (child process, real keychain)', () => {
  it('runs unattended with the cached administrator sign-in: rotated, test passed, old secret gone (exit 0)', async () => {
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name: 'CLI rotate', credential: 'secret' });
    const before = await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret);
    const r = await gma(['rotate', 'CLI rotate']);
    expect(r.stderr).toContain('remove-old: done');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rotated the client-secret of "CLI rotate": the new one is valid until \d{4}-\d{2}-\d{2}, !msgraph-mail-test passed on "CLI rotate" and the old one was removed from Entra ID\n$/);
    expect(await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret)).not.toBe(before);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
    // Nothing for --recover to do afterwards.
    const recover = await gma(['rotate', '--recover']);
    expect(recover.code).toBe(0);
    expect(recover.stderr).toContain('no interrupted rotation');
  });

  it('without a usable cached sign-in: exit 1 with "an interactive administrator sign-in is needed", nothing changed', async () => {
    const listing = await services.profiles.list();
    if (!listing.ok) throw new Error(listing.error.message);
    const profile = await reload(services, listing.value.profiles.find((p) => p.name === 'CLI rotate')?.id ?? '');
    const keys = idp.application(ETID, profile.draft.selfDeployed.clientId)?.passwordCredentials.map((p) => p.keyId);
    // Another computer's keychain: the same profiles, but no administrator ever signed in there.
    await services.vault.delete({ kind: 'app' }, SecretField.MsalAdminTokenCache);
    const r = await gma(['rotate', 'CLI rotate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('An interactive administrator sign-in is needed');
    expect(r.stderr).toContain('gma entra check PROFILE');
    expect(idp.application(ETID, profile.draft.selfDeployed.clientId)?.passwordCredentials.map((p) => p.keyId)).toEqual(keys);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });

  it.each([
    [['rotate'], 'Name exactly one profile'],
    [['rotate', 'Nobody'], 'No profile "Nobody"'],
    [['rotate', 'CLI rotate', '--secret-days', '0'], '--secret-days takes a whole number of days from 1 to 730'],
    [['rotate', 'CLI rotate', '--certificate-days', '400'], '--certificate-days takes a whole number of days from 1 to 365'],
    [['rotate', 'CLI rotate', '--connection', 'elsewhere'], 'No XSOAR connection "elsewhere"'],
    [['rotate', 'CLI rotate', '--bogus'], 'Unknown option'],
    [['rotate', '--recover', 'CLI rotate'], 'alone'],
  ])('bad input %j exits 2', async (args, message) => {
    const r = await gma(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('a profile of another method is refused as bad input (exit 2)', async () => {
    const created = await services.profiles.create('Managed', 'managed-identity');
    if (!created.ok) throw new Error(created.error.message);
    const r = await gma(['rotate', 'Managed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Rotation is for the self-deployed Entra ID app method');
  });
});
