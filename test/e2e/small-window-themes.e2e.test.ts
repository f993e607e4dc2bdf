/**
 * Every step and screen at 900×650 (no horizontal scroll) and axe-core in the light and the dark theme.
 *
 * One profile per method is seeded through the app's own API (the same calls the wizard makes), opened from
 * the Profiles screen, and walked from its first step to Export with Next. Screenshots of both themes go
 * to docs/screenshots/ (the README shows them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AuthMethod } from '../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../shared/domain/profile-draft';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { startApp, type AppUnderTest } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { expectNoAxeViolations, expectNoHorizontalScroll, waitForStepContent } from './support/page-checks';

const SMALL = { width: 900, height: 650 } as const;
const THEMES = ['light', 'dark'] as const;

let browser: Browser;
let app: AppUnderTest;
useChromium((b) => (browser = b));
beforeAll(async () => {
  app = await startApp(browser);
  await app.page.setViewportSize(SMALL);
});
// Registered after Chromium's, so it runs first (vitest runs after-hooks as a stack): the app closes before its browser.
afterAll(async () => {
  await app?.close();
});

/** The checks every screen state gets: no sideways scroll and no axe violation, in both themes. */
async function checkState(page: Page, where: string, screenshot?: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await expectNoHorizontalScroll(page, `${where} (${theme})`);
    await expectNoAxeViolations(page, `${where} (${theme})`);
    if (screenshot) await shot(page, `${screenshot}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const mailbox = (draft: ProfileDraft): ProfileDraft => ({
  ...draft,
  mailbox: { ...draft.mailbox, instanceName: 'Graph Mail SOC', mailboxToFetch: 'soc-phish@contoso.example', folderToFetch: 'Inbox/Phishing', isFetch: true },
});

interface Seed {
  readonly name: string;
  readonly draft: ProfileDraft;
  readonly secrets: ReadonlyArray<readonly [ProfileSecretField, string]>;
}

const SEEDS: readonly Seed[] = [
  {
    name: 'Managed identity',
    draft: mailbox({ ...emptyDraft(), method: AuthMethod.ManagedIdentity, managedIdentity: { kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } }),
    secrets: [],
  },
  {
    name: 'XSOAR app',
    draft: mailbox({ ...emptyDraft(), method: AuthMethod.XsoarApp, xsoarApp: { id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', boundInstanceName: '' } }),
    secrets: [
      [SecretField.XsoarAppToken, 'token-from-the-consent-page-0123456789'],
      [SecretField.XsoarAppKey, Buffer.alloc(32, 7).toString('base64')],
    ],
  },
  {
    name: 'Self-deployed',
    draft: mailbox({
      ...emptyDraft(),
      method: AuthMethod.SelfDeployed,
      selfDeployed: {
        ...emptyDraft().selfDeployed,
        tenant: '8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b',
        resolvedTenantId: '8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b',
        clientId: '11111111-2222-4333-8444-555555555555',
        redirectUri: 'https://localhost',
        credentialKind: 'secret',
        authCodeObtainedAt: new Date().toISOString(),
      },
    }),
    secrets: [
      [SecretField.SelfDeployedClientSecret, 'Qx8~abcdefghijklmnopqrstuvwxyz0123456789'],
      [SecretField.SelfDeployedAuthCode, `0.AV${'x'.repeat(300)}`],
    ],
  },
];

/** Creates the profile through the app's API, as the wizard does, stopped at Review. */
async function seed(page: Page, s: Seed): Promise<void> {
  const failed = await page.evaluate(async ({ name, draft, secrets }) => {
    const created = await window.api.profiles.create({ name, method: draft.method });
    if (!created.ok) return created.error.message;
    for (const [field, value] of secrets) {
      const stored = await window.api.secrets.set({ profileId: created.value.id, field, value });
      if (!stored.ok) return stored.error.message;
    }
    const saved = await window.api.profiles.saveDraft({ id: created.value.id, draft, step: 'review' });
    return saved.ok ? null : saved.error.message;
  }, s);
  if (failed !== null) throw new Error(`seeding ${s.name}: ${failed}`);
}

async function openProfile(page: Page, name: string): Promise<void> {
  await page.click('button[name=nav-profiles]');
  await page.click(`[data-profile-name="${name}"] button[name=select]`);
  await page.click(`[data-profile-name="${name}"] button[name=open]`);
  await page.waitForSelector('.wizard[data-step="review"]');
}

async function stepOf(page: Page): Promise<string> {
  return (await page.getAttribute('.wizard', 'data-step')) ?? '';
}

describe('900×650, light and dark: every step and screen', () => {
  it('the first step before a method is chosen, and a refused Next', async () => {
    const { page } = app;
    await page.waitForSelector('input[name=method]');
    await checkState(page, 'method step', '40-small-method');
    await page.click('button[name=next]');
    expect(await stepOf(page)).toBe('method');
    await checkState(page, 'method step, refused Next');
  });

  for (const s of SEEDS) {
    it(`${s.name}: every step from the first to Export`, async () => {
      const { page } = app;
      await seed(page, s);
      await openProfile(page, s.name);
      // Back to the first step through the rail, then forward with Next, checking each step on the way.
      await page.click('.step-rail li:first-child button');
      await page.waitForSelector('.wizard[data-step="method"]');
      const seen: string[] = [];
      for (let guard = 0; guard < 12; guard++) {
        const step = await stepOf(page);
        seen.push(step);
        await waitForStepContent(page);
        if (step === 'self-deployed-app') {
          // The first-registration help, opened: how to create the registration before its IDs are asked for.
          await page.click('[data-help=first-registration] summary');
          expect(await page.textContent('[data-help=first-registration]')).toContain('New registration');
        }
        await checkState(page, `${s.name}: ${step}`, step === 'review' && s.name === 'XSOAR app' ? '41-small-review' : step === 'self-deployed-credential' ? '42-small-self-deployed-credential' : step === 'self-deployed-app' ? '44-small-first-registration' : undefined);
        if (step === 'export') break;
        await page.click('button[name=next]');
        await page.waitForFunction((prev) => document.querySelector('.wizard')?.getAttribute('data-step') !== prev, step);
      }
      expect(seen.at(-1), `${s.name}: the walk stopped at ${seen.join(' → ')}`).toBe('export');
      // The export's result: Show in folder, Copy path and the next steps.
      await page.click('button[name=export]');
      await page.waitForSelector('[data-exported]');
      await checkState(page, `${s.name}: exported`, s.name === 'Self-deployed' ? '45-small-exported' : undefined);
    });
  }

  it('the Profiles screen with a profile selected, and the delete confirmation', async () => {
    const { page } = app;
    await page.click('button[name=nav-profiles]');
    await page.click('[data-profile-name="XSOAR app"] button[name=select]');
    await checkState(page, 'profiles screen', '43-small-profiles');
    // A revealed secret counts down until it hides itself.
    await page.click('[data-secret-field="xsoar-app.token"] button[name=reveal]');
    await page.waitForSelector('[data-reveal-countdown]');
    await checkState(page, 'profiles screen, a revealed secret', '46-small-profiles-revealed');
    await page.click('[data-secret-field="xsoar-app.token"] button[name=hide]');
    await page.click('[data-profile-name="XSOAR app"] button[name=delete]');
    expect(await page.locator('.confirm').count()).toBe(1);
    await checkState(page, 'profiles screen, delete confirmation');
  });
});
