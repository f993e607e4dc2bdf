import { afterAll, beforeAll } from 'vitest';
import { launchBrowserUser, type BrowserUser } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../../idp/redirect-catcher';
import { TENANT, USERS } from './fixture';

/** The test identity platform with the fixture's tenant and users, a browser user, and a redirect catcher. */
export interface PlatformSession {
  readonly idp: IdentityPlatform;
  readonly browser: BrowserUser;
  readonly catcher: RedirectCatcher;
}

/**
 * Starts a {@link PlatformSession} before the file's tests and stops all of it after them (catcher, browser,
 * platform, in that order, so no process or port outlives the file). `use` receives the session once it runs;
 * assign the parts the file needs to its own variables.
 */
export function usePlatformSession(use: (session: PlatformSession) => void): void {
  let idp: IdentityPlatform | undefined;
  let browser: BrowserUser | undefined;
  let catcher: RedirectCatcher | undefined;
  beforeAll(async () => {
    idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
    browser = await launchBrowserUser(idp.caCertPath);
    catcher = await startRedirectCatcher();
    use({ idp, browser, catcher });
  });
  afterAll(async () => {
    await catcher?.close();
    await browser?.close();
    await idp?.close();
  });
}
