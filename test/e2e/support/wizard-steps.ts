import type { Page } from 'playwright-core';

/** Clicks the wizard's Next button (the wizard may refuse it and stay on the step). */
export async function next(page: Page): Promise<void> {
  await page.click('button[name=next]');
}

/** Waits until the wizard shows `step` (the value of its `data-step`). */
export async function expectStep(page: Page, step: string): Promise<void> {
  await page.waitForSelector(`.wizard[data-step="${step}"]`);
}
