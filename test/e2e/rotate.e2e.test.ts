import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppServices } from '../../main/app/app-services';
import { SecretField } from '../../shared/domain/secret-field';
import type { Profile } from '../../shared/domain/profile';
import type { BrowserUser } from '../idp/browser-user';
import type { IdentityPlatform } from '../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../idp/redirect-catcher';
import { startXsoarWorld, type XsoarWorld } from '../xsoar/xsoar-world';
import type { XsoarServer } from '../xsoar/xsoar-server';
import { endpointsOf, PlayingBrowser } from '../integration/signin/signin-fixture';
import { ADA, BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, ETID, TEST_BACKOFF_MS } from '../integration/entra/entra-fixture';
import { crashAt } from '../integration/lifecycle/rotation-child-runner';
import { CONNECTION, expectConsistent, rotationAppServices, workingProfile, XSOAR_KEY } from '../integration/lifecycle/rotation-fixture';
import { expectNoAxeViolations } from './support/page-checks';
import { startApp, type AppUnderTest, type SeedContext } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { useSignInSession } from './support/sign-in-session';

// Issue 15, Rotate in the app: a button on the profile, progress per step, cancel before the point of no return.
// The real renderer in Chromium, the real services, the test identity platform and the XSOAR-shaped server.

let chromium: Browser;
let idp: IdentityPlatform;
let user: BrowserUser;
let catcher: RedirectCatcher;
let world: XsoarWorld;
let x6: XsoarServer;

useChromium((b) => (chromium = b), { requireKeyring: true });
useSignInSession({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] }, (started) => ({ idp, user } = started));
beforeAll(async () => {
  catcher = await startRedirectCatcher();
  world = await startXsoarWorld(idp, ETID);
  x6 = await world.server('xsoar6', [{ id: '', key: XSOAR_KEY, advanced: false, role: 'admin' }]);
});
// Registered after the session, so it runs before the session's own clean-up (vitest runs after-hooks as a stack).
afterAll(async () => {
  await world?.close();
  await catcher?.close();
});

/** The app over a data folder and keychain where a working profile (registration, instance, passed test) exists. */
async function appWithWorkingProfile(name: string, afterSeed?: (ctx: SeedContext, seeded: AppServices, profile: Profile) => Promise<void>): Promise<{ app: AppUnderTest; seeded: AppServices; profile: Profile; opener: PlayingBrowser }> {
  const opener = new PlayingBrowser(user, null);
  let seeded: AppServices | null = null;
  let profile: Profile | null = null;
  const app = await startApp(chromium, { endpoints: endpointsOf(idp), browserOpener: opener, entraBackoffMs: TEST_BACKOFF_MS, authTimeouts: { interactiveMs: 30_000 } }, async (ctx) => {
    const { dataDir, secretStore } = ctx;
    ({ services: seeded } = await rotationAppServices(idp, opener, secretStore, dataDir));
    const added = await seeded.xsoarConnections.add({ name: CONNECTION, url: x6.url, keyId: '', advancedKey: false, caPem: '', caFileName: '' }, XSOAR_KEY);
    if (!added.ok) throw new Error(added.error.message);
    profile = await workingProfile({ services: seeded, idp, opener, browser: user, catcher, name, credential: 'secret' });
    await afterSeed?.(ctx, seeded, profile);
  });
  if (seeded === null || profile === null) throw new Error('seed did not run');
  return { app, seeded, profile, opener };
}

async function openDetails(page: Page, name: string): Promise<void> {
  await page.click('button[name=nav-profiles]');
  await page.click(`li[data-profile-name="${name}"] button[name=select]`);
  await page.waitForSelector(`[data-details-for="${name}"] .rotate-panel`);
  await page.waitForFunction(() => (document.querySelector('select[name=rotate-connection]') as HTMLSelectElement | null)?.value === 'lab');
}

