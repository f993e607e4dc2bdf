import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** An exported settings file: every parameter by name; credentials as `{ identifier, password }`. */
export type ExportedSettings = Record<string, { password: string; identifier: string } & Record<string, unknown>>;

/** On the Export step: ticks "include secrets" (off by default), exports, and reads back the file as written. */
export async function exportWithSecrets(page: Page): Promise<ExportedSettings> {
  await page.check('input[name=include-secrets]');
  await page.click('button[name=export]');
  const path = (await page.locator('[data-export-path]').textContent()) ?? '';
  return JSON.parse(await readFile(path, 'utf8')) as ExportedSettings;
}
