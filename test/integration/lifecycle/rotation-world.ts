import type { AppServices } from '../../../main/app/app-services';
import type { SecretStore } from '../../../main/ports/secret-store';
import { launchBrowserUser, type BrowserUser } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { startRedirectCatcher, type RedirectCatcher } from '../../idp/redirect-catcher';
import { startXsoarWorld } from '../../xsoar/xsoar-world';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { PlayingBrowser } from '../signin/signin-fixture';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, ETID } from '../entra/entra-fixture';
import { CONNECTION, rotationAppServices, XSOAR_KEY } from './rotation-fixture';

/** Everything a rotation test runs against, started once per file. */
export interface RotationWorld {
  readonly idp: IdentityPlatform;
  readonly browser: BrowserUser;
  readonly catcher: RedirectCatcher;
  readonly opener: PlayingBrowser;
  /** The app's services over a fresh data folder and the given keychain service. */
  readonly services: AppServices;
  readonly dataDir: string;
  /** The XSOAR 6-shaped server, saved in the app as connection {@link CONNECTION}. */
  readonly x6: XsoarServer;
  close(): Promise<void>;
}

/**
 * Starts the test identity platform (the Entra tenant, its users and the bootstrap app), Chromium as the browser
 * user, a redirect catcher, the app's services (real keychain) and an XSOAR 6-shaped server saved as a connection.
 */
export async function startRotationWorld(store: SecretStore & { readonly service?: string } = freshKeytarStore()): Promise<RotationWorld> {
  requirePrivateKeyring();
  const idp = await startIdentityPlatform({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] });
  const browser = await launchBrowserUser(idp.caCertPath);
  const catcher = await startRedirectCatcher();
  const opener = new PlayingBrowser(browser, null);
  const { services, dataDir } = await rotationAppServices(idp, opener, store);
  const xsoar = await startXsoarWorld(idp, ETID);
  const x6 = await xsoar.server('xsoar6', [{ id: '', key: XSOAR_KEY, advanced: false, role: 'admin' }]);
  const added = await services.xsoarConnections.add({ name: CONNECTION, url: x6.url, keyId: '', advancedKey: false, caPem: '', caFileName: '' }, XSOAR_KEY);
  if (!added.ok) throw new Error(added.error.message);
  return {
    idp, browser, catcher, opener, services, dataDir, x6,
    close: async () => {
      await xsoar.close();
      await catcher.close();
      await browser.close();
      await idp.close();
    },
  };
}
