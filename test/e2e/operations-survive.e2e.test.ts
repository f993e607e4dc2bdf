import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { IdentityPlatform } from '../idp/identity-platform';
import type { BrowserUser } from '../idp/browser-user';
import { ADMIN, ALICE, MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../integration/idp/fixture';
import { freePort } from '../support/free-port';
import { succeeded } from './support/operation-result';
import { profilesOnDisk } from './support/profiles-on-disk';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { startSignedInApp, useSignInSession, type SignInSession } from './support/sign-in-session';
import { expectStep, next } from './support/wizard-steps';

let browser: Browser;
let session: SignInSession;
let idp: IdentityPlatform;
let user: BrowserUser;
useChromium((b) => (browser = b));
useSignInSession({ tenants: [TENANT], users: USERS }, (started) => {
  session = started;
  ({ idp, user } = started);
});

const rail = (page: Page, title: string) => page.click(`.step-rail button:has-text("${title}")`);

describe('operations survive navigation (Chromium, test identity platform)', () => {
  it('leaving Verify while admin consent waits keeps it running; the result is kept in the profile, shown after coming back and listed on Review; a changed value makes it stale', async () => {
    const { app, opener } = await startSignedInApp(browser, session);
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
      await expect.poll(async () => (await profilesOnDisk(app.dataDir))[0]?.verifiedChecks.map((c) => c.kind).sort(), { timeout: 30_000 }).toEqual(['admin-consent', 'credential']);
      const stored = (await profilesOnDisk(app.dataDir))[0];
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
