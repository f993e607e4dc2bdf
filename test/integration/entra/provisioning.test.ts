import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import { createAuthServices } from '../../../main/auth/auth-services';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { SecretField } from '../../../shared/domain/secret-field';
import { APP_REQUIRED_SCOPE_VALUES, ASSISTANT_APP_TAG, profileTag } from '../../../shared/entra/entra-constants';
import type { ProvisioningProgress } from '../../../shared/entra/provisioning-steps';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { launchBrowserUser, type BrowserUser } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../../idp/redirect-catcher';
import { createClientCertificate } from '../../idp/test-ca';
import { newClientId } from '../idp/fixture';
import { codeFromBrowser, postToken, xsoarClientAssertion, xsoarLoginUrl } from '../idp/flows';
import { endpointsOf, PlayingBrowser } from '../signin/signin-fixture';
import { requirePrivateKeyring } from '../support/private-keyring';
import { ADA, ADA2, BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, entraAppServices, ETID, MAILBOX, NOBODY, reload, selfDeployedProfile, writesIn } from './entra-fixture';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
let opener: PlayingBrowser;
let services: AppServices;

beforeAll(async () => {
  requirePrivateKeyring();
  idp = await startIdentityPlatform({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] });
  browser = await launchBrowserUser(idp.caCertPath);
  catcher = await startRedirectCatcher();
  opener = new PlayingBrowser(browser, null);
  services = await entraAppServices(idp, opener);
});
afterAll(async () => {
  await catcher?.close();
  await browser?.close();
  await idp?.close();
});

function auth(): ReturnType<typeof createAuthServices> {
  return createAuthServices({ http: createNodeFetchClient(), endpoints: endpointsOf(idp), browserOpener: opener, timeouts: { interactiveMs: 30_000 } });
}

/** Waits for the browser user to finish the last sign-in page (so no page outlives its test). */
async function settled(): Promise<void> {
  await opener.outcome().then(() => undefined, () => undefined);
}

function asAdmin(who: { upn: string; password: string } = ADA, consent: 'accept' | 'decline' = 'accept'): void {
  opener.plays({ user: who, consent });
}

