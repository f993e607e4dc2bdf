import { describe, expect, it } from 'vitest';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PARAM_TABLE } from '../../shared/xsoar/param-table';
import { startApp, type AppUnderTest } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { expectStep, next } from './support/wizard-steps';

const MI_CLIENT_ID = '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10';

let browser: Browser;
useChromium((b) => (browser = b));

async function fill(page: Page, name: string, value: string): Promise<void> {
  await page.fill(`input[name="${name}"]`, value);
}

const OTHER_METHOD_PARAMS = ['creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'auth_id', 'refresh_token', 'enc_key', 'creds_certificate', 'certificate_thumbprint', 'private_key', 'creds_auth_code', 'auth_code', 'redirect_uri', 'self_deployed'];

function expectFetchSettings(exported: Record<string, unknown>): void {
  expect(exported['mailbox_to_fetch']).toBe('soc-phish@contoso.example');
  expect(exported['folder_to_fetch']).toBe('Inbox/Phishing');
  expect(exported['first_fetch']).toBe('3 days');
  expect(exported['fetch_limit']).toBe('25');
  expect(exported['isFetch']).toBe(true);
  expect(exported['incidentFetchInterval']).toBe('5');
  expect(exported['incidentType']).toBe('Phishing');
  for (const name of ['display_full_email_body', 'fetch_html_formatting', 'legacy_name', 'insecure', 'proxy']) expect(exported[name]).toBe(false);
  expect(exported['mark_fetched_read']).toBe(true);
  // Every key is a real parameter name, and no other method's parameter is present.
  const known = new Set<string>(PARAM_TABLE.map((p) => p.name));
  expect(Object.keys(exported).filter((key) => !known.has(key))).toEqual([]);
  for (const name of OTHER_METHOD_PARAMS) expect(exported).not.toHaveProperty(name);
}

async function fillMailbox(app: AppUnderTest, screenshots: boolean): Promise<void> {
  const { page } = app;
  await expectStep(page, 'mailbox');
  // Invalid values show their field errors and block Next.
  await fill(page, 'mailbox.mailboxToFetch', 'not-an-address');
  await fill(page, 'mailbox.fetchLimit', 'fifty');
  await fill(page, 'mailbox.firstFetch', 'yesterday');
  await next(page);
  await expectStep(page, 'mailbox');
  expect(await page.textContent('[data-field-error="mailbox.mailboxToFetch"]')).toContain('is not an e-mail address');
  expect(await page.textContent('[data-field-error="mailbox.fetchLimit"]')).toContain('whole number');
  expect(await page.textContent('[data-field-error="mailbox.firstFetch"]')).toContain('<number> <time unit>');
  if (screenshots) await shot(page, '03-mailbox-invalid');
  await fill(page, 'mailbox.mailboxToFetch', 'soc-phish@contoso.example');
  await fill(page, 'mailbox.folderToFetch', 'Inbox/Phishing');
  await fill(page, 'mailbox.firstFetch', '3 days');
  await fill(page, 'mailbox.fetchLimit', '25');
  await fill(page, 'mailbox.incidentFetchInterval', '5');
  await fill(page, 'mailbox.incidentType', 'Phishing');
  await page.check('input[name="mailbox.isFetch"]');
  await page.check('input[name="mailbox.markFetchedRead"]');
  expect(await page.locator('[data-field-error]').count()).toBe(0);
  if (screenshots) await shot(page, '03-mailbox');
  await next(page);
}

/** After an export: Show in folder (the file just written, nothing else), Copy path, and the next steps. */
async function afterExport(app: AppUnderTest, path: string): Promise<void> {
  const { page } = app;
  expect(await page.textContent('.export-next-steps')).toContain('!msgraph-mail-test');
  expect(await page.textContent('.export-next-steps')).toContain('Send to Cortex XSOAR');
  await page.click('button[name=show-in-folder]');
  await page.waitForSelector('[data-exported-feedback]:has-text("Opened the folder")');
  expect(app.folderRevealer.shown).toEqual([path]);
  // The page cannot have the app open any other place, not even the export folder itself.
  for (const other of ['/etc/passwd', dirname(path)]) {
    const refused = await page.evaluate((p) => (window as unknown as { api: { shell: { showInFolder: (r: { path: string }) => Promise<unknown> } } }).api.shell.showInFolder({ path: p }), other);
    expect(refused).toMatchObject({ ok: false, error: { code: 'export/path-unknown' } });
  }
  expect(app.folderRevealer.shown).toEqual([path]);
  await page.click('button[name=copy-export-path]');
  await page.waitForSelector('[data-exported-feedback]:has-text("Path copied")');
  expect(app.clipboard.text).toBe(path);
}

async function exportAndRead(app: AppUnderTest, screenshots: boolean): Promise<Record<string, unknown>> {
  const { page } = app;
  await expectStep(page, 'export');
  await page.click('button[name=export]');
  const path = (await page.locator('[data-export-path]').textContent()) ?? '';
  await afterExport(app, path);
  if (screenshots) await shot(page, '05-export');
  expect(path.endsWith('.json')).toBe(true);
  expect((await stat(path)).mode & 0o777).toBe(0o600);
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('managed identity path in Chromium against the real services', () => {
  it('user-assigned: validates the client ID, reviews and exports the settings', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await expectStep(page, 'method');
      await next(page);
      await expectStep(page, 'method');
      expect(await page.textContent('[data-field-error="method"]')).toContain('Choose how the integration signs in');
      await page.check('input[name=method][value="managed-identity"]');
      await shot(page, '01-method');
      await next(page);

      await expectStep(page, 'managed-identity');
      await page.check('input[name=mi-kind][value="user-assigned"]');
      await fill(page, 'managedIdentity.clientId', 'my-identity');
      await next(page);
      await expectStep(page, 'managed-identity');
      expect(await page.textContent('[data-field-error="managedIdentity.clientId"]')).toContain('must be a GUID');
      await shot(page, '02-managed-identity-invalid');
      await fill(page, 'managedIdentity.clientId', MI_CLIENT_ID);
      await shot(page, '02-managed-identity');
      await next(page);

      await fillMailbox(app, true);

      await expectStep(page, 'review');
      expect(await page.textContent('tr[data-param="use_managed_identities"]')).toContain('Use Azure Managed Identities');
      expect(await page.textContent('tr[data-param="managed_identities_client_id"]')).toContain(MI_CLIENT_ID);
      await shot(page, '04-review');
      await next(page);

      const exported = await exportAndRead(app, true);
      expect(exported['use_managed_identities']).toBe(true);
      expect(exported['managed_identities_client_id']).toEqual({ credential: '', identifier: '', password: MI_CLIENT_ID, passwordChanged: false });
      expectFetchSettings(exported);
      expect(app.saveDialog.requests[0]?.defaultFileName).toBe('Microsoft_Graph_Mail_Single_User_instance_1.params.json');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('system-assigned: exports no client ID at all', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await page.check('input[name=method][value="managed-identity"]');
      await next(page);
      await expectStep(page, 'managed-identity');
      await page.check('input[name=mi-kind][value="system-assigned"]');
      expect(await page.locator('input[name="managedIdentity.clientId"]').count()).toBe(0);
      await next(page);
      await fillMailbox(app, false);
      await expectStep(page, 'review');
      expect(await page.locator('tr[data-param="managed_identities_client_id"]').count()).toBe(0);
      await next(page);
      const exported = await exportAndRead(app, false);
      expect(exported['use_managed_identities']).toBe(true);
      expect(exported).not.toHaveProperty('managed_identities_client_id');
      expectFetchSettings(exported);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('cancelling the save dialog writes nothing and says so', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await page.check('input[name=method][value="managed-identity"]');
      await next(page);
      await next(page);
      await fillMailbox(app, false);
      await next(page);
      app.saveDialog.cancelNext = true;
      await page.click('button[name=export]');
      await page.waitForSelector('text=Export cancelled; nothing was written.');
      expect(app.saveDialog.requests).toHaveLength(1);
      await expect(readdir(join(app.workDir, 'exports'))).rejects.toThrow(/ENOENT/);
    } finally {
      await app.close();
    }
  });
});
