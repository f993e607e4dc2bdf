import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { AuthMethod } from '../../shared/domain/auth-method';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import type { BrowserUser } from '../idp/browser-user';
import type { IdentityPlatform } from '../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../idp/redirect-catcher';
import { ALICE, MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../integration/idp/fixture';
import { codeFromBrowser, xsoarLoginUrl } from '../integration/idp/flows';
import { keychainAppServices } from '../integration/support/keychain-app-services';
import { draftFor } from '../integration/xsoar/xsoar-harness';
import { PLAYGROUND_ID, startXsoarWorld, type XsoarWorld } from '../xsoar/xsoar-world';
import type { XsoarServer } from '../xsoar/xsoar-server';
import { startApp, type AppUnderTest, type Seed } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { useSignInSession } from './support/sign-in-session';
import { expectStep, next } from './support/wizard-steps';

let browser: Browser;
let idp: IdentityPlatform;
let user: BrowserUser;
let catcher: RedirectCatcher;
let world: XsoarWorld;
let x6: XsoarServer;
let x8: XsoarServer;
const KEY6 = `k6-${randomBytes(16).toString('hex')}`;
const KEY8 = { id: '12', key: `k8-${randomBytes(24).toString('hex')}` };
const UA_CLIENT_ID = randomUUID();

useChromium((b) => (browser = b));
useSignInSession({ tenants: [TENANT], users: USERS }, (started) => ({ idp, user } = started));
beforeAll(async () => {
  catcher = await startRedirectCatcher();
  world = await startXsoarWorld(idp, TID);
  world.managedIdentity(TID, null);
  world.managedIdentity(TID, UA_CLIENT_ID);
  x6 = await world.server('xsoar6', [{ id: '', key: KEY6, advanced: false, role: 'admin' }]);
  x8 = await world.server('xsoar8', [{ ...KEY8, advanced: true, role: 'admin' }], { engines: [{ id: 'engine-azure-vm', name: 'Azure VM engine' }] });
});
// Registered after the session, so it runs before the session's own clean-up (vitest runs after-hooks as a stack).
afterAll(async () => {
  await world?.close();
  await catcher?.close();
});

/** Adds a connection through the form (the form is open when none exists, else under "Add a connection"). */
async function addConnection(page: Page, c: { name: string; url: string; key: string; keyId?: string; advanced?: boolean }, expectOk = true): Promise<void> {
  const details = page.locator('details.xsoar-add-connection');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('details.xsoar-add-connection > summary');
  await page.fill('input[name=xsoar-conn-name]', c.name);
  await page.fill('input[name=xsoar-conn-url]', c.url);
  await page.fill('input[name=xsoar-conn-key-id]', c.keyId ?? '');
  await page.fill('input[name=xsoar-conn-key]', c.key);
  if (c.advanced) await page.check('input[name=xsoar-conn-advanced]');
  else await page.uncheck('input[name=xsoar-conn-advanced]');
  await page.click('button[name=add-connection]');
  if (expectOk) await page.waitForSelector(`tr[data-connection="${c.name}"]`);
}

/** Method → XSOAR app → consent values pasted → mailbox → Review. */
async function xsoarAppToReview(page: Page, values: { id: string; token: string; key: string }, instance: string): Promise<void> {
  await page.click('button[name=nav-wizard]');
  await page.check('input[name=method][value="xsoar-app"]');
  await next(page);
  await expectStep(page, 'xsoar-app-consent');
  await next(page);
  await expectStep(page, 'xsoar-app-credentials');
  await page.fill('textarea[name=paste-everything]', `ID: ${values.id}\nToken: ${values.token}\nKey: ${values.key}\n`);
  await page.click('button[name=fill-from-paste]');
  await page.waitForSelector('[data-secret-field="xsoarApp.key"][data-stored=true]');
  await page.waitForSelector('[data-secret-field="xsoarApp.token"][data-stored=true]');
  await next(page);
  await mailboxToReview(page, instance);
}

async function mailboxToReview(page: Page, instance: string): Promise<void> {
  await expectStep(page, 'mailbox');
  await page.fill('input[name="mailbox.instanceName"]', instance);
  await page.fill('input[name="mailbox.mailboxToFetch"]', ALICE.upn);
  await next(page);
  await expectStep(page, 'review');
  await page.waitForSelector('[data-send-to-xsoar] select[name=xsoar-connection]');
}

/** Chooses the connection by its option label ("prod — Cortex XSOAR 6"), sends, and waits for the test result. */
async function sendAndWait(page: Page, connectionLabel: string): Promise<void> {
  await page.selectOption('select[name=xsoar-connection]', { label: connectionLabel });
  await page.click('button[name=send-to-xsoar]');
  await page.waitForSelector('[data-xsoar-test]', { timeout: 60_000 });
}

/** Seeds profiles with the app's own services before the app starts. */
function seedProfiles(profiles: readonly { name: string; draft: ProfileDraft; secrets: readonly (readonly [ProfileSecretField, string])[] }[]): Seed {
  return async ({ dataDir, secretStore }) => {
    const s = keychainAppServices({ dataDir, exportsDir: dataDir, secretStore, version: '0' });
    for (const p of profiles) {
      const created = await s.profiles.create(p.name, p.draft.method);
      if (!created.ok) throw new Error(created.error.message);
      if (p.secrets.length > 0) await s.secrets.setMany(created.value.id, p.secrets.map(([f, v]) => [f, v] as [ProfileSecretField, string]));
      await s.profiles.saveDraft(created.value.id, p.draft, 'review');
    }
  };
}

async function openProfile(app: AppUnderTest, name: string): Promise<void> {
  await app.page.click('button[name=nav-profiles]');
  await app.page.waitForSelector('.profiles-screen[data-loaded=true]');
  await app.page.click(`li[data-profile-name="${name}"] button[name=open]`);
  await expectStep(app.page, 'review');
}

describe('Send to Cortex XSOAR in Chromium against XSOAR-shaped servers', () => {
  it('connections: browser address and wrong API key explained; XSOAR app sent to XSOAR 6, update shows the diff, a wrong Key is explained; Pull', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await page.click('button[name=nav-xsoar]');
      await page.waitForSelector('[data-screen=xsoar]');
      await addConnection(page, { name: 'prod', url: x6.browserUrl, key: KEY6 }, false);
      await page.waitForSelector('[data-op-error=add-connection][data-error-code="xsoar/browser-address"]');
      expect(await page.textContent('[data-op-error=add-connection]')).toContain('browser address of the console, not the API address');
      await shot(page, '40-xsoar-browser-address');
      await addConnection(page, { name: 'prod', url: x6.url, key: 'wrong-api-key' }, false);
      await page.waitForSelector('[data-op-error=add-connection][data-error-code="xsoar/unauthorized"]');
      expect(await page.textContent('[data-op-error=add-connection]')).toContain('did not accept the API key (401)');
      // The message never echoes the key.
      expect(await page.textContent('[data-op-error=add-connection]')).not.toContain('wrong-api-key');
      await shot(page, '41-xsoar-wrong-api-key');
      await addConnection(page, { name: 'prod', url: x6.url, key: KEY6 });
      await addConnection(page, { name: 'saas', url: x8.url, key: KEY8.key, keyId: KEY8.id, advanced: true });
      expect(await page.textContent('tr[data-connection="saas"]')).toContain('Cortex XSOAR 8');
      await shot(page, '42-xsoar-connections');

      const values = world.consent(TID);
      await xsoarAppToReview(page, values, 'Graph Mail XSOAR6');
      await sendAndWait(page, 'prod — Cortex XSOAR 6');
      await page.waitForSelector('[data-xsoar-sent=created] [data-xsoar-test=passed]');
      await shot(page, '43-xsoar-sent-test-passed');

      // A changed value: the update shows what changes first.
      await page.click('.step-rail button:has-text("Mailbox and fetch settings")');
      await page.fill('input[name="mailbox.fetchLimit"]', '25');
      await next(page);
      await expectStep(page, 'review');
      await page.click('button[name=send-to-xsoar]');
      await page.waitForSelector('[data-xsoar-diff] tr[data-change=fetch_limit]');
      expect(await page.textContent('[data-xsoar-diff] tr[data-change=fetch_limit]')).toContain('50');
      await shot(page, '44-xsoar-update-diff');
      await page.click('button[name=confirm-update]');
      await page.waitForSelector('[data-xsoar-sent=updated] [data-xsoar-test=passed]', { timeout: 60_000 });
      expect([...x6.instances.values()].filter((i) => i.name === 'Graph Mail XSOAR6')).toHaveLength(1);

      // Consent values with a Key that does not belong to them: the integration fails as in XSOAR, explained.
      const other = world.consent(TID);
      await xsoarAppToReview(page, { ...other, key: randomBytes(32).toString('base64') }, 'Graph Mail wrong key');
      await sendAndWait(page, 'prod — Cortex XSOAR 6');
      await page.waitForSelector('[data-xsoar-test=failed][data-explanation=oproxy-rejected]');
      expect(await page.textContent('[data-xsoar-test=failed]')).toContain('consent page again');
      await shot(page, '45-xsoar-wrong-key-value');

      // Pull: the instance's non-secret settings into a new profile.
      await page.click('button[name=nav-xsoar]');
      await page.click('button[name=instances-prod]');
      await page.click('li[data-instance="Graph Mail XSOAR6"] button[name="pull-Graph Mail XSOAR6"]');
      await expectStep(page, 'review');
      expect(await page.textContent('tr[data-param="fetch_limit"]')).toContain('25');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('XSOAR app and both managed identities on XSOAR 8 (advanced key, engine, playground remembered); system-assigned on XSOAR 6', async () => {
    const app = await startApp(browser);
    try {
      const { page } = app;
      await page.click('button[name=nav-xsoar]');
      await addConnection(page, { name: 'prod', url: x6.url, key: KEY6 });
      await addConnection(page, { name: 'saas', url: x8.url, key: KEY8.key, keyId: KEY8.id, advanced: true });

      await xsoarAppToReview(page, world.consent(TID), 'Graph Mail XSOAR8');
      await page.selectOption('select[name=xsoar-connection]', { label: 'saas — Cortex XSOAR 8' });
      expect(await page.isDisabled('button[name=send-to-xsoar]')).toBe(true);
      await page.fill('input[name=xsoar-playground]', PLAYGROUND_ID);
      await page.click('button[name=send-to-xsoar]');
      await page.waitForSelector('[data-xsoar-test=passed]', { timeout: 60_000 });
      await shot(page, '46-xsoar8-playground');

      for (const [kind, instance, connection] of [['user-assigned', 'MI user XSOAR8', 'saas — Cortex XSOAR 8'], ['system-assigned', 'MI system XSOAR6', 'prod — Cortex XSOAR 6']] as const) {
        await page.click('button[name=nav-wizard]');
        await page.check('input[name=method][value="managed-identity"]');
        await next(page);
        await page.check(`input[name=mi-kind][value="${kind}"]`);
        if (kind === 'user-assigned') await page.fill('input[name="managedIdentity.clientId"]', UA_CLIENT_ID);
        await next(page);
        await mailboxToReview(page, instance);
        await page.selectOption('select[name=xsoar-connection]', { label: connection });
        if (kind === 'user-assigned') {
          // Remembered for this connection from the first send.
          expect(await page.inputValue('input[name=xsoar-playground]')).toBe(PLAYGROUND_ID);
          await page.waitForSelector('select[name=xsoar-engine]');
          await page.selectOption('select[name=xsoar-engine]', 'engine-azure-vm');
          await shot(page, '47-xsoar-engine-choice');
        }
        await page.click('button[name=send-to-xsoar]');
        await page.waitForSelector('[data-xsoar-test=passed]', { timeout: 60_000 });
      }
      expect([...x8.instances.values()].find((i) => i.name === 'MI user XSOAR8')?.engine).toBe('engine-azure-vm');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('self-deployed: sends and passes; an expired code and a wrong redirect URI are explained', async () => {
    const clientId = newClientId();
    const secret = `sd-${randomBytes(12).toString('hex')}`;
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: [secret], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const code = () => codeFromBrowser(user, catcher, xsoarLoginUrl(idp, TID, clientId, catcher.redirectUri), ALICE);
    const sd = (instance: string, redirectUri: string) => draftFor(AuthMethod.SelfDeployed, instance, ALICE.upn, {
      selfDeployed: { tenant: TID, resolvedTenantId: TID, clientId, redirectUri, credentialKind: 'secret', certificate: null, authCodeObtainedAt: new Date().toISOString() },
    });
    const secrets = async () => [[SecretField.SelfDeployedClientSecret, secret], [SecretField.SelfDeployedAuthCode, await code()]] as const;
    const app = await startApp(browser, {}, seedProfiles([
      { name: 'SD ok', draft: sd('SD ok', catcher.redirectUri), secrets: await secrets() },
      { name: 'SD wrong redirect', draft: sd('SD wrong redirect', 'https://localhost'), secrets: await secrets() },
      { name: 'SD expired', draft: sd('SD expired', catcher.redirectUri), secrets: await secrets() },
      // Captured 7 of its 10 minutes ago: the panel urges sending now.
      { name: 'SD near expiry', draft: { ...sd('SD near expiry', catcher.redirectUri), selfDeployed: { ...sd('SD near expiry', catcher.redirectUri).selfDeployed, authCodeObtainedAt: new Date(Date.now() - 7 * 60_000).toISOString() } }, secrets: await secrets() },
    ]));
    try {
      const { page } = app;
      await page.click('button[name=nav-xsoar]');
      await addConnection(page, { name: 'prod', url: x6.url, key: KEY6 });

      await openProfile(app, 'SD near expiry');
      await page.waitForSelector('[data-send-to-xsoar] [data-code-expiring]');
      expect(await page.textContent('[data-code-expiring]')).toMatch(/expires in about [1-3] minute\(s\): send now/);
      expect(await page.$('[data-code-expired]')).toBeNull();

      await openProfile(app, 'SD ok');
      await sendAndWait(page, 'prod — Cortex XSOAR 6');
      await page.waitForSelector('[data-xsoar-test=passed]');
      // Sending again: the instance exists; the reset is offered first.
      await page.click('button[name=send-to-xsoar]');
      await page.waitForSelector('[data-xsoar-diff] input[name=xsoar-reset-first]');
      await shot(page, '48-xsoar-self-deployed-reset-offer');
      await page.click('button[name=cancel-update]');

      await openProfile(app, 'SD wrong redirect');
      await sendAndWait(page, 'prod — Cortex XSOAR 6');
      await page.waitForSelector('[data-xsoar-test=failed][data-explanation=aadsts]');
      await shot(page, '49-xsoar-wrong-redirect-uri');

      await openProfile(app, 'SD expired');
      idp.clock.advance(601);
      await sendAndWait(page, 'prod — Cortex XSOAR 6');
      await page.waitForSelector('[data-xsoar-test=failed][data-aadsts="70008"]');
      expect(await page.textContent('[data-xsoar-test=failed]')).toContain('!msgraph-mail-auth-reset');
      await shot(page, '50-xsoar-expired-code');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
