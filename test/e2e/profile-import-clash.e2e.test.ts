import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { AppServices } from '../../main/app/app-services';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store';
import type { SecretStore } from '../../main/ports/secret-store';
import { keychainServiceName } from '../../main/secrets/secret-accounts';
import { AuthMethod } from '../../shared/domain/auth-method';
import { emptyDraft } from '../../shared/domain/profile-draft';
import { SecretField } from '../../shared/domain/secret-field';
import { fakeOproxyValues } from '../unit/shared/oproxy/oproxy-fixtures';
import { keychainAppServices } from '../integration/support/keychain-app-services';
import { startApp } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';

const PASSPHRASE = 'copper willow orbit lantern 58';
const mine = fakeOproxyValues();
const theirs = fakeOproxyValues();

let browser: Browser;
let colleagueDir: string;
useChromium((b) => (browser = b), { requireKeyring: true });
beforeAll(async () => {
  colleagueDir = await mkdtemp(join(tmpdir(), 'gma-colleague-'));
});
afterAll(async () => {
  await rm(colleagueDir, { recursive: true, force: true });
});

function servicesOn(dataDir: string, secretStore: SecretStore): AppServices {
  return keychainAppServices({ dataDir, exportsDir: join(dataDir, '..', 'exports'), secretStore, version: '0.0.0-test' });
}

/** An XSOAR-app profile for instance "Graph Mail SOC" with Token and Key in the keychain. */
async function xsoarProfile(s: AppServices, name: string, mailbox: string, values: { readonly id: string; readonly token: string; readonly key: string }): Promise<string> {
  const created = await s.profiles.create(name, AuthMethod.XsoarApp);
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  const stored = await s.secrets.setMany(id, [[SecretField.XsoarAppToken, values.token], [SecretField.XsoarAppKey, values.key]]);
  if (!stored.ok) throw new Error(stored.error.message);
  const d = emptyDraft();
  await s.profiles.saveDraft(id, { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: values.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName: 'Graph Mail SOC', mailboxToFetch: mailbox } }, 'review');
  return id;
}

describe('importing a colleague’s bundle for the same instance (case 2)', () => {
  it('asks, shows both sides, cancels without change, and keeps both when told to', async () => {
    // The colleague's machine: its own data folder and keychain items.
    const colleagueStore = new KeytarSecretStore(keychainServiceName(`e2e-colleague-${randomBytes(4).toString('hex')}`));
    const colleague = servicesOn(join(colleagueDir, 'data'), colleagueStore);
    const theirId = await xsoarProfile(colleague, 'SOC Prod', 'shared-soc@contoso.example', theirs);
    const theirProfile = await colleague.profiles.list();
    if (!theirProfile.ok) throw new Error('list failed');
    const sealed = await colleague.exportBuilder.build({ draft: theirProfile.value.profiles[0]!.draft, profileId: theirId, format: 'bundle', includeSecrets: true, passphrase: PASSPHRASE, confirmRebind: false });
    if (!sealed.ok) throw new Error(sealed.error.message);
    const bundle = join(colleagueDir, 'soc-prod.gma-bundle');
    await writeFile(bundle, sealed.value.files[0]!.data);
    await colleague.vault.deleteAll();

    let myId = '';
    const app = await startApp(browser, {}, async ({ dataDir, secretStore }) => {
      myId = await xsoarProfile(servicesOn(dataDir, secretStore), 'My SOC', 'soc@contoso.example', mine);
    });
    try {
      const { page } = app;
      const mineNow = servicesOn(app.dataDir, app.secretStore);
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('li[data-profile-name="My SOC"]');

      const askAgain = async () => {
        app.openDialog.next = bundle;
        await page.click('button[name=import]');
        await page.fill('input[name=import-passphrase]', PASSPHRASE);
        await page.click('button[name=import-unlock]');
        await page.waitForSelector('[data-import-clash=same-instance]');
      };

      await askAgain();
      const side = (which: string, field: string) => page.textContent(`[data-clash-side=${which}] [data-clash-field=${field}]`);
      expect(await side('existing', 'name')).toBe('My SOC');
      expect(await side('incoming', 'name')).toBe('SOC Prod');
      expect(await side('existing', 'instance')).toBe('Graph Mail SOC');
      expect(await side('incoming', 'instance')).toBe('Graph Mail SOC');
      expect(await side('existing', 'mailbox')).toBe('soc@contoso.example');
      expect(await side('incoming', 'mailbox')).toBe('shared-soc@contoso.example');
      expect(await side('existing', 'method')).toBe(await side('incoming', 'method'));
      expect(await side('existing', 'secrets')).toContain('Key');
      expect(await side('incoming', 'secrets')).toContain('Token');
      expect(await page.textContent('.import-clash')).toContain('Replacing deletes the secrets stored for “My SOC”');
      await shot(page, '11-import-clash');

      // Cancel: nothing changes.
      await page.click('button[name=import-cancel-clash]');
      await page.waitForSelector('[data-import-cancelled]');
      expect(await page.locator('li.profile-item').count()).toBe(1);

      // Keep both: my profile and its secrets stay; the colleague's arrives under a new id.
      await askAgain();
      await page.click('button[name=import-keep-both]');
      await page.waitForSelector('[data-imported="SOC Prod"]');
      await page.waitForSelector('li[data-profile-name="SOC Prod"]');
      expect(await page.locator('li.profile-item').count()).toBe(2);
      const listing = await mineNow.profiles.list();
      if (!listing.ok) throw new Error('list failed');
      const imported = listing.value.profiles.find((p) => p.name === 'SOC Prod')!;
      expect(imported.id).not.toBe(myId);
      expect(await mineNow.vault.get({ kind: 'profile', profileId: myId }, SecretField.XsoarAppToken)).toBe(mine.token);
      expect(await mineNow.vault.get({ kind: 'profile', profileId: myId }, SecretField.XsoarAppKey)).toBe(mine.key);
      expect(await mineNow.vault.get({ kind: 'profile', profileId: imported.id }, SecretField.XsoarAppToken)).toBe(theirs.token);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
