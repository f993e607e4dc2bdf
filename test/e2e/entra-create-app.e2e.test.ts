import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { IdentityPlatform } from '../idp/identity-platform';
import { newClientId } from '../integration/idp/fixture';
import { ADA, ADA2, BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, ETID, MAILBOX, NOBODY, TEST_BACKOFF_MS } from '../integration/entra/entra-fixture';
import { integrationClientAssertion, redeemLikeIntegration } from '../integration/signin/xsoar-assertion';
import { freePort } from '../support/free-port';
import { exportWithSecrets, type ExportedSettings } from './support/export-step';
import { succeeded } from './support/operation-result';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { startSignedInApp, useSignInSession, type SignedInApp, type SignInSession } from './support/sign-in-session';
import { expectStep, next } from './support/wizard-steps';

let browser: Browser;
let session: SignInSession;
let idp: IdentityPlatform;
useChromium((b) => (browser = b));
useSignInSession({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] }, (started) => {
  session = started;
  idp = started.idp;
});

const tokenEndpoint = () => `${idp.authority(ETID)}oauth2/v2.0/token`;

interface Setup extends SignedInApp {
  readonly redirectUri: string;
}

async function setUp(): Promise<Setup> {
  const started = await startSignedInApp(browser, session, { authTimeouts: { interactiveMs: 60_000 }, entraBackoffMs: TEST_BACKOFF_MS });
  return { ...started, redirectUri: `http://localhost:${await freePort()}/xsoar` };
}

/** Method → app step with tenant, redirect URI and mailbox typed in; the client ID stays empty. */
async function toAppStep(s: Setup, clientId = ''): Promise<Page> {
  const { page } = s.app;
  await page.check('input[name=method][value="self-deployed"]');
  await next(page);
  await expectStep(page, 'self-deployed-app');
  await page.fill('input[name="selfDeployed.tenant"]', 'fabrikam.example');
  await page.fill('input[name="selfDeployed.redirectUri"]', s.redirectUri);
  if (clientId) await page.fill('input[name="selfDeployed.clientId"]', clientId);
  await page.fill('input[name=entra-mailbox]', MAILBOX.upn);
  return page;
}

/** Clicks a run button as `admin` and waits for the run to end. */
async function runAs(s: Setup, button: 'entra-create' | 'entra-check' | 'entra-repair', admin: { upn: string; password: string }, consent: 'accept' | 'decline' = 'accept'): Promise<void> {
  const { page } = s.app;
  s.opener.plays({ user: admin, consent });
  await page.click(`button[name=${button}]`);
  await page.waitForSelector('[data-entra-run=done], [data-entra-run=failed]', { timeout: 60_000 });
  await s.opener.outcome().catch(() => undefined);
}

/** Credential step (the secret or key already in the keychain) → setup → mailbox → verify (all ✓) → code → review → export. */
async function onToExport(s: Setup, screenshots: boolean): Promise<ExportedSettings> {
  const { page } = s.app;
  await next(page);
  await expectStep(page, 'self-deployed-credential');
  await next(page);
  await expectStep(page, 'self-deployed-setup');
  await next(page);
  await expectStep(page, 'mailbox');
  expect(await page.inputValue('input[name="mailbox.mailboxToFetch"]')).toBe(MAILBOX.upn);
  await page.fill('input[name="mailbox.instanceName"]', 'Graph Mail SOC');
  await next(page);
  await expectStep(page, 'self-deployed-verify');
  await page.click('button[name=check-credential]');
  await succeeded(page, 'check-credential');
  s.opener.plays({ user: MAILBOX, consent: 'accept' });
  await page.click('button[name=verify-sign-in]');
  await succeeded(page, 'verify-sign-in');
  await page.waitForSelector('[data-op-done=verify-sign-in] [data-all-passed=true]');
  if (screenshots) await shot(page, '32-entra-created-verify');
  await next(page);
  await expectStep(page, 'self-deployed-code');
  s.opener.plays({ user: MAILBOX, consent: 'accept' });
  await page.click('button[name=get-code]');
  await succeeded(page, 'capture-code');
  await next(page);
  await expectStep(page, 'review');
  await next(page);
  await expectStep(page, 'export');
  return exportWithSecrets(page);
}

