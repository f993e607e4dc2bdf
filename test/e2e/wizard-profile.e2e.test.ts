import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { profilesOnDisk } from './support/profiles-on-disk';
import { shot } from './support/screenshots';
import { expectStep, next } from './support/wizard-steps';

let browser: Browser;
useChromium((b) => (browser = b), { requireKeyring: true });

const MI_CLIENT_ID = '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10';
// Typed into paste boxes and never used: they must come back after navigation and never reach profiles.json.
const PASTED_KEY = 'pasted-oproxy-key-7f3a9c1e5b2d8f4a6c0e1b3d5f7a9c2e';
const PASTED_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDpastedKeyForE2E\n-----END PRIVATE KEY-----';
const PASTED_CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIC+zCCAeOgAwIBAgIUpastedCertificateForE2E\n-----END CERTIFICATE-----';
const PASTED_PASSPHRASE = 'pasted key passphrase 4e1c';
const PASTED_ADDRESS = 'https://xsoar.contoso.example/oauth?code=0.AXkApastedCodeForE2E-restore&state=not-checked-yet';
const fill = (page: Page, name: string, value: string) => page.fill(`[name="${name}"]`, value);
const item = (name: string) => `li[data-profile-name="${name}"]`;
const value = (page: Page, name: string) => page.inputValue(`[name="${name}"]`);

/** Waits until the header says the profile is saved (nothing pending), with `name`. */
async function savedAs(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`.app-header [data-save-state=saved]`);
  expect(await page.textContent('.app-header [data-save-profile]')).toBe(name);
}

async function toProfiles(page: Page): Promise<void> {
  await page.click('button[name=nav-profiles]');
  await page.waitForSelector('.profiles-screen[data-loaded=true]');
}


/** A managed-identity run to the export, with its own instance name and mailbox. */
async function managedIdentityRun(page: Page, instance: string, mailbox: string, userAssigned: boolean): Promise<void> {
  await expectStep(page, 'method');
  await page.waitForSelector('.app-header [data-save-state=not-saved]');
  await page.check('input[name=method][value="managed-identity"]');
  // The configuration is a profile as soon as the method is chosen, named after the (default) instance.
  await savedAs(page, 'Microsoft Graph Mail Single User_instance_1');
  await next(page);
  await expectStep(page, 'managed-identity');
  if (userAssigned) {
    await page.check('input[name=mi-kind][value="user-assigned"]');
    await fill(page, 'managedIdentity.clientId', MI_CLIENT_ID);
  }
  await next(page);
  await expectStep(page, 'mailbox');
  await fill(page, 'mailbox.instanceName', instance);
  await fill(page, 'mailbox.mailboxToFetch', mailbox);
  await savedAs(page, instance);
  await next(page);
  await expectStep(page, 'review');
  await next(page);
  await expectStep(page, 'export');
  await page.click('button[name=export]');
  await page.waitForSelector('[data-export-path]');
}

