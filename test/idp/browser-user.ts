import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

/** A test user's sign-in name and password. */
export interface Credentials {
  readonly upn: string;
  readonly password: string;
}

/** What the simulated user does on the platform's pages. */
export interface UserScript {
  /** Who signs in (sign-in and admin-consent pages). */
  readonly user?: Credentials;
  /** Answer on a consent page; `accept` when omitted. */
  readonly consent?: 'accept' | 'decline';
  /** Close the tab as soon as the first platform page shows, like a user who gives up. */
  readonly closeTab?: boolean;
}

/** Where the user ended up. */
export type BrowserOutcome =
  | { readonly kind: 'left-platform'; readonly url: string; readonly text: string }
  | { readonly kind: 'error-page'; readonly code: string; readonly message: string }
  | { readonly kind: 'closed' };

/** Chromium with the run's test CA trusted through a throwaway NSS database (no ignoreHTTPSErrors). */
export interface BrowserUser {
  /** Opens `url` (what the app handed the system browser) and plays `script` until the browser leaves the platform. */
  play(url: string, script: UserScript): Promise<BrowserOutcome>;
  close(): Promise<void>;
}

function makeNssHome(caCertPath: string): string {
  const home = mkdtempSync(join(tmpdir(), 'gma-browser-home-'));
  const db = join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password'], { stdio: 'ignore', timeout: 10_000 });
  execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', 'gma-test-ca', '-i', caCertPath], { stdio: 'ignore', timeout: 10_000 });
  return home;
}

async function pageKind(page: Page): Promise<string | null> {
  return page.locator('body').getAttribute('data-page', { timeout: 2_000 }).catch(() => null);
}

async function submit(page: Page, selector: string, timeoutMs: number): Promise<void> {
  await Promise.all([page.waitForNavigation({ timeout: timeoutMs, waitUntil: 'commit' }), page.click(selector, { timeout: timeoutMs })]);
}

/**
 * Launches headless Debian Chromium (flags from test/support/chromium.ts) whose HOME holds an NSS database
 * trusting `caCertPath`. Every wait is bounded by `stepTimeoutMs`; `play` gives up after `playTimeoutMs`.
 */
export async function launchBrowserUser(caCertPath: string, limits: { stepTimeoutMs?: number; playTimeoutMs?: number } = {}): Promise<BrowserUser> {
  const stepTimeoutMs = limits.stepTimeoutMs ?? 10_000;
  const playTimeoutMs = limits.playTimeoutMs ?? 30_000;
  const home = makeNssHome(caCertPath);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, handleSIGTERM: false, handleSIGINT: false,
      env: { ...process.env, HOME: home }, timeout: stepTimeoutMs * 3,
    });
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
  }

  const play = async (url: string, script: UserScript): Promise<BrowserOutcome> => {
    const platformOrigin = new URL(url).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(stepTimeoutMs);
    page.setDefaultNavigationTimeout(stepTimeoutMs);
    const deadline = Date.now() + playTimeoutMs;
    try {
      await page.goto(url, { waitUntil: 'load' });
      for (;;) {
        if (Date.now() > deadline) throw new Error(`browser user gave up after ${playTimeoutMs} ms at ${page.url()}`);
        if (new URL(page.url()).origin !== platformOrigin) {
          await page.waitForLoadState('load');
          return { kind: 'left-platform', url: page.url(), text: (await page.textContent('body')) ?? '' };
        }
        const kind = await pageKind(page);
        if (kind && script.closeTab) {
          await page.close();
          return { kind: 'closed' };
        }
        switch (kind) {
          case 'error':
            return { kind: 'error-page', code: (await page.locator('body').getAttribute('data-error-code')) ?? '', message: (await page.textContent('#error-message')) ?? '' };
          case 'login':
          case 'admin-consent': {
            if (!script.user) throw new Error(`a ${kind} page asks for a user but the script has none`);
            // A rejected sign-in re-renders the page with the AADSTS error: report it rather than retry.
            const alert = page.locator('[role=alert]');
            if ((await alert.count()) > 0) {
              const message = (await alert.textContent()) ?? '';
              return { kind: 'error-page', code: /AADSTS\d+/.exec(message)?.[0] ?? '', message };
            }
            await page.fill('input[name=loginfmt]', script.user.upn);
            await page.fill('input[name=passwd]', script.user.password);
            const button = kind === 'admin-consent' && script.consent === 'decline' ? '#idBtn_Back' : '#idSIButton9';
            await submit(page, button, stepTimeoutMs);
            break;
          }
          case 'consent':
            await submit(page, script.consent === 'decline' ? '#idBtn_Back' : '#idSIButton9', stepTimeoutMs);
            break;
          default:
            // oidc-provider's form_post page submits itself to the app's loopback listener.
            await page.waitForURL((u) => u.origin !== platformOrigin, { timeout: stepTimeoutMs, waitUntil: 'commit' });
        }
      }
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  return {
    play,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
