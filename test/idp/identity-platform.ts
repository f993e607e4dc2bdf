import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from 'oidc-provider';
import { createAuthorityFront } from './authority-front';
import { Directory, type DirectoryApp, type DirectoryUser } from './directory';
import { TEST_CA_DIR_ENV } from './global-setup';
import { createGraphHandler } from './graph-server';
import type { GraphDirectoryState, GraphFaults, GraphLogEntry } from './graph-directory-routes';
import type { ApplicationObject, PermissionGrantObject } from './graph-objects';
import { createPlatformClock, type AppSpec, type PlatformClock, type TenantSpec, type UserSpec } from './platform-model';
import { createTestCa, issueServerCertificate, openTestCa, type TestCa } from './test-ca';
import { createTenantProvider } from './tenant-provider';

/** What a test starts the platform with. */
export interface IdentityPlatformOptions {
  readonly tenants?: readonly TenantSpec[];
  readonly users?: readonly UserSpec[];
  readonly apps?: readonly AppSpec[];
  /** A clock the test controls; a real-time clock with `advance()` when omitted. */
  readonly clock?: PlatformClock;
}

/** A running test identity platform (authority + Graph), both HTTPS on 127.0.0.1 under the run's test CA. */
export interface IdentityPlatform {
  /** `https://localhost:<port>`: replaces `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** `localhost:<port>`, for MSAL's `knownAuthorities`. */
  readonly authorityHostAndPort: string;
  /** `https://localhost:<port>`: replaces `https://graph.microsoft.com` (append `/v1.0/...`). */
  readonly graphBaseUrl: string;
  /** The CA certificate that signs both servers (what NODE_EXTRA_CA_CERTS and the NSS db must hold). */
  readonly caCertPath: string;
  readonly clock: PlatformClock;
  /** Milliseconds `startIdentityPlatform` took (for the start-up benchmark). */
  readonly startupMs: number;
  /** `https://localhost:<port>/<tenant>/` — an MSAL authority for a tenant GUID or domain. */
  authority(tenant: string): string;
  addTenant(spec: TenantSpec): void;
  addUser(spec: UserSpec): DirectoryUser;
  /** Registers (or replaces) an app registration; effective immediately. */
  registerApp(spec: AppSpec): DirectoryApp;
  /** Records consent to delegated permissions, for one user (`userUpn`) or tenant-wide (admin), plus application permissions (admin only). */
  grantConsent(grant: { tenantId: string; clientId: string; delegated?: readonly string[]; application?: readonly string[]; userUpn?: string }): void;
  /** Delegated permissions consented for a user (admin consent included). */
  consentedScopes(tenantId: string, clientId: string, userUpn: string): ReadonlySet<string>;
  /**
   * Graph directory faults, changed while running: `replicationReads` (how many reads of each new object miss it)
   * and `throttle` (the next `remaining` directory requests answer 429 with `Retry-After`).
   */
  readonly graphFaults: GraphFaults;
  /** Ends every pending replication delay at once (as if enough time had passed). */
  settleGraphReplication(): void;
  /** Every answered Graph request so far (method, path with query, status). */
  graphLog(): readonly GraphLogEntry[];
  /** The Graph application object of an app, as the directory holds it (tests inspect redirects and credentials). */
  application(tenantId: string, appId: string): ApplicationObject | undefined;
  /** The delegated permission grants of a tenant. */
  permissionGrants(tenantId: string): readonly PermissionGrantObject[];
  /** Stops both servers and removes any CA this platform made itself. */
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Last resort for a bug in the platform itself: a 500 instead of an unhandled rejection. */
function internalError(res: ServerResponse, err: unknown): void {
  console.error('[idp] internal error', err);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
  res.end();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the test identity platform: an Entra-shaped authority (tenant-mounted oidc-provider) and a Graph
 * endpoint. Uses the run's CA from the vitest global setup (GMA_TEST_CA_DIR); without it, makes its own CA
 * (then only processes started with NODE_EXTRA_CA_CERTS=caCertPath trust it).
 */
export async function startIdentityPlatform(options: IdentityPlatformOptions = {}): Promise<IdentityPlatform> {
  const started = performance.now();
  const sharedCaDir = process.env[TEST_CA_DIR_ENV];
  const ownCaDir = sharedCaDir ? undefined : mkdtempSync(join(tmpdir(), 'gma-idp-ca-'));
  const ca: TestCa = sharedCaDir ? openTestCa(sharedCaDir) : createTestCa(ownCaDir ?? '');
  const tls = issueServerCertificate(ca);
  const clock = options.clock ?? createPlatformClock();
  const directory = new Directory(() => clock.now());
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

  const providers = new Map<string, Provider>();
  const tenantIds: string[] = [];
  let origin = '';
  let graphOrigin = '';
  const providerFor = (tenant: TenantSpec): Provider => {
    const existing = providers.get(tenant.id);
    if (existing) return existing;
    const created = createTenantProvider({ origin, graphOrigin, tenant, directory, clock, signingJwk, signingKey: publicKey });
    providers.set(tenant.id, created);
    return created;
  };

  const redeemedCodes = new Set<string>();
  let front: ReturnType<typeof createAuthorityFront> | undefined;
  const authority = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    front?.(req, res).catch((err: unknown) => internalError(res, err));
  });
  const graph = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    graphHandler(req, res).catch((err: unknown) => internalError(res, err));
  });
  const directoryState: GraphDirectoryState = { directory, clock, faults: { replicationReads: 0, throttle: { remaining: 0, retryAfterSeconds: 1 } }, lagging: new Map(), log: [] };
  const graphHandler = createGraphHandler({ directory, clock, signingKey: publicKey, tenantIds: () => tenantIds, directoryState });
  const [authorityPort, graphPort] = await Promise.all([listen(authority), listen(graph)]);
  origin = `https://localhost:${authorityPort}`;
  graphOrigin = `https://localhost:${graphPort}`;
  front = createAuthorityFront({ origin, directory, clock, providerFor, redeemedCodes });

  const addTenant = (spec: TenantSpec): void => {
    directory.addTenant(spec);
    tenantIds.push(spec.id);
    providerFor(spec);
  };
  for (const t of options.tenants ?? []) addTenant(t);
  for (const u of options.users ?? []) directory.addUser(u);
  for (const a of options.apps ?? []) directory.registerApp(a);

  const userOid = (tenantId: string, upn: string): string => {
    const user = directory.findUser(tenantId, upn);
    if (!user) throw new Error(`unknown user ${upn}`);
    return user.oid;
  };

  return {
    authorityHost: origin,
    authorityHostAndPort: `localhost:${authorityPort}`,
    graphBaseUrl: graphOrigin,
    caCertPath: ca.certPath,
    clock,
    startupMs: performance.now() - started,
    authority: (tenant) => `${origin}/${tenant}/`,
    addTenant,
    addUser: (spec) => directory.addUser(spec),
    registerApp: (spec) => directory.registerApp(spec),
    grantConsent: ({ tenantId, clientId, delegated = [], application = [], userUpn }) =>
      directory.grantConsent(tenantId, clientId, delegated, userUpn ? userOid(tenantId, userUpn) : undefined, userUpn ? [] : application),
    graphFaults: directoryState.faults,
    graphLog: () => [...directoryState.log],
    settleGraphReplication: () => directoryState.lagging.clear(),
    application: (tenantId, appId) => directory.applications(tenantId).find((a) => a.appId === appId),
    permissionGrants: (tenantId) => directory.permissionGrants(tenantId),
    consentedScopes: (tenantId, clientId, userUpn) => directory.consentedScopes(tenantId, clientId, userOid(tenantId, userUpn)),
    close: async () => {
      await Promise.all([closeServer(authority), closeServer(graph)]);
      if (ownCaDir) rmSync(ownCaDir, { recursive: true, force: true });
    },
  };
}