describe('one configuration is one profile (Chromium, real keychain)', () => {
  it('two wizard runs with different instance names give two distinguishable profiles; a managed-identity run is a profile after export', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await managedIdentityRun(page, 'Graph Mail Azure VM', 'soc-vm@contoso.example', false);
      await shot(page, '50-wizard-profile-saved');
      await page.click('button[name=nav-wizard]');
      await managedIdentityRun(page, 'Graph Mail Lab', 'soc-lab@contoso.example', true);

      await toProfiles(page);
      expect(await page.locator('li.profile-item').count()).toBe(2);
      for (const [name, mailbox] of [
        ['Graph Mail Azure VM', 'soc-vm@contoso.example'],
        ['Graph Mail Lab', 'soc-lab@contoso.example'],
      ] as const) {
        expect(await page.textContent(`${item(name)} [data-fact=instance]`)).toBe(name);
        expect(await page.textContent(`${item(name)} [data-fact=method]`)).toBe('Managed identity');
        expect(await page.textContent(`${item(name)} [data-fact=mailbox]`)).toBe(mailbox);
        expect(await page.textContent(`${item(name)} [data-fact=updated]`)).toMatch(/^changed \d{4}-\d\d-\d\d \d\d:\d\d$/);
      }
      await shot(page, '51-profiles-two-runs');
      // Search covers instance name, method and mailbox.
      await fill(page, 'profile-search', 'soc-lab@');
      expect(await page.locator('li.profile-item').count()).toBe(1);
      await fill(page, 'profile-search', 'azure vm');
      expect(await page.locator(item('Graph Mail Azure VM')).count()).toBe(1);
      expect(await page.locator('li.profile-item').count()).toBe(1);
      await fill(page, 'profile-search', 'managed identity');
      expect(await page.locator('li.profile-item').count()).toBe(2);
      await fill(page, 'profile-search', '');

      // A renamed profile keeps its name when the instance name changes later.
      await page.click(`${item('Graph Mail Lab')} button[name=rename]`);
      await fill(page, 'rename-profile', 'Lab (mine)');
      await page.click('button[name=rename-save]');
      await page.waitForSelector(item('Lab (mine)'));
      await page.click(`${item('Lab (mine)')} button[name=open]`);
      await expectStep(page, 'export');
      await page.click('.step-rail button:has-text("Mailbox and fetch settings")');
      await expectStep(page, 'mailbox');
      await fill(page, 'mailbox.instanceName', 'Graph Mail Lab 2');
      await savedAs(page, 'Lab (mine)');
      const onDisk = await profilesOnDisk(app.dataDir);
      expect(onDisk.map((p) => [p.name, p.nameSetByUser, p.draft.mailbox.instanceName])).toEqual([
        ['Graph Mail Azure VM', false, 'Graph Mail Azure VM'],
        ['Lab (mine)', true, 'Graph Mail Lab 2'],
      ]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('leaving through the header and coming back restores every typed value, for every method', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      const open = async (text: string, step: string) => {
        await toProfiles(page);
        await page.click(`li.profile-item:has([data-fact=method]:text-is("${text}")) button[name=open]`);
        await expectStep(page, step);
      };

      // Cortex XSOAR app: the ID is typed, the Token stored; leave at once through "Profiles".
      await page.check('input[name=method][value="xsoar-app"]');
      await next(page);
      await expectStep(page, 'xsoar-app-consent');
      await next(page);
      await expectStep(page, 'xsoar-app-credentials');
      await fill(page, 'xsoarApp.id', '3f1c9e52-1b7a-4e2d-9c0f-5a6b7c8d9e0f');
      await fill(page, 'xsoarApp.token', `0.AXkA${'Q1'.repeat(100)}`);
      // Text pasted from the consent page but not used yet (it holds the Key: the page's memory only, never the profile).
      await fill(page, 'paste-everything', `Key: ${PASTED_KEY}`);
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('.profiles-screen[data-loaded=true]');
      await open('Cortex XSOAR app', 'xsoar-app-credentials');
      expect(await value(page, 'xsoarApp.id')).toBe('3f1c9e52-1b7a-4e2d-9c0f-5a6b7c8d9e0f');
      await page.waitForSelector('[data-secret-field="xsoarApp.token"][data-stored=true]');
      expect(await value(page, 'paste-everything')).toBe(`Key: ${PASTED_KEY}`);

      // Self-deployed: the app registration, left through "New configuration" while the save is still pending.
      await page.click('button[name=nav-wizard]');
      await expectStep(page, 'method');
      expect(await page.isChecked('input[name=method][value="self-deployed"]')).toBe(false);
      await page.check('input[name=method][value="self-deployed"]');
      // The XSOAR-app profile still follows the default instance name: this one's name is made distinct from it.
      await savedAs(page, 'Microsoft Graph Mail Single User_instance_1 (2)');
      await next(page);
      await expectStep(page, 'self-deployed-app');
      await fill(page, 'selfDeployed.tenant', 'contoso.example');
      await fill(page, 'selfDeployed.clientId', '0d7a3c55-3b1e-4f7e-8c2a-6b9d1e4f2a80');
      await fill(page, 'selfDeployed.redirectUri', 'https://xsoar.contoso.example/oauth');
      await page.click('button[name=nav-wizard]');
      await expectStep(page, 'method');
      await open('Self-deployed app', 'self-deployed-app');
      expect(await value(page, 'selfDeployed.tenant')).toBe('contoso.example');
      expect(await value(page, 'selfDeployed.clientId')).toBe('0d7a3c55-3b1e-4f7e-8c2a-6b9d1e4f2a80');
      expect(await value(page, 'selfDeployed.redirectUri')).toBe('https://xsoar.contoso.example/oauth');

      // The certificate: generate inputs (kept in the profile) and the PEM paste boxes (a private key: the page's
      // memory only), left through "Profiles" and again by Back and Next.
      await next(page);
      await expectStep(page, 'self-deployed-credential');
      await page.check('input[name=credentialKind][value=certificate]');
      await fill(page, 'cert-cn', 'soc-graph-mail-restore');
      await fill(page, 'cert-days', '400');
      await page.selectOption('select[name=cert-bits]', '4096');
      await page.click('button[name=cert-source-pem]');
      await fill(page, 'cert-key', PASTED_PRIVATE_KEY);
      await fill(page, 'cert-pem', PASTED_CERTIFICATE);
      await fill(page, 'cert-pass', PASTED_PASSPHRASE);
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('.profiles-screen[data-loaded=true]');
      await open('Self-deployed app', 'self-deployed-credential');
      await page.click('button[name=back]');
      await expectStep(page, 'self-deployed-app');
      await next(page);
      await expectStep(page, 'self-deployed-credential');
      expect(await page.getAttribute('button[name=cert-source-pem]', 'aria-pressed')).toBe('true');
      expect(await value(page, 'cert-key')).toBe(PASTED_PRIVATE_KEY);
      expect(await value(page, 'cert-pem')).toBe(PASTED_CERTIFICATE);
      expect(await value(page, 'cert-pass')).toBe(PASTED_PASSPHRASE);
      await page.click('button[name=cert-source-generate]');
      expect(await value(page, 'cert-cn')).toBe('soc-graph-mail-restore');
      expect(await value(page, 'cert-days')).toBe('400');
      expect(await value(page, 'cert-bits')).toBe('4096');

      // The authorization code's paste box (the address carries the code) on a redirect URI the app cannot listen on.
      await page.check('input[name=credentialKind][value=secret]');
      await fill(page, 'selfDeployed.clientSecret', `Xy8Q~${'a1B2c3D4e5'.repeat(3)}abcd`);
      await page.locator('input[name="selfDeployed.clientSecret"]').blur();
      await page.waitForSelector('[data-secret-field="selfDeployed.clientSecret"][data-stored=true]');
      await next(page);
      await expectStep(page, 'self-deployed-setup');
      await next(page);
      await expectStep(page, 'mailbox');
      await fill(page, 'mailbox.instanceName', 'Graph Mail Code Paste');
      await fill(page, 'mailbox.mailboxToFetch', 'soc@contoso.example');
      await next(page);
      await expectStep(page, 'self-deployed-verify');
      await next(page);
      await expectStep(page, 'self-deployed-code');
      await page.click('button[name=get-code]');
      await page.waitForSelector('textarea[name=pasted-address]');
      await fill(page, 'pasted-address', PASTED_ADDRESS);
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector(item('Graph Mail Code Paste'));
      await page.click(`${item('Graph Mail Code Paste')} button[name=open]`);
      await expectStep(page, 'self-deployed-code');
      expect(await value(page, 'pasted-address')).toBe(PASTED_ADDRESS);

      // What the profile holds: the generate inputs, never a pasted secret.
      const saved = (await profilesOnDisk(app.dataDir)).find((p) => p.draft.method === 'self-deployed')!;
      expect(saved.draft.selfDeployed.certificateRequest).toEqual({ source: 'generate', commonName: 'soc-graph-mail-restore', validityDays: '400', keySize: 4096 });
      const file = await readFile(join(app.dataDir, 'profiles.json'), 'utf8');
      for (const secret of [PASTED_PRIVATE_KEY, PASTED_PASSPHRASE, PASTED_ADDRESS, PASTED_KEY, 'a1B2c3D4e5']) expect(file).not.toContain(secret.slice(0, 40));

      // Managed identity: the client ID and, on the mailbox step, every field, including invalid ones.
      await page.click('button[name=nav-wizard]');
      await page.check('input[name=method][value="managed-identity"]');
      await next(page);
      await page.check('input[name=mi-kind][value="user-assigned"]');
      await fill(page, 'managedIdentity.clientId', MI_CLIENT_ID);
      await next(page);
      await expectStep(page, 'mailbox');
      const typed: Record<string, string> = {
        'mailbox.instanceName': 'Graph Mail Restore',
        'mailbox.mailboxToFetch': 'not-yet-an-address',
        'mailbox.folderToFetch': 'Inbox/Phishing',
        'mailbox.firstFetch': '3 days',
        'mailbox.fetchLimit': '25',
        'mailbox.incidentFetchInterval': '5',
        'mailbox.incidentType': 'Phishing',
      };
      for (const [name, text] of Object.entries(typed)) await fill(page, name, text);
      await page.check('input[name="mailbox.isFetch"]');
      await page.check('input[name="mailbox.proxy"]');
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector(item('Graph Mail Restore'));
      await page.click(`${item('Graph Mail Restore')} button[name=open]`);
      await expectStep(page, 'mailbox');
      for (const [name, text] of Object.entries(typed)) expect(await value(page, name), name).toBe(text);
      expect(await page.isChecked('input[name="mailbox.isFetch"]')).toBe(true);
      expect(await page.isChecked('input[name="mailbox.proxy"]')).toBe(true);
      await page.click('button[name=back]');
      await expectStep(page, 'managed-identity');
      expect(await value(page, 'managedIdentity.clientId')).toBe(MI_CLIENT_ID);

      await toProfiles(page);
      expect(await page.locator('li.profile-item').count()).toBe(3);
      // No two profiles share a name, so none needs its id shown.
      expect(await page.locator('[data-short-id]').count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
