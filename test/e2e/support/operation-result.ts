import type { Page } from 'playwright-core';

/**
 * Waits until the page's operation `name` ended (`data-op-done` or `data-op-error`) and fails with the error the
 * page shows when it did not succeed.
 */
export async function succeeded(page: Page, name: string): Promise<void> {
  // `attached`: a finished step may render nothing visible (the code step shows its result elsewhere).
  await page.waitForSelector(`[data-op-done=${name}], [data-op-error=${name}]`, { timeout: 60_000, state: 'attached' });
  const error = await page.locator(`[data-op-error=${name}]`).count();
  if (error > 0) throw new Error(`${name} failed: ${await page.textContent(`[data-op-error=${name}]`)}`);
}
