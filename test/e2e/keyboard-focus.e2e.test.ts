/**
 * Keyboard and focus, at 900×650 where a refused Next's first error is below the fold: the step heading
 * after Next, the first invalid field (scrolled into view) after a refused Next, Enter = Next in text fields,
 * the result after an operation, and never the page body after a button that disables itself or disappears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/app-under-test';
import { useChromium } from './support/chromium-session';
import { waitForStepContent } from './support/page-checks';

let browser: Browser;
let app: AppUnderTest;
useChromium((b) => (browser = b));
beforeAll(async () => {
  app = await startApp(browser);
  await app.page.setViewportSize({ width: 900, height: 650 });
});
// Registered after Chromium's, so it runs first (vitest runs after-hooks as a stack): the app closes before its browser.
afterAll(async () => {
  await app?.close();
});

/** The focused element, and whether it is inside the window. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return { tag: 'body', id: '', name: '', text: '', inView: false };
    const r = el.getBoundingClientRect();
    return { tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') ?? '', text: (el.textContent ?? '').trim().slice(0, 120), inView: r.top >= 0 && r.bottom <= window.innerHeight };
  });
}

/**
 * Tabs from Review's heading to Next with no XSOAR connection saved yet: one for the value table, eight for the
 * Send-to-XSOAR panel's "Add a connection" form, Back, Next (it was 22 when each Copy button was a stop of its own).
 */
const TABS_TO_NEXT_ON_REVIEW = 11;

async function onStep(page: Page, step: string): Promise<void> {
  await page.waitForSelector(`.wizard[data-step="${step}"]`);
  await waitForStepContent(page);
}

