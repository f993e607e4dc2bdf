import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { agedCodeDraft, agedCodeSecrets } from '../fixtures/aged-code-profile';
import { startApp, type Seed } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { seedProfileServices } from './support/seed-profile-services';

let browser: Browser;
useChromium((b) => (browser = b), { requireKeyring: true });

/** A finished self-deployed configuration whose code was obtained 25 minutes ago, saved by the real services. */
const seedExpiredCode: Seed = async (ctx) => {
  const { profiles, secrets } = seedProfileServices(ctx);
  const draft = agedCodeDraft({ instanceName: 'Graph Mail Old Code', minutesAgo: 25, redirectUri: 'https://xsoar.contoso.example/oauth' });
  const created = await profiles.createFromDraft(draft, 'review');
  if (!created.ok) throw new Error(created.error.message);
  const stored = await secrets.setMany(created.value.id, agedCodeSecrets());
  if (!stored.ok) throw new Error(stored.error.message);
};

describe('the authorization code\'s age where it matters (Chromium, real keychain)', () => {
  it('an expired code shows its age in the profile list, on Review and on Export, and the export warns', async () => {
    const app = await startApp(browser, {}, seedExpiredCode);
    try {
      const { page } = app;
      await page.click('button[name=nav-profiles]');
      const item = 'li[data-profile-name="Graph Mail Old Code"]';
      await page.waitForSelector(`${item} [data-code-age=expired]`);
      expect(await page.textContent(`${item} [data-code-age]`)).toMatch(/obtained 2[5-9] minutes ago: expired/);
      await page.click(`${item} button[name=open]`);
      await page.waitForSelector('.wizard[data-step="review"]');
      await page.waitForSelector('[data-code-age=expired] [data-code-age-warning]');
      expect(await page.textContent('[data-code-age=expired]')).toMatch(/obtained 2[5-9] minutes ago/);
      await shot(page, '54-review-expired-code');
      await page.click('button[name=next]');
      await page.waitForSelector('.wizard[data-step="export"]');
      expect(await page.textContent('[data-code-age=expired] [data-code-age-warning]')).toMatch(/has expired.*Get a new code/);
      await page.click('button[name=export]');
      await page.waitForSelector('[data-export-path]');
      expect(await page.textContent('.export-warnings')).toMatch(/creds_auth_code: the authorization code was obtained 2[5-9] minutes ago and has expired/);
      await shot(page, '55-export-expired-code');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
