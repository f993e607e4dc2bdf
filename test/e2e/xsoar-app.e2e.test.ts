import { describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { expectStep, next } from './support/wizard-steps';

let browser: Browser;
useChromium((b) => (browser = b));

/** Generated consent-page values; never real credentials. */
function consentValues() {
  return { id: randomUUID(), token: `0.AXkA${randomBytes(150).toString('base64url')}`, key: randomBytes(32).toString('base64') };
}


async function toCredentials(page: Page): Promise<void> {
  await page.check('input[name=method][value="xsoar-app"]');
  await next(page);
  await expectStep(page, 'xsoar-app-consent');
}

async function finishMailboxAndExport(app: AppUnderTest, instanceName: string, screenshots: boolean, key?: string): Promise<Record<string, unknown>> {
  const { page } = app;
  await expectStep(page, 'mailbox');
  await page.fill('input[name="mailbox.instanceName"]', instanceName);
  await page.fill('input[name="mailbox.mailboxToFetch"]', 'soc-phish@contoso.example');
  await next(page);
  await expectStep(page, 'review');
  // The review never shows the Token or Key, only where they live.
  expect(await page.textContent('tr[data-param="creds_enc_key"]')).toContain('stored in keychain');
  // Copy: plain values straight away; secrets through the main process, never via the page.
  await page.click('button[name="copy-mailbox_to_fetch"]');
  await page.waitForSelector('[data-copied="mailbox_to_fetch"]');
  expect(app.clipboard.writes.at(-1)).toBe('soc-phish@contoso.example');
  if (key !== undefined) {
    await page.click('button[name="copy-creds_enc_key"]');
    await page.waitForSelector('[data-copied="creds_enc_key"] >> text=cleared in 30 s');
    expect(app.clipboard.writes.at(-1)).toBe(key);
    expect(await page.content()).not.toContain(key);
  }
  if (screenshots) await shot(page, '13-xsoar-app-review');
  await next(page);
  await expectStep(page, 'export');
  // Secrets are left out unless the analyst asks for them.
  expect(await page.isChecked('input[name=include-secrets]')).toBe(false);
  await page.check('input[name=include-secrets]');
  await page.waitForSelector('text=working credentials in plain text');
  if (screenshots) await shot(page, '15-export-formats');
  await page.click('button[name=export]');
  const path = (await page.locator('[data-export-path]').textContent()) ?? '';
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('Cortex XSOAR application path in Chromium against the real services and keychain', () => {
  it('opens exactly the consent page, fills the fields from pasted text, refuses a bad Key and exports per spec', async () => {
    const app = await startApp(browser);
    const values = consentValues();
    try {
      const { page } = app;
      await toCredentials(page);
      await shot(page, '11-xsoar-app-consent');
      await page.click('button[name=open-consent]');
      await expect.poll(() => app.browserOpener.opened).toEqual(['https://oproxy.demisto.ninja/ms-graph-mail-listener']);
      await next(page);
      await expectStep(page, 'xsoar-app-credentials');

      // A bad Key is refused on its field and blocks Next.
      await page.fill('input[name="xsoarApp.key"]', randomBytes(20).toString('base64'));
      await page.locator('input[name="xsoarApp.key"]').blur();
      await page.waitForSelector('[data-field-error="xsoarApp.key"]');
      expect(await page.textContent('[data-field-error="xsoarApp.key"]')).toContain('decodes to 20 bytes');
      await next(page);
      await expectStep(page, 'xsoar-app-credentials');
      await shot(page, '12-xsoar-app-invalid-key');

      // Paste everything: labels in another order, extra whitespace and blank lines.
      await page.fill('textarea[name=paste-everything]', `Authorization complete\n\n  Key :  ${values.key}\n\nToken\n${values.token}\n   ID: ${values.id}  \n`);
      await page.click('button[name=fill-from-paste]');
      await page.waitForSelector('[data-secret-field="xsoarApp.key"][data-stored=true]');
      await page.waitForSelector('[data-secret-field="xsoarApp.token"][data-stored=true]');
      expect(await page.inputValue('input[name="xsoarApp.id"]')).toBe(values.id);
      expect(await page.textContent('[data-paste-report]')).toContain('Found ID, Token, Key.');
      // The values went to the keychain, not into the page.
      expect(await page.content()).not.toContain(values.key);
      expect(await page.content()).not.toContain(values.token);
      await shot(page, '12-xsoar-app-credentials');
      await next(page);

      const exported = await finishMailboxAndExport(app, 'Graph Mail SOC', true, values.key);
      expect(exported['self_deployed']).toBe(false);
      expect(exported['creds_auth_id']).toEqual({ credential: '', identifier: '', password: values.id, passwordChanged: false });
      expect(exported['creds_refresh_token']).toEqual({ credential: '', identifier: '', password: values.token, passwordChanged: false });
      expect(exported['creds_enc_key']).toEqual({ credential: '', identifier: '', password: values.key, passwordChanged: false });
      for (const name of ['use_managed_identities', 'managed_identities_client_id', 'creds_certificate', 'creds_auth_code', 'redirect_uri', 'auth_id', 'refresh_token', 'enc_key', 'certificate_thumbprint', 'private_key', 'auth_code']) {
        expect(exported).not.toHaveProperty(name);
      }
      expect(exported['mailbox_to_fetch']).toBe('soc-phish@contoso.example');

      // Exporting the same values under another instance name asks first and explains why.
      await page.click('button[name=back]');
      await page.click('.step-rail button:has-text("Mailbox and fetch settings")');
      await page.fill('input[name="mailbox.instanceName"]', 'Graph Mail SOC 2');
      await next(page);
      await next(page);
      await page.click('button[name=export]');
      await page.waitForSelector('[data-error-code="export/instance-binding-mismatch"]');
      expect(await page.textContent('[data-error-code="export/instance-binding-mismatch"]')).toContain('one instance only');
      await shot(page, '14-xsoar-app-second-instance');
      await page.click('button[name=export-rebind]');
      await page.waitForSelector('[data-export-path]');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('duplicating the profile drops the bound credentials', async () => {
    const app = await startApp(browser);
    const values = consentValues();
    try {
      const { page } = app;
      await toCredentials(page);
      await next(page);
      await page.fill('input[name="xsoarApp.id"]', values.id);
      await page.fill('input[name="xsoarApp.token"]', values.token);
      await page.locator('input[name="xsoarApp.token"]').blur();
      await page.fill('input[name="xsoarApp.key"]', values.key);
      await page.locator('input[name="xsoarApp.key"]').blur();
      await page.waitForSelector('[data-secret-field="xsoarApp.key"][data-stored=true]');
      await page.waitForSelector('[data-secret-field="xsoarApp.token"][data-stored=true]');
      await next(page);
      await expectStep(page, 'mailbox');
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('.profiles-screen[data-loaded=true]');
      const original = page.locator('.profile-item').first();
      expect(await original.textContent()).toContain('2 secrets in keychain');
      await original.locator('button[name=duplicate]').click();
      const copy = page.locator('.profile-item', { hasText: '(copy)' });
      await copy.waitFor();
      expect(await copy.textContent()).toContain('0 secrets in keychain');
      await copy.locator('button[name=open]').click();
      await page.waitForSelector('.wizard');
      if ((await page.locator('.wizard[data-step="mailbox"]').count()) === 1) await page.click('.step-rail button:has-text("ID, Token and Key")');
      await expectStep(page, 'xsoar-app-credentials');
      expect(await page.inputValue('input[name="xsoarApp.id"]')).toBe('');
      expect(await page.locator('[data-secret-field="xsoarApp.key"][data-stored=false]').count()).toBe(1);
    } finally {
      await app.close();
    }
  });
});
