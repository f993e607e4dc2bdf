import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { secretToolAccounts } from '../integration/support/private-keyring';

let browser: Browser;
useChromium((b) => (browser = b), { requireKeyring: true });

const item = (name: string) => `li[data-profile-name="${name}"]`;
const secretRow = (field: string) => `[data-secret-field="${field}"]`;

async function createProfile(page: Page, name: string, method: string): Promise<void> {
  await page.fill('input[name=new-profile-name]', name);
  await page.selectOption('select[name=new-profile-method]', method);
  await page.click('button[name=create-profile]');
  await page.waitForSelector(item(name));
}

async function storeSecret(page: Page, field: string, value: string): Promise<void> {
  await page.fill(`${secretRow(field)} [name=secret-value]`, value);
  await page.click(`${secretRow(field)} button[name=save-secret]`);
  await page.waitForSelector(`${secretRow(field)}[data-stored=true] >> text=stored in keychain`);
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('profiles screen in Chromium against the real keychain', () => {
  it('creates, stores, reveals, copies, duplicates, renames, searches, deletes, resumes and forgets', async () => {
    const app = await startApp(browser);
    const marker = randomBytes(6).toString('hex');
    const token = `e2e-token-${marker}`;
    const key = `e2e-key-${marker}-${'K'.repeat(3000)}`;
    try {
      const { page } = app;
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('.profiles-screen[data-loaded=true]');

      // Create, and store two secrets (one needs several keychain items).
      await createProfile(page, 'SOC Prod', 'self-deployed');
      await storeSecret(page, 'self-deployed.client-secret', token);
      await storeSecret(page, 'self-deployed.private-key', key);
      expect(await page.textContent(item('SOC Prod'))).toContain('2 secrets in keychain');
      const accounts = await secretToolAccounts(app.secretStore.service);
      // The token is one item; the ~3 KB key is a head plus at least one chunk.
      expect(accounts.length).toBeGreaterThanOrEqual(3);
      expect(accounts.some((a) => a.includes('#'))).toBe(true);
      // The renderer never received a value it was not asked to show.
      expect(await page.locator(`text=${marker}`).count()).toBe(0);
      await shot(page, '06-profiles');

      // Reveal shows the value; Hide drops it.
      await page.click(`${secretRow('self-deployed.client-secret')} button[name=reveal]`);
      expect(await page.textContent(`${secretRow('self-deployed.client-secret')} [data-revealed]`)).toBe(token);
      await shot(page, '07-profile-secret-revealed');
      await page.click(`${secretRow('self-deployed.client-secret')} button[name=hide]`);
      expect(await page.locator('[data-revealed]').count()).toBe(0);

      // Copy goes through the main process's clipboard, not the page.
      await page.click(`${secretRow('self-deployed.private-key')} button[name=copy]`);
      await page.waitForSelector(`${secretRow('self-deployed.private-key')} >> text=the clipboard is cleared in 30 s`);
      expect(app.clipboard.text).toBe(key);

      // Duplicate (secrets included), then rename the copy.
      await page.click(`${item('SOC Prod')} button[name=duplicate]`);
      await page.waitForSelector(item('SOC Prod (copy)'));
      // The copy is selected, ready to work on.
      await page.waitForSelector(`${item('SOC Prod (copy)')}.selected`);
      await page.click(`${item('SOC Prod (copy)')} button[name=rename]`);
      await page.fill('input[name=rename-profile]', 'SOC Lab');
      await page.click('button[name=rename-save]');
      await page.waitForSelector(item('SOC Lab'));
      expect(await page.textContent(item('SOC Lab'))).toContain('2 secrets in keychain');
      expect((await secretToolAccounts(app.secretStore.service)).length).toBe(2 * accounts.length);

      // Search.
      await page.fill('input[name=profile-search]', 'lab');
      expect(await page.locator('li.profile-item').count()).toBe(1);
      await page.fill('input[name=profile-search]', '');
      expect(await page.locator('li.profile-item').count()).toBe(2);

      // Delete asks first, then removes the profile and its keychain items.
      await page.click(`${item('SOC Lab')} button[name=delete]`);
      await page.waitForSelector('[role=alertdialog] >> text=SOC Lab');
      await shot(page, '08-profile-delete-confirm');
      await page.click('[role=alertdialog] button[name=confirm]');
      await page.waitForSelector(item('SOC Lab'), { state: 'detached' });
      expect(await secretToolAccounts(app.secretStore.service)).toEqual(accounts);

      // Open a profile in the wizard; it autosaves each step and resumes there.
      await createProfile(page, 'Azure VM engine', 'managed-identity');
      await page.click(`${item('Azure VM engine')} button[name=open]`);
      await page.waitForSelector('.wizard[data-step="method"]');
      expect(await page.isChecked('input[name=method][value="managed-identity"]')).toBe(true);
      await page.click('button[name=next]');
      await page.waitForSelector('.wizard[data-step="managed-identity"]');
      await page.check('input[name=mi-kind][value="system-assigned"]');
      await page.click('button[name=next]');
      await page.waitForSelector('.wizard[data-step="mailbox"]');
      await page.waitForSelector('[data-save-state=saved][data-saved-step="mailbox"]');
      await page.click('button[name=nav-profiles]');
      await page.click(`${item('Azure VM engine')} button[name=open]`);
      await page.waitForSelector('.wizard[data-step="mailbox"]');
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector(item('SOC Prod'));

      // No secret value in any file under the app data folder.
      for (const file of await filesUnder(app.dataDir)) {
        const text = await readFile(file, 'utf8');
        expect(text.includes(marker), file).toBe(false);
      }

      // Forget everything, after confirmation.
      await page.click('button[name=forget-everything]');
      await page.waitForSelector('[role=alertdialog] >> text=every keychain item');
      await shot(page, '09-forget-everything');
      await page.click('[role=alertdialog] button[name=confirm]');
      await page.waitForSelector('text=Deleted 2 profiles');
      expect(await page.locator('li.profile-item').count()).toBe(0);
      expect(await secretToolAccounts(app.secretStore.service)).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
