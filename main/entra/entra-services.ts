import type { ICachePlugin } from '@azure/msal-node';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { TenantResolver } from '../auth/tenant-resolver';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import { AdminSignInService } from './admin-sign-in-service';
import { EntraProvisioningService } from './entra-provisioning-service';

/** What the app-registration services need from the host. */
export interface EntraPorts {
  readonly http: HttpClient;
  readonly endpoints: IdentityEndpoints;
  readonly browserOpener: BrowserOpener;
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  readonly profileSecrets: ProfileSecrets;
  /** Tests: shorter interactive bound and replication backoff. */
  readonly interactiveTimeoutMs?: number;
  readonly backoffMs?: readonly number[];
  /** The keychain's administrator token cache, so a later unattended run (`gma rotate`) can sign in silently. */
  readonly adminCachePlugin?: ICachePlugin;
}

/** Builds "Create the app for me", check and repair over one network port (app, `gma` and tests alike). */
export function createEntraProvisioning(ports: EntraPorts): EntraProvisioningService {
  const tenants = new TenantResolver(ports.http, ports.endpoints);
  const adminSignIn = new AdminSignInService(ports.http, ports.endpoints, tenants, ports.browserOpener, ports.interactiveTimeoutMs, ports.adminCachePlugin);
  return new EntraProvisioningService({
    http: ports.http,
    endpoints: ports.endpoints,
    adminSignIn,
    profiles: ports.profiles,
    secrets: ports.secrets,
    profileSecrets: ports.profileSecrets,
    ...(ports.backoffMs ? { backoffMs: ports.backoffMs } : {}),
  });
}
