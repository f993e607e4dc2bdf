import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { requirePrivateKeyring } from '../../integration/support/private-keyring';

/** What a test file needs besides Chromium. */
export interface ChromiumSessionOptions {
  /** Fails before launching when the runner's private keychain is missing (tests that read or write it). */
  readonly requireKeyring?: boolean;
}

/**
 * Launches headless Chromium before the file's tests and closes it after them. `use` receives the browser once
 * it runs; assign it to the file's own variable.
 */
export function useChromium(use: (browser: Browser) => void, options: ChromiumSessionOptions = {}): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (options.requireKeyring === true) requirePrivateKeyring();
    browser = await launchChromium();
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