describe('Create the Entra ID app for me, in Chromium', () => {
  it('client secret: admin signs in → app created → consent → every verify check passes → code → XSOAR-style redemption; a second run writes nothing', async () => {
    const s = await setUp();
    try {
      const page = await toAppStep(s);
      for (const scope of ['Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All']) expect(await page.textContent(`[data-admin-scope="${scope}"]`)).toContain('to ');
      for (const scope of ['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite', 'offline_access']) expect(await page.locator(`[data-app-scope="${scope}"]`).count()).toBe(1);
      await shot(page, '30-entra-create-before-sign-in');
      idp.graphFaults.replicationReads = 1;
      await runAs(s, 'entra-create', ADA);
      idp.graphFaults.replicationReads = 0;
      idp.settleGraphReplication();
      await succeeded(page, 'entra');
      const clientId = (await page.textContent('[data-entra-client-id]')) ?? '';
      expect(await page.inputValue('input[name="selfDeployed.clientId"]')).toBe(clientId);
      for (const step of ['sign-in', 'create-app', 'service-principal', 'credential', 'consent']) expect(await page.getAttribute(`[data-entra-step="${step}"]`, 'data-state')).toBe('done');
      expect(await page.locator('[data-secret-stored]').count()).toBe(1);
      await shot(page, '31-entra-created');
      const secretText = idp.application(ETID, clientId)?.passwordCredentials[0]?.secretText ?? 'none';
      expect(await page.content()).not.toContain(secretText);

      // A second run finds the registration and writes nothing.
      const mark = idp.graphLog().length;
      await runAs(s, 'entra-create', ADA);
      await succeeded(page, 'entra');
      expect(await page.getAttribute('[data-op-done=entra]', 'data-write-count')).toBe('0');
      expect(idp.graphLog().slice(mark).filter((e) => e.method !== 'GET')).toEqual([]);

      const exported = await onToExport(s, true);
      expect(exported['creds_auth_id']?.password).toBe(clientId);
      expect(exported['creds_refresh_token']?.password).toBe(ETID);
      expect(exported['creds_enc_key']?.password).toBe(secretText);
      const code = exported['creds_auth_code']?.password ?? '';
      const first = await redeemLikeIntegration(tokenEndpoint(), { client_id: clientId, redirect_uri: s.redirectUri, code, client_secret: secretText });
      expect(first.status).toBe(200);
      expect(typeof first.body['refresh_token']).toBe('string');
      expect(s.app.pageErrors).toEqual([]);
    } finally {
      await s.app.close();
    }
  });

  it('certificate: generated in the app, only its public part uploaded, consent for the mailbox user only; redemption with the integration\'s assertion', async () => {
    const s = await setUp();
    try {
      const page = await toAppStep(s);
      await page.check('input[name=entra-credential][value=certificate]');
      await page.click('button[name=entra-generate-certificate]');
      await page.waitForSelector('[data-entra-certificate]');
      await page.check('input[name=entra-consent][value=mailbox-user]');
      expect(await page.locator('[data-admin-scope="User.ReadBasic.All"]').count()).toBe(1);
      await runAs(s, 'entra-create', ADA);
      await succeeded(page, 'entra');
      const clientId = (await page.textContent('[data-entra-client-id]')) ?? '';
      const sha1 = (await page.getAttribute('[data-entra-certificate]', 'data-entra-certificate')) ?? '';
      expect(idp.application(ETID, clientId)?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([sha1]);
      expect(idp.application(ETID, clientId)?.passwordCredentials).toEqual([]);
      expect(idp.consentedScopes(ETID, clientId, NOBODY.upn).size).toBe(0);
      await shot(page, '33-entra-created-certificate');
      const exported = await onToExport(s, false);
      const cert = exported['creds_certificate'];
      expect(cert?.identifier).toBe(sha1);
      const code = exported['creds_auth_code']?.password ?? '';
      const redeemed = await redeemLikeIntegration(tokenEndpoint(), {
        client_id: clientId, redirect_uri: s.redirectUri, code,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: integrationClientAssertion(tokenEndpoint(), clientId, cert?.identifier ?? '', cert?.password ?? ''),
      });
      expect(redeemed.status).toBe(200);
    } finally {
      await s.app.close();
    }
  });

  it('a broken hand-made registration: check shows the problems, repair fixes them, check passes, and the app works', async () => {
    const s = await setUp();
    try {
      const clientId = newClientId();
      idp.registerApp({ tenantId: ETID, clientId, displayName: 'Hand-made XSOAR app', publicRedirectUris: ['http://localhost', s.redirectUri], delegatedPermissions: ['Mail.ReadWrite', 'User.Read'], applicationPermissions: ['Mail.Read'] });
      const page = await toAppStep(s, clientId);
      await runAs(s, 'entra-check', ADA);
      await succeeded(page, 'entra');
      for (const id of ['web-redirect', 'delegated-permissions', 'application-permissions', 'credential', 'consent']) expect(await page.getAttribute(`[data-finding="${id}"]`, 'data-status')).toBe('problem');
      expect(await page.textContent('[data-finding="web-redirect"]')).toContain('AADSTS700025');
      await shot(page, '34-entra-check-broken');
      await runAs(s, 'entra-repair', ADA);
      await succeeded(page, 'entra');
      await runAs(s, 'entra-check', ADA);
      await succeeded(page, 'entra');
      expect(await page.locator('[data-finding][data-status=problem]').count()).toBe(0);
      await shot(page, '35-entra-repaired');
      const exported = await onToExport(s, false);
      const secret = exported['creds_enc_key']?.password ?? '';
      const redeemed = await redeemLikeIntegration(tokenEndpoint(), { client_id: clientId, redirect_uri: s.redirectUri, code: exported['creds_auth_code']?.password ?? '', client_secret: secret });
      expect(redeemed.status).toBe(200);
    } finally {
      await s.app.close();
    }
  });

  it('explains a non-administrator (the roles that would do) and a declined consent', async () => {
    const s = await setUp();
    try {
      const page = await toAppStep(s);
      await runAs(s, 'entra-create', NOBODY);
      await page.waitForSelector('[data-op-error=entra][data-error-code="entra/denied"]');
      expect(await page.textContent('[data-required-roles]')).toContain('Application Administrator');
      await shot(page, '36-entra-not-admin');
      await runAs(s, 'entra-create', ADA2, 'decline');
      await page.waitForSelector('[data-op-error=entra][data-aadsts="65004"]');
      expect(await page.textContent('[data-op-error=entra]')).toContain('Consent declined');
      await shot(page, '37-entra-consent-declined');
    } finally {
      await s.app.close();
    }
  });
});
