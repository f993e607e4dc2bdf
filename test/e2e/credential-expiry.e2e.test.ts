import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateSelfSignedCertificate } from '../../main/certs/self-signed-generator';
import { emptyDraft, type ProfileDraft } from '../../shared/domain/profile-draft';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { emptySelfDeployedDraft, type SelfDeployedCertificate } from '../../shared/domain/self-deployed-draft';
import { expectNoAxeViolations } from './support/page-checks';
import { startApp, type Seed } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { shot } from './support/screenshots';
import { seedProfileServices } from './support/seed-profile-services';

// Issue 15, "the expiry warnings in the UI": the start banner and the days left in Profiles, from dates the real
// services recorded (one read from Entra ID, one the certificate's own end, one far off).

let browser: Browser;
useChromium((b) => (browser = b), { requireKeyring: true });

const DAY = 86_400_000;
const SECRET = 'Qx8~abcDEFghiJKLmnoPQRstuVWXyz0123456789';

function draftOf(instanceName: string, credentialKind: 'secret' | 'certificate', certificate: SelfDeployedCertificate | null = null): ProfileDraft {
  const d = emptyDraft();
  return {
    ...d,
    method: 'self-deployed',
    selfDeployed: { ...emptySelfDeployedDraft(), tenant: 'contoso.example', clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d', credentialKind, certificate },
    mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'soc@contoso.example' },
  };
}

function seedWith(entries: ReadonlyArray<{ readonly draft: ProfileDraft; readonly secret: readonly [ProfileSecretField, string]; readonly entraEndsInDays?: number }>): Seed {
  return async (ctx) => {
    const { profiles, secrets } = seedProfileServices(ctx);
    for (const e of entries) {
      const created = await profiles.createFromDraft(e.draft, 'review');
      if (!created.ok) throw new Error(created.error.message);
      const stored = await secrets.setMany(created.value.id, [e.secret]);
      if (!stored.ok) throw new Error(stored.error.message);
      if (e.entraEndsInDays !== undefined) {
        const r = await profiles.recordCredentialEnd(created.value.id, { credential: 'client-secret', endsAt: new Date(Date.now() + e.entraEndsInDays * DAY).toISOString(), source: 'entra', keyId: '6b7c8d9e-0000-4000-8000-000000000001' });
        if (!r.ok) throw new Error(r.error.message);
      }
    }
  };
}

async function certificateEndingIn(days: number): Promise<{ readonly certificate: SelfDeployedCertificate; readonly privateKeyPem: string }> {
  const g = await generateSelfSignedCertificate({ commonName: 'expiry-e2e', validityDays: days, keySize: 2048, now: new Date() });
  if (!g.ok) throw new Error(g.error.message);
  const i = g.value.info;
  return { certificate: { sha1Thumbprint: i.sha1Thumbprint, sha256Thumbprint: i.sha256Thumbprint, subject: 'CN=expiry-e2e', notAfter: new Date(Date.now() + days * DAY - 60_000).toISOString(), certificatePem: g.value.certificatePem }, privateKeyPem: g.value.privateKeyPem };
}

describe('credential expiry in the app (Chromium, real keychain)', () => {
  it('a banner at start names the profiles near their end; Profiles shows days left, flagged at 30 and 7 days', async () => {
    const cert = await certificateEndingIn(20);
    const app = await startApp(browser, {}, seedWith([
      { draft: draftOf('Graph Mail Urgent', 'secret'), secret: [SecretField.SelfDeployedClientSecret, SECRET], entraEndsInDays: 5.5 },
      { draft: draftOf('Graph Mail Cert', 'certificate', cert.certificate), secret: [SecretField.SelfDeployedPrivateKey, cert.privateKeyPem] },
      { draft: draftOf('Graph Mail Calm', 'secret'), secret: [SecretField.SelfDeployedClientSecret, SECRET], entraEndsInDays: 300 },
    ]));
    try {
      const { page } = app;
      await page.waitForSelector('[data-expiry-banner]');
      const banner = await page.textContent('[data-expiry-banner]');
      expect(banner).toContain('Credentials end soon');
      expect(await page.getAttribute('[data-expiring-profile="Graph Mail Urgent"]', 'data-expiry-level')).toBe('critical');
      expect(await page.textContent('[data-expiring-profile="Graph Mail Urgent"]')).toContain('Client secret 5 days left');
      expect(await page.getAttribute('[data-expiring-profile="Graph Mail Cert"]', 'data-expiry-level')).toBe('warning');
      expect(await page.locator('[data-expiring-profile="Graph Mail Calm"]').count()).toBe(0);
      // Worst first.
      expect(await page.locator('[data-expiring-profile]').evaluateAll((els) => els.map((e) => e.getAttribute('data-expiring-profile')))).toEqual(['Graph Mail Urgent', 'Graph Mail Cert']);
      await expectNoAxeViolations(page, 'the expiry banner');
      await shot(page, '56-expiry-banner');

      await page.click('button[name=expiry-show-profiles]');
      const urgent = 'li[data-profile-name="Graph Mail Urgent"]';
      await page.waitForSelector(`${urgent} [data-expiry-level]`);
      expect(await page.getAttribute(`${urgent} [data-credential=client-secret]`, 'data-expiry-level')).toBe('critical');
      expect(await page.textContent(`${urgent} [data-credential=client-secret]`)).toMatch(/^Within 7 days: Client secret 5 days left \(\d{4}-\d{2}-\d{2}\)$/);
      const certItem = 'li[data-profile-name="Graph Mail Cert"]';
      expect(await page.getAttribute(`${certItem} [data-credential=certificate]`, 'data-expiry-level')).toBe('warning');
      expect(await page.textContent(`${certItem} [data-credential=certificate]`)).toMatch(/^Within 30 days: Certificate 19 days left/);
      const calm = 'li[data-profile-name="Graph Mail Calm"]';
      expect(await page.getAttribute(`${calm} [data-credential=client-secret]`, 'data-expiry-level')).toBe('ok');
      expect(await page.textContent(`${calm} [data-credential=client-secret]`)).toMatch(/^Client secret 29\d days left/);
      expect(await page.locator('[data-expiry-banner]').count()).toBe(0);

      // The details say where each date came from.
      await page.click(`${urgent} button[name=select]`);
      await page.waitForSelector('[data-details-for="Graph Mail Urgent"] [data-credential=client-secret]');
      expect(await page.textContent('[data-details-for="Graph Mail Urgent"] [data-credential=client-secret]')).toContain('from Entra ID');
      await page.click(`${certItem} button[name=select]`);
      await page.waitForSelector('[data-details-for="Graph Mail Cert"] [data-credential=certificate]');
      expect(await page.textContent('[data-details-for="Graph Mail Cert"] [data-credential=certificate]')).toContain('from the certificate');
      await expectNoAxeViolations(page, 'Profiles with expiry warnings');
      await shot(page, '57-profiles-expiry');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('no banner when every dated credential is more than 30 days from its end', async () => {
    const app = await startApp(browser, {}, seedWith([
      { draft: draftOf('Graph Mail Calm', 'secret'), secret: [SecretField.SelfDeployedClientSecret, SECRET], entraEndsInDays: 120 },
    ]));
    try {
      const { page } = app;
      await page.click('button[name=nav-profiles]');
      await page.waitForSelector('li[data-profile-name="Graph Mail Calm"] [data-expiry-level=ok]');
      expect(await page.locator('[data-expiry-banner]').count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
