import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where e2e tests save the screenshots the README shows. */
export const SCREENSHOT_DIR = resolve('docs/screenshots');

/** Saves the whole page (not only the window) as `docs/screenshots/<name>.png`. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
