import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import type { IdentityPlatform } from '../idp/identity-platform';
import type { AppSpec } from '../idp/platform-model';
import { ADMIN, ALICE, BOB, MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../integration/idp/fixture';
import { portIsOpen } from '../integration/signin/signin-fixture';
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
useSignInSession({ tenants: [TENANT], users: USERS }, (started) => {
  session = started;
  idp = started.idp;
});

const tokenEndpoint = () => `${idp.authority(TID)}oauth2/v2.0/token`;

interface Setup extends SignedInApp {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly secret: string;
  readonly spec: AppSpec;
}

/** The app under test wired to the test identity platform; the browser user plays the system browser. */
async function setUp(platforms: 'web-and-desktop' | 'web-only' = 'web-and-desktop', interactiveMs = 60_000): Promise<Setup> {
  const { app, opener } = await startSignedInApp(browser, session, { authTimeouts: { interactiveMs } });
  const clientId = newClientId();
  const redirectUri = `http://localhost:${await freePort()}/xsoar`;
  const secret = randomBytes(30).toString('base64url');
  const spec: AppSpec = {
    tenantId: TID,
    clientId,
    displayName: 'XSOAR Graph Mail',
    publicRedirectUris: platforms === 'web-only' ? [] : ['http://localhost'],
    webRedirectUris: [redirectUri],
    secrets: [secret],
    delegatedPermissions: [...MAIL_PERMISSIONS],
  };
  idp.registerApp(spec);
  return { app, opener, clientId, redirectUri, secret, spec };
}

/** Method → app registration (domain resolved to the GUID) → credential step. */
async function throughAppStep(s: Setup, screenshots: boolean): Promise<void> {
  const { page } = s.app;
  await page.check('input[name=method][value="self-deployed"]');
  await next(page);
  await expectStep(page, 'self-deployed-app');
  await page.fill('input[name="selfDeployed.tenant"]', 'contoso.example');
  await page.click('button[name=resolve-tenant]');
  await page.waitForSelector(`[data-resolved-tenant="${TID}"]`);
  await page.fill('input[name="selfDeployed.clientId"]', s.clientId);
  await page.fill('input[name="selfDeployed.redirectUri"]', s.redirectUri);
  if (screenshots) await shot(page, '20-self-deployed-app');
  await next(page);
  await expectStep(page, 'self-deployed-credential');
}

async function storeSecret(page: Page, value: string): Promise<void> {
  await page.fill('input[name="selfDeployed.clientSecret"]', value);
  await page.locator('input[name="selfDeployed.clientSecret"]').blur();
  await page.waitForSelector('[data-secret-field="selfDeployed.clientSecret"][data-stored=true]');
}

/** Setup checklist → mailbox → verify step. */
async function throughSetupAndMailbox(s: Setup, mailbox: string, screenshots: boolean, folder = 'Inbox'): Promise<void> {
  const { page } = s.app;
  await next(page);
  await expectStep(page, 'self-deployed-setup');
  expect(await page.textContent('[data-copy-value=web-redirect]')).toBe(s.redirectUri);
  expect(await page.textContent('[data-copy-value=desktop-redirect]')).toBe('http://localhost');
  expect(await page.textContent('[data-copy-value=tenant-id]')).toBe(TID);
  for (const p of [...MAIL_PERMISSIONS, 'offline_access']) expect(await page.textContent(`[data-copy-value="permission-${p}"]`)).toBe(p);
  await page.click('button[name=copy-web-redirect]');
  await expect.poll(() => s.app.clipboard.writes.at(-1)).toBe(s.redirectUri);
  if (screenshots) await shot(page, '22-self-deployed-setup');
  await next(page);
  await expectStep(page, 'mailbox');
  await page.fill('input[name="mailbox.instanceName"]', 'Graph Mail SOC');
  await page.fill('input[name="mailbox.mailboxToFetch"]', mailbox);
  await page.fill('input[name="mailbox.folderToFetch"]', folder);
  await next(page);
  await expectStep(page, 'self-deployed-verify');
}

/** The three checks, all passing, then the XSOAR code, review and export. Returns the exported settings. */
async function verifyCodeAndExport(s: Setup, screenshots: boolean): Promise<ExportedSettings> {
  const { page } = s.app;
  await page.click('button[name=check-credential]');
  await succeeded(page, 'check-credential');
  s.opener.plays({ user: ADMIN, consent: 'accept' });
  await page.click('button[name=admin-consent]');
  await succeeded(page, 'admin-consent');
  s.opener.plays({ user: ALICE, consent: 'accept' });
  await page.click('button[name=verify-sign-in]');
  await succeeded(page, 'verify-sign-in');
  await page.waitForSelector('[data-op-done=verify-sign-in] [data-all-passed=true]');
  for (const id of ['scopes', 'account', 'read-mail', 'folder']) expect(await page.getAttribute(`[data-check=${id}]`, 'data-passed')).toBe('true');
  if (screenshots) await shot(page, '23-self-deployed-verify');
  await next(page);
  await expectStep(page, 'self-deployed-code');
  s.opener.plays({ user: ALICE, consent: 'accept' });
  await page.click('button[name=get-code]');
  await succeeded(page, 'capture-code');
  await page.waitForSelector('[data-code-stored] [data-countdown]');
  expect(await page.textContent('[data-countdown]')).toMatch(/^(10:00|9:[0-5]\d) left/);
  expect(await page.textContent('[data-next-steps]')).toContain('!msgraph-mail-auth-reset');
  // The listener on the XSOAR redirect port is gone once the code is caught.
  expect(await portIsOpen(Number(new URL(s.redirectUri).port))).toBe(false);
  if (screenshots) await shot(page, '24-self-deployed-code');
  await next(page);
  await expectStep(page, 'review');
  if (screenshots) await shot(page, '25-self-deployed-review');
  await next(page);
  await expectStep(page, 'export');
  // The settings go straight into XSOAR here, so the secrets are included (off by default).
  return exportWithSecrets(page);
}

describe('self-deployed Entra ID app in Chromium against the test identity platform', () => {
  it('client secret: credential check, admin consent, verified sign-in, XSOAR code, export; the exported code redeems once like XSOAR', async () => {
    const s = await setUp();
    try {
      const { page } = s.app;
      await throughAppStep(s, true);
      await storeSecret(page, s.secret);
      await shot(page, '21-self-deployed-secret');
      await throughSetupAndMailbox(s, ALICE.upn, true);
      const exported = await verifyCodeAndExport(s, true);
      expect(exported['self_deployed']).toBe(true);
      expect(exported['creds_auth_id']?.password).toBe(s.clientId);
      expect(exported['creds_refresh_token']?.password).toBe(TID);
      expect(exported['creds_enc_key']?.password).toBe(s.secret);
      expect(exported['redirect_uri']).toBe(s.redirectUri);
      expect(exported).not.toHaveProperty('creds_certificate');
      const code = exported['creds_auth_code']?.password ?? '';
      expect(code).not.toMatch(/session_state|code=|^$/);
      // Secrets never entered the page.
      expect(await page.content()).not.toContain(s.secret);
      expect(await page.content()).not.toContain(code);

      const form = { client_id: s.clientId, redirect_uri: s.redirectUri, code, client_secret: s.secret };
      const first = await redeemLikeIntegration(tokenEndpoint(), form);
      expect(first.status).toBe(200);
      expect(typeof first.body['refresh_token']).toBe('string');
      const second = await redeemLikeIntegration(tokenEndpoint(), form);
      expect(second.body['error_codes']).toEqual([54005]);
      expect(s.app.pageErrors).toEqual([]);
    } finally {
      await s.app.close();
    }
  });

  it('generated certificate: saved .crt uploaded, then the same path; the code redeems once with the integration\'s assertion', async () => {
    const s = await setUp();
    try {
      const { page } = s.app;
      await throughAppStep(s, false);
      await page.check('input[name=credentialKind][value=certificate]');
      await page.fill('input[name=cert-cn]', 'xsoar-graph-mail-e2e');
      await page.fill('input[name=cert-days]', '20');
      await page.click('button[name=generate-certificate]');
      await page.waitForSelector('[data-certificate]');
      const sha1 = (await page.textContent('[data-cert-sha1]')) ?? '';
      expect(sha1).toMatch(/^[0-9A-F]{40}$/);
      expect(await page.textContent('[data-cert-sha256]')).toMatch(/^[0-9A-F]{64}$/);
      expect(await page.textContent('[data-cert-subject]')).toBe('CN=xsoar-graph-mail-e2e');
      // 20 days of validity: the expiry warning shows.
      expect(await page.textContent('[data-cert-warning]')).toMatch(/expires/);
      await page.click('button[name=save-public-certificate]');
      const crtPath = (await page.getAttribute('[data-saved-certificate]', 'data-saved-certificate')) ?? '';
      const crt = await readFile(crtPath, 'utf8');
      expect(crt).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(crt).not.toContain('PRIVATE KEY');
      expect(await page.content()).not.toContain('PRIVATE KEY-----');
      await shot(page, '21-self-deployed-certificate');
      // "Upload" the saved certificate to the registration, as the checklist says.
      idp.registerApp({ ...s.spec, secrets: [], certificates: [crt] });

      await throughSetupAndMailbox(s, ALICE.upn, false);
      const exported = await verifyCodeAndExport(s, false);
      expect(exported['self_deployed']).toBe(true);
      expect(exported).not.toHaveProperty('creds_enc_key');
      const cert = exported['creds_certificate'];
      expect(cert?.identifier).toBe(sha1);
      expect(cert?.password).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n?$/);
      const code = exported['creds_auth_code']?.password ?? '';

      const assertion = (): Record<string, string> => ({
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: integrationClientAssertion(tokenEndpoint(), s.clientId, cert?.identifier ?? '', cert?.password ?? ''),
      });
      const form = { client_id: s.clientId, redirect_uri: s.redirectUri, code };
      expect((await redeemLikeIntegration(tokenEndpoint(), { ...form, ...assertion() })).status).toBe(200);
      expect((await redeemLikeIntegration(tokenEndpoint(), { ...form, ...assertion() })).body['error_codes']).toEqual([54005]);
    } finally {
      await s.app.close();
    }
  });

  it('explains what went wrong: wrong secret (AADSTS7000215 with its fix), declined consent, the wrong user signed in', async () => {
    const s = await setUp();
    try {
      const { page } = s.app;
      await throughAppStep(s, false);
      await storeSecret(page, randomBytes(30).toString('base64url'));
      await throughSetupAndMailbox(s, ALICE.upn, false);

      await page.click('button[name=check-credential]');
      await page.waitForSelector('[data-op-error=check-credential]');
      expect(await page.getAttribute('[data-op-error=check-credential]', 'data-aadsts')).toBe('7000215');
      expect(await page.textContent('[data-op-error=check-credential] [data-fix]')).toMatch(/How to fix it:.*secret/i);

      s.opener.plays({ user: ADMIN, consent: 'decline' });
      await page.click('button[name=admin-consent]');
      await page.waitForSelector('[data-op-error=admin-consent]');
      expect(await page.getAttribute('[data-op-error=admin-consent]', 'data-error-code')).toMatch(/consent-declined|aadsts/);

      // Bob signs in although the mailbox is Alice's.
      s.opener.plays({ user: BOB, consent: 'accept' });
      await page.click('button[name=verify-sign-in]');
      await succeeded(page, 'verify-sign-in');
      await page.waitForSelector('[data-op-done=verify-sign-in] [data-all-passed=false]');
      expect(await page.textContent('[data-signed-in-as]')).toBe(BOB.upn);
      expect(await page.getAttribute('[data-check=account]', 'data-passed')).toBe('false');
      expect(await page.textContent('[data-check=account] .fix')).toMatch(/Fix:/);
      await shot(page, '26-self-deployed-problems-explained');

      // Cancel closes the XSOAR redirect listener at once.
      await next(page);
      await expectStep(page, 'self-deployed-code');
      s.opener.plays(null);
      await page.click('button[name=get-code]');
      await page.waitForSelector('[data-op-running=capture-code]');
      const port = Number(new URL(s.redirectUri).port);
      await expect.poll(() => portIsOpen(port)).toBe(true);
      await page.click('button[name=capture-code-cancel]');
      await page.waitForSelector('[data-op-error=capture-code][data-error-code="op/cancelled"]');
      expect(await portIsOpen(port)).toBe(false);
      // Without a code, Next stays on this step and says why.
      await next(page);
      await page.waitForSelector('[data-field-error="selfDeployed.authCode"]');

      // Something else answers on the redirect port (XSOAR's own web server, say): the wizard falls back to
      // pasting the address the browser landed on, and takes only the code from it.
      const blocker = createHttpServer((_req, res) => res.end('not the assistant'));
      await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
      try {
        s.opener.plays({ user: ALICE, consent: 'accept' });
        await page.click('button[name=get-code]');
        await page.waitForSelector('[data-paste-code]');
        expect(await page.textContent('[data-capture-fallback]')).toContain(`Port ${port}`);
        const landed = await s.opener.outcome();
        if (landed.kind !== 'left-platform') throw new Error(`browser ended with ${landed.kind}`);
        await page.fill('textarea[name=pasted-address]', 'http://localhost/?error=access_denied&error_description=AADSTS65004%3A+declined&state=forged');
        await page.click('button[name=submit-pasted]');
        await page.waitForSelector('[data-op-error=code]');
        await page.fill('textarea[name=pasted-address]', landed.url);
        await shot(page, '27-self-deployed-paste-code');
        await page.click('button[name=submit-pasted]');
        await page.waitForSelector('[data-code-stored] [data-countdown]');
        expect(await page.content()).not.toContain(new URL(landed.url).searchParams.get('code') ?? 'no code in the address');
        // Right after the capture, while the code is fresh, the step offers to send the instance to XSOAR.
        await page.waitForSelector('[data-send-to-xsoar] #send-to-xsoar-title');
      } finally {
        await new Promise<void>((resolve) => blocker.close(() => resolve()));
      }
    } finally {
      await s.app.close();
    }
  });

  it('times out when nobody signs in: the wizard says so and the loopback listener is closed', async () => {
    // A 3-second limit stands in for the real 5 minutes; the user never acts in the browser.
    const s = await setUp('web-and-desktop', 3_000);
    try {
      const { page } = s.app;
      await throughAppStep(s, false);
      await storeSecret(page, s.secret);
      await throughSetupAndMailbox(s, ALICE.upn, false);
      s.opener.plays(null);
      await page.click('button[name=verify-sign-in]');
      await page.waitForSelector('[data-op-running=verify-sign-in]');
      // The page shows "running" before MSAL has opened the browser.
      await expect.poll(() => s.opener.opened.length).toBeGreaterThan(0);
      const port = Number(new URL(s.opener.lastRedirectUri()).port);
      await expect.poll(() => portIsOpen(port)).toBe(true);
      await page.waitForSelector('[data-op-error=verify-sign-in][data-error-code="op/timeout"]', { timeout: 30_000 });
      expect(await portIsOpen(port)).toBe(false);
    } finally {
      await s.app.close();
    }
  });

  it('Web redirect only: the same verification with the app\'s secret and a pasted address; an unknown folder is ✗ with its fix', async () => {
    const s = await setUp('web-only');
    const port = Number(new URL(s.redirectUri).port);
    // Where the browser lands: XSOAR's redirect address, served by something else (here a plain page).
    const landing = createHttpServer((_req, res) => res.end('landed'));
    await new Promise<void>((resolve) => landing.listen(port, '127.0.0.1', resolve));
    try {
      const { page } = s.app;
      await throughAppStep(s, false);
      await storeSecret(page, s.secret);
      await throughSetupAndMailbox(s, ALICE.upn, false, 'Inbox/Phishing-missing');
      await page.click('[data-verify=web-sign-in] summary');
      s.opener.plays({ user: ALICE, consent: 'accept' });
      await page.click('button[name=begin-web-sign-in]');
      await succeeded(page, 'begin-web-sign-in');
      const landed = await s.opener.outcome();
      if (landed.kind !== 'left-platform') throw new Error(`browser ended with ${landed.kind}`);
      await page.fill('textarea[name=web-pasted]', landed.url);
      await page.click('button[name=complete-web-sign-in]');
      await succeeded(page, 'complete-web-sign-in');
      await page.waitForSelector('[data-op-done=complete-web-sign-in] [data-all-passed=false]');
      for (const id of ['scopes', 'account', 'read-mail']) expect(await page.getAttribute(`[data-check=${id}]`, 'data-passed')).toBe('true');
      expect(await page.getAttribute('[data-check=folder]', 'data-passed')).toBe('false');
      expect(await page.textContent('[data-check=folder] .fix')).toMatch(/Fix:/);
      await shot(page, '28-self-deployed-web-redirect-verify');
    } finally {
      await new Promise<void>((resolve) => landing.close(() => resolve()));
      await s.app.close();
    }
  });
});
