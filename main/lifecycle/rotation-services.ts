import type { ICachePlugin } from '@azure/msal-node';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { ADMIN_SIGN_IN_SCOPES, DEFAULT_BOOTSTRAP_CLIENT_ID } from '../../shared/entra/entra-constants';
import { ok, type Result } from '../../shared/result';
import { TenantResolver } from '../auth/tenant-resolver';
import { AdminSignInService } from '../entra/admin-sign-in-service';
import { GraphAdminClient } from '../entra/graph-admin-client';
import { RegistrationGraph } from '../entra/registration-graph';
import type { BrowserOpener } from '../ports/browser-opener';
import type { FileLock } from '../ports/file-lock';
import type { FileSystem } from '../ports/file-system';
import type { HttpClient } from '../ports/http-client';
import type { SecretVault } from '../secrets/secret-vault';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';
import { RotationJournalStore } from './rotation-journal-store';
import { RotationService } from './rotation-service';
import type { AdminTokenSource, RotationHooks } from './rotation-types';

/** What rotation needs from the host (the app, `gma` and tests build it alike). */
export interface RotationPorts {
  readonly http: HttpClient;
  readonly endpoints: IdentityEndpoints;
  readonly fs: FileSystem;
  readonly dataDir: string;
  /** The machine-wide lock behind each profile's rotation claim (the one the profiles file uses). */
  readonly fileLock: FileLock;
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  readonly vault: SecretVault;
  readonly xsoar: XsoarService;
  readonly connections: { target(nameOrId: string): Promise<Result<XsoarTarget>> };
  /** The keychain's administrator token cache (`msal.admin-token-cache`). */
  readonly adminCachePlugin: ICachePlugin;
  /**
   * How the administrator's token is obtained: `silent-only` from the token cache (unattended `gma rotate`; a clear
   * `entra/admin-sign-in-required` otherwise), or `interactive` when the cache cannot give one (the app).
   */
  readonly signIn: { readonly mode: 'silent-only' } | { readonly mode: 'interactive'; readonly browserOpener: BrowserOpener; readonly timeoutMs?: number };
  /** The organisation's own bootstrap client, or Microsoft Graph Command Line Tools. */
  readonly bootstrapClientId?: string;
  /** Replication backoff for tests. */
  readonly backoffMs?: readonly number[];
  readonly hooks?: RotationHooks;
}

const NO_BROWSER: BrowserOpener = { open: () => Promise.reject(new Error('No browser in an unattended run.')) };

/** Builds the rotation service over one network port and the shared stores. */
export function createRotationService(ports: RotationPorts): RotationService {
  const tenants = new TenantResolver(ports.http, ports.endpoints);
  const interactive = ports.signIn.mode === 'interactive' ? ports.signIn : null;
  const adminSignIn = new AdminSignInService(ports.http, ports.endpoints, tenants, interactive?.browserOpener ?? NO_BROWSER, interactive?.timeoutMs, ports.adminCachePlugin);
  const request = (tenant: string) => ({ tenant, bootstrapClientId: ports.bootstrapClientId ?? DEFAULT_BOOTSTRAP_CLIENT_ID, scopes: ADMIN_SIGN_IN_SCOPES.map((s) => s.value) });
  const adminToken: AdminTokenSource = {
    token: async (tenant, cancel) => {
      const silent = await adminSignIn.silent(request(tenant), cancel);
      if (silent.ok || interactive === null) return silent;
      const signedIn = await adminSignIn.signIn(request(tenant), cancel);
      return signedIn.ok ? ok(signedIn.value) : signedIn;
    },
  };
  return new RotationService({
    profiles: ports.profiles,
    secrets: ports.secrets,
    vault: ports.vault,
    journal: new RotationJournalStore(ports.fs, ports.dataDir, ports.fileLock),
    xsoar: ports.xsoar,
    connections: ports.connections,
    graphFor: (token, signal) => new RegistrationGraph(new GraphAdminClient(ports.http, ports.endpoints, token, signal, ports.backoffMs ? { backoffMs: ports.backoffMs } : {})),
    adminToken,
    ...(ports.backoffMs ? { replicationWaitsMs: ports.backoffMs } : {}),
    ...(ports.hooks ? { hooks: ports.hooks } : {}),
  });
}
