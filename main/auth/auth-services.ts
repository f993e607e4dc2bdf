import type { ICachePlugin } from '@azure/msal-node';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { BrowserOpener } from '../ports/browser-opener';
import type { HttpClient } from '../ports/http-client';
import { AdminConsentService } from './admin-consent-service';
import { CredentialCheckService } from './credential-check-service';
import { SignInVerificationService } from './sign-in-verification-service';
import { TenantResolver } from './tenant-resolver';
import { XsoarAuthCodeService } from './xsoar-auth-code-service';

/** What the sign-in services need from the host. */
export interface AuthPorts {
  /** Electron `net.fetch` in the app (`createElectronNetHttpClient`), Node fetch in tests (`createNodeFetchClient`). */
  readonly http: HttpClient;
  /** `parseIdentityEndpoints(process.env.GMA_IDENTITY_ENDPOINTS)`; production by default. */
  readonly endpoints: IdentityEndpoints;
  readonly browserOpener: BrowserOpener;
  /** MSAL token cache persistence (the keychain-backed plugin); without it tokens live only in memory. */
  readonly tokenCachePlugin?: ICachePlugin;
  /** Overrides for tests; production uses the defaults (5 minutes interactive, 30 s credential check). */
  readonly timeouts?: { readonly interactiveMs?: number; readonly credentialCheckMs?: number; readonly tenantLookupMs?: number };
}

/** The main-process sign-in services (issue 5, self-deployed app). */
export interface AuthServices {
  readonly tenants: TenantResolver;
  readonly credentialCheck: CredentialCheckService;
  readonly adminConsent: AdminConsentService;
  readonly signInVerification: SignInVerificationService;
  readonly xsoarAuthCode: XsoarAuthCodeService;
}

/** Builds the sign-in services over one network port and one endpoint configuration. */
export function createAuthServices(ports: AuthPorts): AuthServices {
  const t = ports.timeouts ?? {};
  const tenants = new TenantResolver(ports.http, ports.endpoints, t.tenantLookupMs);
  return {
    tenants,
    credentialCheck: new CredentialCheckService(ports.http, ports.endpoints, tenants, t.credentialCheckMs),
    adminConsent: new AdminConsentService(ports.browserOpener, ports.endpoints, tenants, t.interactiveMs),
    signInVerification: new SignInVerificationService(ports.http, ports.endpoints, tenants, ports.browserOpener, ports.tokenCachePlugin, t.interactiveMs === undefined ? {} : { timeoutMs: t.interactiveMs }),
    xsoarAuthCode: new XsoarAuthCodeService(ports.browserOpener, ports.endpoints, t.interactiveMs),
  };
}
