import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Profile } from '../../shared/domain/profile';
import { createNodeFetchClient } from '../../main/adapters/node-fetch-client';
import { launchBrowserUser, type BrowserUser } from '../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../idp/identity-platform';
import { ADMIN, ALICE, MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../integration/idp/fixture';
import { endpointsOf, PlayingBrowser } from '../integration/signin/signin-fixture';
import { launchChromium, SCREENSHOT_DIR, startApp } from './support/app-under-test';

let browser: Browser;
let idp: IdentityPlatform;
let user: BrowserUser;
beforeAll(async () => {
  browser = await launchChromium();
  idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
  user = await launchBrowserUser(idp.caCertPath);
});
afterAll(async () => {
  await user?.close();
  await idp?.close();
  await browser?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const next = (page: Page) => page.click('button[name=next]');
const expectStep = (page: Page, step: string) => page.waitForSelector(`.wizard[data-step="${step}"]`);
const rail = (page: Page, title: string) => page.click(`.step-rail button:has-text("${title}")`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function succeeded(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`[data-op-done=${name}], [data-op-error=${name}]`, { timeout: 60_000, state: 'attached' });
  const error = await page.locator(`[data-op-error=${name}]`).count();
  if (error > 0) throw new Error(`${name} failed: ${await page.textContent(`[data-op-error=${name}]`)}`);
}

async function profileOnDisk(dataDir: string): Promise<Profile | undefined> {
  const file = JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8')) as { profiles: Profile[] };
  return file.profiles[0];
}

describe('operations survive navigation (Chromium, test identity platform)', () => {
  it('leaving Verify while admin consent waits keeps it running; the result is kept in the profile, shown after coming back and listed on Review; a changed value makes it stale', async () => {
    const opener = new PlayingBrowser(user, null);
    const app = await startApp(browser, { browserOpener: opener, http: createNodeFetchClient(), endpoints: endpointsOf(idp), extraExternalHosts: [idp.authorityHostAndPort] });
    try {
      const { page } = app;
      const clientId = newClientId();
      const redirectUri = `http://localhost:${await freePort()}/xsoar`;
      const secret = randomBytes(30).toString('base64url');
      idp.registerApp({
        tenantId: TID,
        clientId,
        displayName: 'XSOAR Graph Mail',
        publicRedirectUris: ['http://localhost'],
        webRedirectUris: [redirectUri],
        secrets: [secret],
        delegatedPermissions: [...MAIL_PERMISSIONS],
      });

      await page.check('input[name=method][value="self-deployed"]');
      await next(page);
      await expectStep(page, 'self-deployed-app');
      await page.fill('input[name="selfDeployed.tenant"]', TID);
      await page.fill('input[name="selfDeployed.clientId"]', clientId);
      await page.fill('input[name="selfDeployed.redirectUri"]', redirectUri);
      await next(page);
      await expectStep(page, 'self-deployed-credential');
      await page.fill('input[name="selfDeployed.clientSecret"]', secret);
      await page.locator('input[name="selfDeployed.clientSecret"]').blur();
      await page.waitForSelector('[data-secret-field="selfDeployed.clientSecret"][data-stored=true]');
      await next(page);
      await expectStep(page, 'self-deployed-setup');
      await next(page);
      await expectStep(page, 'mailbox');
      await page.fill('input[name="mailbox.instanceName"]', 'Graph Mail Consent');
      await page.fill('input[name="mailbox.mailboxToFetch"]', ALICE.upn);
      await next(page);
      await expectStep(page, 'self-deployed-verify');

      await page.click('button[name=check-credential]');
      await succeeded(page, 'check-credential');

      // The administrator has not acted yet when the analyst moves on.
      opener.plays(null);
      await page.click('button[name=admin-consent]');
      await page.waitForSelector('[data-op-running=admin-consent]');
      await page.click('button[name=back]');
      await expectStep(page, 'mailbox');
      await next(page);
      await expectStep(page, 'self-deployed-verify');
      // Still waiting, with its Cancel button: moving between steps cancelled nothing.
      await page.waitForSelector('[data-op-running=admin-consent] button[name=admin-consent-cancel]');
      // Leave the wizard altogether.
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('li[data-profile-name="Graph Mail Consent"]');

      // Now the administrator consents: the browser reaches the app's loopback listener (not "connection refused").
      const consentUrl = opener.opened.at(-1);
      if (consentUrl === undefined) throw new Error('the consent page was never opened');
      const outcome = await user.play(consentUrl, { user: ADMIN, consent: 'accept' });
      expect(outcome.kind).toBe('left-platform');
      // The main process kept the result in the profile: which check, when, for which values (never a secret).
      await expect.poll(async () => (await profileOnDisk(app.dataDir))?.verifiedChecks.map((c) => c.kind).sort(), { timeout: 30_000 }).toEqual(['admin-consent', 'credential']);
      const stored = await profileOnDisk(app.dataDir);
      expect(JSON.stringify(stored)).not.toContain(secret);

      // Coming back: the check shows as passed, both as the operation's result and as the profile's record.
      await page.click('li[data-profile-name="Graph Mail Consent"] button[name=open]');
      await expectStep(page, 'self-deployed-verify');
      await page.waitForSelector('[data-op-done=admin-consent]');
      await page.waitForSelector('[data-check-standing=admin-consent][data-stale=false]');
      await page.waitForSelector('[data-check-standing=credential][data-stale=false]');
      await shot(page, '52-verify-after-coming-back');

      // Code, then Review lists the verified checks.
      await next(page);
      await expectStep(page, 'self-deployed-code');
      opener.plays({ user: ALICE, consent: 'accept' });
      await page.click('button[name=get-code]');
      await succeeded(page, 'capture-code');
      await page.waitForSelector('[data-code-stored]');
      await next(page);
      await expectStep(page, 'review');
      await page.waitForSelector('[data-verified-check=admin-consent][data-stale=false]');
      await page.waitForSelector('[data-verified-check=credential][data-stale=false]');
      expect(await page.locator('[data-verified-check=sign-in]').count()).toBe(0);
      await shot(page, '53-review-verified-checks');

      // A value a check verified changes: the check is marked stale (consent was for the old app).
      await rail(page, 'App registration');
      await expectStep(page, 'self-deployed-app');
      await page.fill('input[name="selfDeployed.clientId"]', newClientId());
      await next(page);
      await next(page);
      await next(page);
      await next(page);
      await expectStep(page, 'self-deployed-verify');
      await page.waitForSelector('[data-check-standing=admin-consent][data-stale=true]');
      await page.waitForSelector('[data-check-standing=credential][data-stale=true]');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