describe('keyboard and focus', () => {
  it('after Next the step heading has focus; a refused Next focuses the first invalid field; Enter is Next', async () => {
    const { page } = app;
    await page.check('input[name=method][value="managed-identity"]');
    await page.click('button[name=next]');
    await onStep(page, 'managed-identity');
    expect(await focused(page)).toMatchObject({ tag: 'h2', id: 'step-title', text: 'Managed identity' });

    await page.check('input[name=mi-kind][value="user-assigned"]');
    await page.fill('input[name="managedIdentity.clientId"]', 'not-a-guid');
    // Enter in the field is Next; the step refuses it and the field keeps the focus with its error.
    await page.press('input[name="managedIdentity.clientId"]', 'Enter');
    await page.waitForSelector('[data-field-error="managedIdentity.clientId"]');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'managedIdentity.clientId', inView: true });

    await page.fill('input[name="managedIdentity.clientId"]', '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10');
    await page.press('input[name="managedIdentity.clientId"]', 'Enter');
    await onStep(page, 'mailbox');
    expect(await focused(page)).toMatchObject({ tag: 'h2', id: 'step-title', text: 'Mailbox and fetch settings' });
  });

  it('a refused Next scrolls to the first invalid field even when it is below the fold', async () => {
    const { page } = app;
    // Required fields carry a visible mark the step's legend explains, and aria-required; optional ones neither.
    expect(await page.locator('[data-required-legend]').count()).toBe(1);
    expect(await page.getAttribute('input[name="mailbox.mailboxToFetch"]', 'aria-required')).toBe('true');
    expect(await page.locator('.field:has(input[name="mailbox.mailboxToFetch"]) label .required-mark').count()).toBe(1);
    expect(await page.getAttribute('input[name="mailbox.incidentType"]', 'aria-required')).toBeNull();
    expect(await page.locator('.field:has(input[name="mailbox.incidentType"]) .required-mark').count()).toBe(0);
    await page.fill('input[name="mailbox.mailboxToFetch"]', 'soc-phish@contoso.example');
    await page.fill('input[name="mailbox.fetchLimit"]', 'fifty');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('button[name=next]');
    await page.waitForSelector('[data-field-error="mailbox.fetchLimit"]');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'mailbox.fetchLimit', inView: true });
    await page.fill('input[name="mailbox.fetchLimit"]', '25');
    await page.press('input[name="mailbox.fetchLimit"]', 'Enter');
    await onStep(page, 'review');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Review' });
  });

  it('Review\'s Copy buttons have distinct accessible names', async () => {
    const names = await app.page.$$eval('.review-table button', (buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Copy Azure Managed Identities Client ID');
    expect(names).toContain('Copy Maximum number of emails to pull per fetch');
  });

  it('Review\'s value table is one Tab stop (the arrow keys move between its Copy buttons), so Next is a few Tabs away', async () => {
    const { page } = app;
    await page.focus('#step-title');
    const path: { name: string; inTable: boolean; label: string }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement;
        return { name: el?.getAttribute('name') ?? '', inTable: el?.closest('.review-table') !== null, label: el?.getAttribute('aria-label') ?? (el?.textContent ?? '').trim().slice(0, 40) };
      });
      path.push(now);
      if (now.name === 'next') break;
    }
    expect(path.at(-1)?.name, JSON.stringify(path)).toBe('next');
    // One stop in the table (the first Copy button); the rest is the Send-to-XSOAR panel's form and Back.
    expect(path.filter((p) => p.inTable).map((p) => p.label)).toEqual(['Copy Use Azure Managed Identities']);
    expect(path.length, JSON.stringify(path)).toBeLessThanOrEqual(TABS_TO_NEXT_ON_REVIEW);

    // Inside the table the arrows move; Tab leaves and Shift+Tab comes back to the button used last.
    const firstCopy = path.findIndex((p) => p.inTable);
    await page.focus('#step-title');
    for (let i = 0; i <= firstCopy; i++) await page.keyboard.press('Tab');
    const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    expect(await label()).toBe('Copy Azure Managed Identities Client ID');
    await page.keyboard.press('End');
    const last = await label();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await label()).toBe(last);
    expect(last).not.toBe('Copy Azure Managed Identities Client ID');
    await page.keyboard.press('Home');
    expect(await label()).toBe('Copy Use Azure Managed Identities');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-copied]');
    expect(app.clipboard.writes.at(-1)).toBe('6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10');
  });

  it('after Export… (which disables itself while it saves) the result has the focus, never the body', async () => {
    const { page } = app;
    await page.click('button[name=next]');
    await onStep(page, 'export');
    await page.focus('button[name=export]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-export-path]');
    const now = await focused(page);
    expect(now.tag).not.toBe('body');
    expect(now.text).toContain('Saved to');
  });

  it('the step rail jumps back, and forward to completed steps, never past the first step with problems', async () => {
    const { page } = app;
    const railLink = (step: string) => page.locator(`.step-rail button[name="go-to-${step}"]`);
    await page.click('.step-rail button[name="go-to-managed-identity"]');
    await onStep(page, 'managed-identity');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Managed identity' });
    // Forward: every step Next reached is a link, Export included.
    expect(await railLink('export').count()).toBe(1);
    await railLink('review').click();
    await onStep(page, 'review');

    // A problem on Mailbox closes the way past it until it is fixed.
    await railLink('mailbox').click();
    await onStep(page, 'mailbox');
    await page.fill('input[name="mailbox.fetchLimit"]', 'fifty');
    expect(await railLink('review').count()).toBe(0);
    expect(await railLink('export').count()).toBe(0);
    expect(await page.getAttribute('.step-rail li[data-rail-step="review"]', 'class')).not.toContain('done');
    await page.fill('input[name="mailbox.fetchLimit"]', '25');
    await railLink('export').click();
    await onStep(page, 'export');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Export' });
  });

  it('after a confirmed delete on Profiles the focus stays on the page, not the body', async () => {
    const { page } = app;
    await page.click('button[name=nav-profiles]');
    await page.fill('input[name=new-profile-name]', 'Focus test');
    await page.press('input[name=new-profile-name]', 'Enter');
    await page.waitForSelector('[data-profile-name="Focus test"]');
    await page.click('[data-profile-name="Focus test"] button[name=select]');
    await page.click('[data-profile-name="Focus test"] button[name=delete]');
    // The question takes the focus, on its safe answer.
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'cancel' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'confirm' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-profile-name="Focus test"]', { state: 'detached' });
    expect((await focused(page)).tag).not.toBe('body');
  });
});