describe('Create the app for me (client secret, tenant-wide consent)', () => {
  it('creates through replication delays and throttling; the app signs in at once; a second run writes nothing', async () => {
    const profile = await selfDeployedProfile(services, 'Secret app', catcher.redirectUri);
    idp.graphFaults.replicationReads = 2;
    idp.graphFaults.throttle = { remaining: 1, retryAfterSeconds: 1 };
    const seen: ProvisioningProgress[] = [];
    asAdmin();
    const before = idp.graphLog().length;
    const run = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, (p) => seen.push(p));
    await settled();
    idp.graphFaults.replicationReads = 0;
    idp.settleGraphReplication();
    if (!run.ok) throw new Error(run.error.message);
    const log = idp.graphLog().slice(before);

    // The sign-in asked only for what this needs, with the bootstrap client.
    const signInUrl = new URL(opener.opened.at(-1) ?? '');
    expect(signInUrl.searchParams.get('client_id')).toBe(BOOTSTRAP_APP.clientId);
    expect(signInUrl.searchParams.get('scope')?.split(' ').filter((s) => s.startsWith('https://'))).toEqual(['https://graph.microsoft.com/Application.ReadWrite.All', 'https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All']);
    expect(signInUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(run.value.administrator).toBe(ADA.upn);

    // Retries happened: throttled once (Retry-After), then replication answers, each followed by success.
    expect(log[0]?.status).toBe(429);
    expect(log.some((e) => e.method === 'POST' && e.path === '/v1.0/servicePrincipals' && e.status === 400)).toBe(true);
    expect(log.some((e) => e.method === 'POST' && e.path === '/v1.0/oauth2PermissionGrants' && e.status === 404)).toBe(true);
    // Read back after the ambiguous grant answer: exactly one grant, never a second POST.
    expect(writesIn(log).filter((w) => w.startsWith('POST /v1.0/oauth2PermissionGrants'))).toHaveLength(1);
    expect(seen.some((p) => p.detail.includes('still replicating'))).toBe(true);
    expect(seen.some((p) => p.detail.includes('asked to wait'))).toBe(true);

    const app = idp.application(ETID, run.value.clientId);
    expect(app).toMatchObject({ signInAudience: 'AzureADMyOrg', web: { redirectUris: [catcher.redirectUri] }, publicClient: { redirectUris: ['http://localhost'] } });
    expect(app?.tags).toEqual([ASSISTANT_APP_TAG, profileTag(profile.id)]);
    expect(app?.requiredResourceAccess[0]?.resourceAccess.map((a) => a.type)).toEqual(['Scope', 'Scope', 'Scope', 'Scope', 'Scope']);
    expect(app?.passwordCredentials).toHaveLength(1);
    const grants = idp.permissionGrants(ETID).filter((g) => g.consentType === 'AllPrincipals' && g.scope.includes('Mail.Send'));
    expect(grants).toHaveLength(1);
    expect(grants[0]?.scope.split(' ').toSorted()).toEqual([...APP_REQUIRED_SCOPE_VALUES].toSorted());

    // Kept: client id and tenant GUID in the profile, the secret only in the keychain, its expiry in the details.
    const saved = await reload(services, profile.id);
    expect(saved.draft.selfDeployed).toMatchObject({ clientId: run.value.clientId, resolvedTenantId: ETID });
    expect(saved.secretFields).toContain(SecretField.SelfDeployedClientSecret);
    // The end date read from Entra ID, tied to the stored secret's version (issue 15).
    expect(saved.credentialEnds).toEqual([expect.objectContaining({ credential: 'client-secret', endsAt: run.value.credentialExpiresAt, source: 'entra', keyId: app?.passwordCredentials[0]?.keyId, secretVersion: saved.secretVersions[SecretField.SelfDeployedClientSecret] })]);
    expect(JSON.stringify(run.value)).not.toContain(app?.passwordCredentials[0]?.secretText ?? 'x');
    const secret = await services.secrets.reveal(profile.id, SecretField.SelfDeployedClientSecret);
    if (!secret.ok) throw new Error(secret.error.message);
    expect(secret.value.value).toBe(app?.passwordCredentials[0]?.secretText);

    // At once usable: the credential check, the mailbox sign-in (no consent page: tenant-wide consent), XSOAR's redemption.
    const check = await auth().credentialCheck.check({ tenant: ETID, clientId: run.value.clientId, credential: { kind: 'secret', secret: secret.value.value } });
    expect(check.ok).toBe(true);
    opener.plays({ user: MAILBOX, consent: 'decline' });
    const verified = await auth().signInVerification.verify({ tenant: 'fabrikam.example', clientId: run.value.clientId, mailbox: MAILBOX.upn, folderToFetch: 'Inbox', prompt: 'login' });
    await settled();
    if (!verified.ok) throw new Error(verified.error.message);
    expect(verified.value.allPassed).toBe(true);
    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, ETID, run.value.clientId, catcher.redirectUri), MAILBOX);
    const redeemed = await postToken(idp, ETID, { client_id: run.value.clientId, redirect_uri: catcher.redirectUri, grant_type: 'authorization_code', code, client_secret: secret.value.value });
    expect(redeemed.status).toBe(200);
    expect(typeof redeemed.body['refresh_token']).toBe('string');

    // A second run finds the registration and makes no write at all.
    asAdmin();
    const mark = idp.graphLog().length;
    const again = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.writes).toEqual([]);
    expect(again.value.findings.every((f) => f.status === 'ok')).toBe(true);
    expect(writesIn(idp.graphLog().slice(mark))).toEqual([]);
  });

  it('an interrupted run (client id saved, nothing else) resumes without a duplicate registration', async () => {
    const profile = await selfDeployedProfile(services, 'Interrupted', catcher.redirectUri);
    const controller = new AbortController();
    asAdmin();
    const first = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 90, bootstrapClientId: null }, (p) => {
      if (p.step === 'create-app' && p.state === 'done') controller.abort();
    }, controller.signal);
    await settled();
    expect(first).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
    const clientId = (await reload(services, profile.id)).draft.selfDeployed.clientId;
    expect(clientId).not.toBe('');
    asAdmin();
    const mark = idp.graphLog().length;
    const resumed = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 90, bootstrapClientId: null }, () => undefined);
    await settled();
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(resumed.value.clientId).toBe(clientId);
    expect(writesIn(idp.graphLog().slice(mark)).filter((w) => w.startsWith('POST /v1.0/applications '))).toEqual([]);
    expect(resumed.value.writes.some((w) => w.includes('client id'))).toBe(false);
    expect(idp.application(ETID, clientId)?.passwordCredentials).toHaveLength(1);
  });
});