describe('Rotate in the app (Chromium, real keychain, test platform, XSOAR-shaped server)', () => {
  it('rotates the client secret with progress per step; the list shows the new end date', async () => {
    const { app, seeded, profile } = await appWithWorkingProfile('Graph Mail Rotate');
    try {
      const { page } = app;
      const before = await seeded.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret);
      await openDetails(page, 'Graph Mail Rotate');
      await expectNoAxeViolations(page, 'the Rotate panel');
      await page.click('button[name=rotate]');
      await page.waitForSelector('[data-rotate-result=done]', { timeout: 60_000 });
      for (const step of ['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old']) {
        expect(await page.getAttribute(`[data-rotate-step="${step}"]`, 'data-state'), step).toBe('done');
      }
      expect(await page.textContent('[data-rotate-result=done]')).toMatch(/the test passed on “Graph Mail Rotate” and the old one was removed from Entra ID/);
      // The new end date, read from Entra ID, is what the list shows.
      await page.waitForSelector('li[data-profile-name="Graph Mail Rotate"] [data-credential=client-secret]');
      expect(await page.textContent('[data-details-for="Graph Mail Rotate"] [data-credential=client-secret]')).toMatch(/Client secret 1(79|80) days left .*from Entra ID/);
      await expectNoAxeViolations(page, 'a finished rotation');
      await shot(page, '58-rotate-done');
      expect(await seeded.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret)).not.toBe(before);
      await expectConsistent({ services: seeded, idp, server: x6, profileId: profile.id });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('Cancel while the test runs (before the point of no return) undoes everything: the old secret stays in use', async () => {
    const { app, seeded, profile } = await appWithWorkingProfile('Graph Mail Cancel');
    try {
      const { page } = app;
      const before = await seeded.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret);
      // The test command never answers this once: the rotation waits at its test step.
      x6.inject({ path: '/entry/execute/sync', kind: 'hang' });
      await openDetails(page, 'Graph Mail Cancel');
      await page.click('button[name=rotate]');
      await page.waitForSelector('[data-rotate-step=test][data-state=running]', { timeout: 60_000 });
      expect(await page.isEnabled('button[name=rotate-cancel]')).toBe(true);
      await shot(page, '59-rotate-cancel');
      await page.click('button[name=rotate-cancel]');
      await page.waitForSelector('[data-rotate-result=failed]', { timeout: 60_000 });
      expect(await page.getAttribute('[data-rotate-result=failed]', 'data-error-code')).toBe('op/cancelled');
      expect(await page.textContent('[data-rotate-result=failed]')).toContain('the old credential is unchanged');
      expect(await page.getAttribute('[data-rotate-step=roll-back]', 'data-state')).toBe('done');
      expect(await seeded.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret)).toBe(before);
      await expectConsistent({ services: seeded, idp, server: x6, profileId: profile.id });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
  it('a rotation a crash interrupted, which the start could not undo unattended, is listed; Finish now signs in and undoes it', async () => {
    const { app, seeded, profile, opener } = await appWithWorkingProfile('Graph Mail Interrupted', async ({ dataDir, secretStore }, services, seededProfile) => {
      // Killed while testing the new secret: the instance holds it, Entra ID holds both.
      expect(await crashAt({ dataDir, keychainService: secretStore.service, idp, connection: CONNECTION }, seededProfile.id, 'journal:testing')).toBe('paused journal:testing (SIGKILL)');
      // And the administrator's cached sign-in is gone, so the start cannot act on it unattended.
      await services.vault.delete({ kind: 'app' }, SecretField.MsalAdminTokenCache);
    });
    try {
      const { page } = app;
      await page.waitForSelector('[data-unfinished-rotation="Graph Mail Interrupted"][data-recovery=roll-back]', { timeout: 60_000 });
      const listed = await page.textContent('[data-unfinished-rotation="Graph Mail Interrupted"]');
      expect(listed).toContain('stopped while testing the new credential');
      expect(listed).toContain('both credentials stay valid');
      expect(listed).toContain('An interactive administrator sign-in is needed');
      await expectNoAxeViolations(page, 'the interrupted-rotation banner');
      await shot(page, '60-rotation-interrupted');
      // Its profile cannot be deleted meanwhile (undoing the rotation needs it).
      expect(await seeded.profiles.delete(profile.id)).toMatchObject({ ok: false, error: { code: 'rotation/in-progress' } });

      opener.plays({ user: ADA, consent: 'accept' });
      await page.click('button[name=recover-now]');
      await page.waitForSelector('[data-recovery-outcome=rolled-back]', { timeout: 90_000 });
      expect(await page.getAttribute('.unfinished-rotations', 'data-unfinished-rotations')).toBe('0');
      expect(await page.textContent('.unfinished-rotations')).toContain('Graph Mail Interrupted: undone: the old credential is in use again');
      await shot(page, '61-rotation-recovered');
      await expectConsistent({ services: seeded, idp, server: x6, profileId: profile.id });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
