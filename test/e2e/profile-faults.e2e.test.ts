import { describe, expect, it } from 'vitest';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SecretVault } from '../../main/secrets/secret-vault';
import { timedGeneration } from '../../main/secrets/item-age';
import { SecretField } from '../../shared/domain/secret-field';
import { startApp } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { secretToolAccounts } from '../integration/support/private-keyring';

let browser: Browser;
useChromium((b) => (browser = b), { requireKeyring: true });

const LOST_PROFILE = '5d1e8a3c-7b2f-4c6d-9e0a-1f2b3c4d5e6f';

describe('profiles screen after a damaged profiles file', () => {
  it('tells the user, starts empty, lists the lost profile’s keychain items and removes them', async () => {
    const app = await startApp(browser, {}, async ({ dataDir, secretStore }) => {
      await mkdir(dataDir, { recursive: true });
      // A truncated file, and the keychain items of the profile it held.
      await writeFile(join(dataDir, 'profiles.json'), '{"schemaVersion":1,"profiles":[{"id":"5d1e8a3c-7b2f-4c6d-9e0a-1f2b3c4d5e6f","name":"Prod');
      // Written an hour ago (a generation records its write time): old enough to be a leftover, not an import in flight.
      const vault = new SecretVault(secretStore, () => timedGeneration(Date.now() - 3_600_000));
      await vault.set({ kind: 'profile', profileId: LOST_PROFILE }, SecretField.SelfDeployedClientSecret, 'lost-client-secret');
      await vault.set({ kind: 'profile', profileId: LOST_PROFILE }, SecretField.SelfDeployedPrivateKey, 'P'.repeat(5000));
    });
    try {
      const { page } = app;
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('[data-notice] >> text=moved aside');
      expect(await page.textContent('[data-notice]')).toContain('profiles.json.corrupt-');
      expect((await readdir(app.dataDir)).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true);
      expect(await page.locator('li.profile-item').count()).toBe(0);

      await page.click('button[name=check-orphans]');
      await page.waitForSelector(`[data-orphans] >> text=${LOST_PROFILE}`);
      expect(await page.textContent('[data-orphans]')).toContain('self-deployed.client-secret, self-deployed.private-key');
      await shot(page, '10-profiles-file-damaged');
      await page.click('button[name=remove-orphans]');
      await page.waitForSelector('text=/Removed 4 leftover keychain items/'); // 1 + (head + 2 chunks)
      expect(await secretToolAccounts(app.secretStore.service)).toEqual([]);

      // The app keeps working.
      await page.fill('input[name=new-profile-name]', 'Rebuilt');
      await page.click('button[name=create-profile]');
      await page.waitForSelector('li[data-profile-name="Rebuilt"]');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
