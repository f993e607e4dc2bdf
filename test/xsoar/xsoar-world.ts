import { randomBytes, randomUUID } from 'node:crypto';
import type { IdentityPlatform } from '../idp/identity-platform';
import { CLOUD_APP_PERMISSIONS, startAzureCloud, type AzureCloud } from './azure-cloud';
import { startXsoarServer, type ServerKey, type ServerProduct, type XsoarServer } from './xsoar-server';

/** Consent-page values registered at the test token service (never real credentials). */
export interface OproxyValues {
  readonly id: string;
  readonly token: string;
  readonly key: string;
}

/** The Azure side plus helpers to register what a test needs. */
export interface XsoarWorld {
  readonly cloud: AzureCloud;
  /** Registers fresh consent-page values for `tenantId` and returns them. */
  consent(tenantId: string): OproxyValues;
  /** Gives the "Azure VM" a managed identity (system-assigned when `clientId` is null) backed by an app in `tenantId`. */
  managedIdentity(tenantId: string, clientId: string | null): void;
  /** Starts an XSOAR-shaped server in this world. */
  server(product: ServerProduct, keys: readonly ServerKey[], extra?: { engines?: readonly { id: string; name: string }[] }): Promise<XsoarServer>;
  close(): Promise<void>;
}

/** The playground every test server has (XSOAR 6 finds it; 8/XSIAM are told its id). */
export const PLAYGROUND_ID = 'playground-analyst';

/**
 * Starts the Azure-side services (oproxy, IMDS) against the test identity platform and makes XSOAR-shaped servers
 * whose `!msgraph-mail-test` reaches them; every server and the cloud close with {@link XsoarWorld.close}.
 */
export async function startXsoarWorld(idp: IdentityPlatform, tenantId: string): Promise<XsoarWorld> {
  const oproxyApp = { clientId: randomUUID(), secret: `oproxy-${randomBytes(12).toString('hex')}` };
  idp.registerApp({ tenantId, clientId: oproxyApp.clientId, displayName: 'Cortex XSOAR (test token service)', secrets: [oproxyApp.secret], applicationPermissions: [...CLOUD_APP_PERMISSIONS], consent: { admin: true } });
  const cloud = await startAzureCloud(idp, oproxyApp);
  const servers: XsoarServer[] = [];
  const world = { authorityHost: idp.authorityHost, graphBaseUrl: idp.graphBaseUrl, oproxyTokenUrl: cloud.oproxyTokenUrl, imdsTokenUrl: cloud.imdsTokenUrl };
  return {
    cloud,
    consent: (tid) => {
      const values = { id: randomUUID(), token: `0.AXkA${randomBytes(60).toString('base64url')}`, key: randomBytes(32).toString('base64') };
      cloud.register({ registrationId: values.id, key: values.key, token: values.token, tenantId: tid });
      return values;
    },
    managedIdentity: (tid, clientId) => {
      const app = { clientId: randomUUID(), secret: `mi-${randomBytes(12).toString('hex')}` };
      idp.registerApp({ tenantId: tid, clientId: app.clientId, displayName: `Managed identity ${clientId ?? 'system'}`, secrets: [app.secret], applicationPermissions: [...CLOUD_APP_PERMISSIONS], consent: { admin: true } });
      cloud.addManagedIdentity({ clientId, tenantId: tid, appClientId: app.clientId, appSecret: app.secret });
    },
    server: async (product, keys, extra = {}) => {
      const server = await startXsoarServer({ product, keys, world, playgrounds: [{ id: PLAYGROUND_ID, user: 'analyst' }], apiUser: 'analyst', ...(extra.engines ? { engines: extra.engines } : {}) });
      servers.push(server);
      return server;
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
      await cloud.close();
    },
  };
}