describe('Create with a certificate, consent for the mailbox user only', () => {
  it('uploads only the public certificate, keeps the existing key credential, grants consent to that user', async () => {
    const existing = createClientCertificate('already-there');
    const cert = createClientCertificate('xsoar-graph-mail');
    const clientId = newClientId();
    idp.registerApp({ tenantId: ETID, clientId, displayName: 'Hand-made', webRedirectUris: [catcher.redirectUri], publicRedirectUris: ['http://localhost'], certificates: [existing.certPem], delegatedPermissions: [...APP_REQUIRED_SCOPE_VALUES.filter((s) => s !== 'offline_access'), 'offline_access'] });
    const profile = await selfDeployedProfile(services, 'Certificate app', catcher.redirectUri, {
      clientId,
      credentialKind: 'certificate',
      certificate: { sha1Thumbprint: cert.thumbprintSha1.toUpperCase(), sha256Thumbprint: cert.thumbprintSha256.toUpperCase(), subject: 'CN=xsoar-graph-mail', notAfter: new Date(Date.now() + 300 * 86_400_000).toISOString(), certificatePem: cert.certPem },
    });
    const stored = await services.secrets.set(profile.id, SecretField.SelfDeployedPrivateKey, cert.keyPem);
    expect(stored.ok).toBe(true);
    asAdmin();
    const run = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'mailbox-user', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.clientId).toBe(clientId);
    expect(run.value.secretStored).toBe(false);
    const app = idp.application(ETID, clientId);
    expect(app?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([existing.thumbprintSha1.toUpperCase(), cert.thumbprintSha1.toUpperCase()]);
    expect(app?.passwordCredentials).toEqual([]);
    const own = idp.permissionGrants(ETID).filter((g) => g.consentType === 'Principal' && g.scope.includes('MailboxSettings.ReadWrite') && g.principalId !== null);
    expect(own.length).toBeGreaterThan(0);
    expect([...idp.consentedScopes(ETID, clientId, MAILBOX.upn)].toSorted()).toEqual(['Mail.ReadWrite', 'Mail.Send', 'MailboxSettings.ReadWrite', 'User.Read']);
    expect(idp.consentedScopes(ETID, clientId, NOBODY.upn).size).toBe(0);

    const check = await auth().credentialCheck.check({ tenant: ETID, clientId, credential: { kind: 'certificate', thumbprint: cert.thumbprintSha1, privateKey: cert.keyPem } });
    expect(check.ok).toBe(true);
    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, ETID, clientId, catcher.redirectUri), MAILBOX);
    const tokenEndpoint = `${idp.authority(ETID)}oauth2/v2.0/token`;
    const redeemed = await postToken(idp, ETID, {
      client_id: clientId, redirect_uri: catcher.redirectUri, grant_type: 'authorization_code', code,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: xsoarClientAssertion(tokenEndpoint, clientId, cert.thumbprintSha1, cert.keyPem),
    });
    expect(redeemed.status).toBe(200);
  });
});

describe('Check and repair a broken hand-made registration', () => {
  it('redirect on the wrong platform, a missing permission, an application permission, no consent: check reports, repair fixes, check passes', async () => {
    const clientId = newClientId();
    const secret = 'Hnd8Q~hand-made-secret-value-0123456789ab';
    idp.registerApp({ tenantId: ETID, clientId, displayName: 'Broken', publicRedirectUris: [catcher.redirectUri, 'http://localhost'], secrets: [secret], delegatedPermissions: ['Mail.ReadWrite', 'Mail.Send', 'User.Read'], applicationPermissions: ['Mail.Read'] });
    const profile = await selfDeployedProfile(services, 'Broken app', catcher.redirectUri, { clientId });
    expect((await services.secrets.set(profile.id, SecretField.SelfDeployedClientSecret, secret)).ok).toBe(true);
    const request = { profileId: profile.id, consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null } as const;

    asAdmin();
    let mark = idp.graphLog().length;
    const checked = await services.entra.run({ ...request, mode: 'check' }, () => undefined);
    await settled();
    if (!checked.ok) throw new Error(checked.error.message);
    const status = Object.fromEntries(checked.value.findings.map((f) => [f.id, f.status]));
    expect(status).toEqual({ 'sign-in-audience': 'ok', 'web-redirect': 'problem', 'public-redirect': 'ok', 'delegated-permissions': 'problem', 'application-permissions': 'problem', 'service-principal': 'ok', credential: 'ok', consent: 'problem' });
    expect(checked.value.findings.find((f) => f.id === 'web-redirect')?.detail).toContain('AADSTS700025');
    expect(checked.value.findings.find((f) => f.id === 'delegated-permissions')?.detail).toContain('MailboxSettings.ReadWrite');
    expect(writesIn(idp.graphLog().slice(mark))).toEqual([]);

    asAdmin();
    const repaired = await services.entra.run({ ...request, mode: 'repair' }, () => undefined);
    await settled();
    if (!repaired.ok) throw new Error(repaired.error.message);
    expect(repaired.value.writes.length).toBe(2);
    const app = idp.application(ETID, clientId);
    expect(app?.web.redirectUris).toEqual([catcher.redirectUri]);
    expect(app?.publicClient.redirectUris).toEqual(['http://localhost']);
    expect(app?.requiredResourceAccess.flatMap((r) => r.resourceAccess).every((a) => a.type === 'Scope')).toBe(true);
    expect(app?.passwordCredentials).toHaveLength(1);

    asAdmin();
    mark = idp.graphLog().length;
    const rechecked = await services.entra.run({ ...request, mode: 'check' }, () => undefined);
    await settled();
    if (!rechecked.ok) throw new Error(rechecked.error.message);
    expect(rechecked.value.findings.every((f) => f.status === 'ok')).toBe(true);
    expect(writesIn(idp.graphLog().slice(mark))).toEqual([]);

    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, ETID, clientId, catcher.redirectUri), MAILBOX);
    const redeemed = await postToken(idp, ETID, { client_id: clientId, redirect_uri: catcher.redirectUri, grant_type: 'authorization_code', code, client_secret: secret });
    expect(redeemed.status).toBe(200);
  });

  it('repair of a profile without a registration says to create one', async () => {
    const profile = await selfDeployedProfile(services, 'Nothing yet', catcher.redirectUri);
    asAdmin();
    const result = await services.entra.run({ profileId: profile.id, mode: 'repair', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.EntraNotFound } });
  });
});

