import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import { SecretField } from '../../../shared/domain/secret-field';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { RotationProgress } from '../../../main/lifecycle/rotation-types';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { PlayingBrowser } from '../signin/signin-fixture';
import { ETID, reload } from '../entra/entra-fixture';
import { CONNECTION, expectConsistent, instanceCredential, refreshTokenOf, rotationOf, workingProfile } from './rotation-fixture';
import { startRotationWorld, type RotationWorld } from './rotation-world';

// Issue 15, "Must show": rotation of a secret and of a certificate against the test identity platform and the
// XSOAR-shaped server, the test passing afterwards and the old credential gone; a failure injected at each step
// (Graph error, XSOAR update refused, the test failing) leaves a working instance. Real keychain, real msal-node.

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
let opener: PlayingBrowser;
let services: AppServices;
let rotationWorld: RotationWorld;
let x6: XsoarServer;
let dataDir: string;

beforeAll(async () => {
  rotationWorld = await startRotationWorld();
  ({ idp, browser, catcher, opener, services, dataDir, x6 } = rotationWorld);
});
afterAll(async () => {
  await rotationWorld?.close();
});

const request = (profileId: string) => ({ profileId, connection: CONNECTION, playgroundId: null, secretDays: 90, certificateDays: 200 });

describe('rotation end to end (test identity platform, XSOAR-shaped server, real keychain)', () => {
  it('rotates a client secret: the test passes afterwards, the old secret is gone, the refresh token was left alone', async () => {
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name: 'Rotate secret', credential: 'secret' });
    const oldSecret = await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret);
    const oldKeyId = idp.application(ETID, profile.draft.selfDeployed.clientId)?.passwordCredentials[0]?.keyId;
    const codeBefore = instanceCredential(x6, 'Rotate secret', 'creds_auth_code');
    const tokenBefore = refreshTokenOf(x6, 'Rotate secret');
    expect(tokenBefore).toBeTruthy();
    const seen: RotationProgress[] = [];
    const r = await rotationOf(services, idp, dataDir).rotate(request(profile.id), (p) => seen.push(p));
    if (!r.ok) throw new Error(r.error.message);
    expect(seen.filter((p) => p.state === 'done').map((p) => p.step)).toEqual(['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old']);

    const app = idp.application(ETID, profile.draft.selfDeployed.clientId);
    expect(app?.passwordCredentials).toHaveLength(1);
    expect(app?.passwordCredentials[0]?.keyId).toBe(r.value.newKeyId);
    expect(r.value.removedKeyId).toBe(oldKeyId);
    const newSecret = await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret);
    expect(newSecret).not.toBe(oldSecret);
    expect(app?.passwordCredentials[0]?.secretText).toBe(newSecret);
    // Only the credential changed on the instance: the code is the same and the integration context was not reset.
    expect(instanceCredential(x6, 'Rotate secret', 'creds_auth_code')).toEqual(codeBefore);
    expect(x6.commands.some((c) => c.data.includes('auth-reset'))).toBe(false);
    // The profile records the new secret's end as read from Entra ID.
    const after = await reload(services, profile.id);
    expect(after.credentialEnds).toEqual([expect.objectContaining({ credential: 'client-secret', source: 'entra', keyId: r.value.newKeyId, endsAt: r.value.newEndsAt })]);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });

  it('rotates a certificate: the new public key is uploaded, the old one removed, the test passes', async () => {
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name: 'Rotate certificate', credential: 'certificate' });
    const oldThumbprint = profile.draft.selfDeployed.certificate?.sha1Thumbprint;
    const r = await rotationOf(services, idp, dataDir).rotate(request(profile.id));
    if (!r.ok) throw new Error(r.error.message);
    const after = await reload(services, profile.id);
    const newThumbprint = after.draft.selfDeployed.certificate?.sha1Thumbprint;
    expect(newThumbprint).not.toBe(oldThumbprint);
    expect(r.value.removedThumbprint).toBe(oldThumbprint);
    const app = idp.application(ETID, profile.draft.selfDeployed.clientId);
    expect(app?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([newThumbprint]);
    expect(after.credentialEnds).toEqual([expect.objectContaining({ credential: 'certificate', source: 'entra', endsAt: r.value.newEndsAt })]);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });
});

describe('replication: Entra ID may refuse a brand-new credential for a while', () => {
  it('the test is run again while Entra answers AADSTS7000215, then the rotation finishes', async () => {
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name: 'Replicating', credential: 'secret' });
    x6.inject({ path: '/entry/execute/sync', kind: 'error-entry', times: 2, contents: 'Error in Microsoft authorization. Status: 401, body: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}' });
    const seen: RotationProgress[] = [];
    const r = await rotationOf(services, idp, dataDir).rotate(request(profile.id), (p) => seen.push(p));
    if (!r.ok) throw new Error(r.error.message);
    expect(seen.filter((p) => p.step === 'test' && p.detail.includes('replication'))).toHaveLength(2);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });
});

describe('a failure at any step leaves the old credential valid and the instance working', () => {
  it.each([
    ['Graph refuses to add the secret', () => { idp.graphFaults.refusals = [{ method: 'POST', pathIncludes: 'addPassword', status: 403, code: 'Authorization_RequestDenied', remaining: 1 }]; }],
    ['XSOAR refuses the update', () => x6.inject({ method: 'PUT', path: '/settings/integration', kind: 'status', status: 400 })],
    ['!msgraph-mail-test fails with the new secret', () => x6.inject({ path: '/entry/execute/sync', kind: 'error-entry' })],
  ] as const)('%s → rolled back, nothing changed', async (what, inject) => {
    const name = `Fail ${what.split(' ')[0]} ${Math.random().toString(16).slice(2, 6)}`;
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name, credential: 'secret' });
    const before = idp.application(ETID, profile.draft.selfDeployed.clientId)?.passwordCredentials.map((p) => p.keyId);
    const secretBefore = instanceCredential(x6, name, 'creds_enc_key');
    inject();
    const r = await rotationOf(services, idp, dataDir).rotate(request(profile.id));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(ErrorCode.RotationRolledBack);
    expect(idp.application(ETID, profile.draft.selfDeployed.clientId)?.passwordCredentials.map((p) => p.keyId)).toEqual(before);
    expect(instanceCredential(x6, name, 'creds_enc_key')).toEqual(secretBefore);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });

  it('a certificate whose new test fails: the new key is removed again, the old one stays in use', async () => {
    const profile = await workingProfile({ services, idp, opener, browser, catcher, name: 'Fail certificate', credential: 'certificate' });
    x6.inject({ path: '/entry/execute/sync', kind: 'error-entry' });
    const r = await rotationOf(services, idp, dataDir).rotate(request(profile.id));
    expect(r.ok).toBe(false);
    expect((await reload(services, profile.id)).draft.selfDeployed.certificate?.sha1Thumbprint).toBe(profile.draft.selfDeployed.certificate?.sha1Thumbprint);
    await expectConsistent({ services, idp, server: x6, profileId: profile.id });
  });
});
