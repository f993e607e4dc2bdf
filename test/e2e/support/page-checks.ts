import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
// axe-core's browser build, read once; injected through the DevTools protocol (page.evaluate), which the
// page's Content-Security-Policy does not govern, so the app runs with its real CSP.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, reduced to what a failure message needs. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** A violation a test accepts, with the reason written next to it. */
export interface AcceptedViolation {
  readonly id: string;
  readonly reason: string;
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA plus best practices) on the page as it is now and returns every
 * violation of any impact.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Fails with every violation axe finds on the page, except those `accepted` names (each with its reason). */
export async function expectNoAxeViolations(page: Page, where: string, accepted: readonly AcceptedViolation[] = []): Promise<void> {
  const found = (await axeViolations(page)).filter((v) => !accepted.some((a) => a.id === v.id));
  expect(found, `axe violations on ${where}`).toEqual([]);
}

/** Waits until the current step's lazily loaded content replaced its "Loading…" placeholder. */
export async function waitForStepContent(page: Page): Promise<void> {
  await page.waitForSelector('.step .loading', { state: 'detached' });
}

/** Fails when the page can scroll sideways (content wider than the window). */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect(overflow, `horizontal scroll on ${where}`).toEqual({ scrollWidth: overflow.clientWidth, clientWidth: overflow.clientWidth, wide: [] });
}