describe('Errors explained', () => {
  it('a non-administrator is refused with Authorization_RequestDenied and told which role would do; nothing is created', async () => {
    const profile = await selfDeployedProfile(services, 'Non-admin', catcher.redirectUri);
    const apps = idp.graphLog().filter((e) => e.method === 'POST' && e.path === '/v1.0/applications' && e.status === 201).length;
    asAdmin(NOBODY);
    const result = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.EntraDenied, step: 'create-app', explanation: { title: 'Not allowed to register applications', roles: ['Application Developer', 'Application Administrator', 'Cloud Application Administrator'] } } });
    expect(idp.graphLog().filter((e) => e.method === 'POST' && e.path === '/v1.0/applications' && e.status === 201).length).toBe(apps);
    expect((await reload(services, profile.id)).draft.selfDeployed.clientId).toBe('');
  });

  it('a declined consent at the administrator sign-in is AADSTS65004 explained', async () => {
    const profile = await selfDeployedProfile(services, 'Declined', catcher.redirectUri);
    asAdmin(ADA2, 'decline');
    const result = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 65004, explanation: { title: 'Consent declined' } } });
  });

  it('a tenant policy that blocks client secrets is explained; the same registration then takes a certificate', async () => {
    const northwind = { id: '0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b', displayName: 'Northwind', domains: ['northwind.example'], blockPasswordCredentials: true };
    idp.addTenant(northwind);
    idp.addUser({ tenantId: northwind.id, upn: 'admin@northwind.example', password: ADA.password, isAdmin: true });
    idp.addUser({ tenantId: northwind.id, upn: MAILBOX.upn.replace('fabrikam', 'northwind'), password: MAILBOX.password });
    idp.registerApp({ ...BOOTSTRAP_APP, tenantId: northwind.id });
    const profile = await selfDeployedProfile(services, 'Policy', catcher.redirectUri, { tenant: 'northwind.example' });
    opener.plays({ user: { upn: 'admin@northwind.example', password: ADA.password }, consent: 'accept' });
    const blocked = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    expect(blocked).toMatchObject({ ok: false, error: { code: ErrorCode.EntraPolicyBlocked, step: 'credential', explanation: { title: 'Client secrets are blocked by a tenant policy' } } });
    const clientId = (await reload(services, profile.id)).draft.selfDeployed.clientId;
    expect(clientId).not.toBe('');

    const cert = createClientCertificate('policy-cert');
    const current = await reload(services, profile.id);
    await services.profiles.saveDraft(profile.id, { ...current.draft, selfDeployed: { ...current.draft.selfDeployed, credentialKind: 'certificate', certificate: { sha1Thumbprint: cert.thumbprintSha1.toUpperCase(), sha256Thumbprint: cert.thumbprintSha256.toUpperCase(), subject: 'CN=policy-cert', notAfter: new Date(Date.now() + 300 * 86_400_000).toISOString(), certificatePem: cert.certPem } } }, current.resumeStep);
    opener.plays({ user: { upn: 'admin@northwind.example', password: ADA.password }, consent: 'accept' });
    const withCert = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    if (!withCert.ok) throw new Error(withCert.error.message);
    expect(withCert.value.clientId).toBe(clientId);
    expect(idp.application(northwind.id, clientId)?.keyCredentials).toHaveLength(1);
  });

  it('bad input is refused before any sign-in', async () => {
    const profile = await selfDeployedProfile(services, 'Bad input', 'ftp://example');
    const opened = opener.opened.length;
    const result = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: null }, () => undefined);
    await settled();
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid } });
    const badClient = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 180, bootstrapClientId: 'not-a-guid' }, () => undefined);
    await settled();
    expect(badClient).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid } });
    expect(opener.opened.length).toBe(opened);
  });
});
