import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AppPorts } from '../../../main/app/app-services';
import { launchBrowserUser, type BrowserUser } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform, type IdentityPlatformOptions } from '../../idp/identity-platform';
import { endpointsOf, PlayingBrowser } from '../../integration/signin/signin-fixture';
import { startApp, type AppUnderTest } from './app-under-test';

/** The test identity platform and a second Chromium that plays the user in the system browser. */
export interface SignInSession {
  readonly idp: IdentityPlatform;
  /** Signs in and consents in its own Chromium, which trusts the platform's test CA. */
  readonly user: BrowserUser;
}

/**
 * Starts a {@link SignInSession} before the file's tests (the platform with `platform`'s tenants, users and apps,
 * then the browser user) and stops it after them (browser user, then platform). Call it after `useChromium`, so
 * the app's Chromium outlives it. `use` receives the session once it runs; assign it to the file's own variables.
 */
export function useSignInSession(platform: IdentityPlatformOptions, use: (session: SignInSession) => void): void {
  let idp: IdentityPlatform | undefined;
  let user: BrowserUser | undefined;
  beforeAll(async () => {
    idp = await startIdentityPlatform(platform);
    user = await launchBrowserUser(idp.caCertPath);
    use({ idp, user });
  });
  afterAll(async () => {
    await user?.close();
    await idp?.close();
  });
}

/** The app under test signing in against the session's platform, with the browser that plays the user. */
export interface SignedInApp {
  readonly app: AppUnderTest;
  /** The system browser as the app sees it; `plays(…)` sets what the user does at the next sign-in. */
  readonly opener: PlayingBrowser;
}

/**
 * Starts the app in `browser`, wired to the session's identity platform (its endpoints, and its host allowed as an
 * external address); the session's browser user plays the system browser. `overrides` swaps further ports.
 */
export async function startSignedInApp(browser: Browser, session: SignInSession, overrides: Partial<AppPorts> = {}): Promise<SignedInApp> {
  const opener = new PlayingBrowser(session.user, null);
  const app = await startApp(browser, {
    browserOpener: opener,
    endpoints: endpointsOf(session.idp),
    extraExternalHosts: [session.idp.authorityHostAndPort],
    ...overrides,
  });
  return { app, opener };
}
