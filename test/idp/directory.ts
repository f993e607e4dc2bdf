import { createHash, randomUUID } from 'node:crypto';
import { thumbprintsOf } from './test-ca';
import { GRAPH_APP_ID, GRAPH_ROLE_CATALOGUE, GRAPH_SCOPE_CATALOGUE, OIDC_SCOPE_VALUES, roleIdOf, scopeIdOf } from './graph-permissions';
import { keyCredentialFromPem, passwordCredentialFor, pemFromDerBase64, type ApplicationObject, type PermissionGrantObject } from './graph-objects';
import type { AppSpec, MailFolderSpec, TenantSpec, UserSpec } from './platform-model';

/** A user as the directory holds it (defaults filled in). */
export interface DirectoryUser {
  readonly tenantId: string;
  readonly upn: string;
  readonly displayName: string;
  readonly password: string;
  readonly oid: string;
  readonly isAdmin: boolean;
  /** Directory roles (`Global Administrator` for `isAdmin`). */
  readonly roles: readonly string[];
  readonly hasMailbox: boolean;
  readonly mailFolders: readonly MailFolderSpec[];
}

/** A registered certificate with both thumbprints (lower-case hex). */
export interface RegisteredCertificate {
  readonly pem: string;
  readonly sha1: string;
  readonly sha256: string;
}

/** An app registration as the directory holds it. */
export interface DirectoryApp {
  readonly tenantId: string;
  readonly clientId: string;
  readonly displayName: string;
  /** Object id of the application object (Graph `id`). */
  readonly objectId: string;
  /** Object id of the app's service principal (the `oid` of its app-only tokens). */
  readonly servicePrincipalId: string;
  readonly webRedirectUris: readonly string[];
  readonly publicRedirectUris: readonly string[];
  readonly secrets: readonly string[];
  readonly certificates: readonly RegisteredCertificate[];
  readonly delegatedPermissions: readonly string[];
  readonly applicationPermissions: readonly string[];
}

/** Which platform a redirect URI was registered on. */
export type RedirectPlatform = 'web' | 'public';

/** Default mailbox: the well-known folders, with one child folder and a message in the Inbox. */
export const DEFAULT_MAIL_FOLDERS: readonly MailFolderSpec[] = [
  { displayName: 'Inbox', wellKnownName: 'inbox', messages: ['Quarterly report', 'Welcome'], children: [{ displayName: 'Phishing', messages: ['Suspicious sign-in'] }] },
  { displayName: 'Sent Items', wellKnownName: 'sentitems', messages: ['Re: Quarterly report'] },
  { displayName: 'Drafts', wellKnownName: 'drafts' },
  { displayName: 'Deleted Items', wellKnownName: 'deleteditems' },
  { displayName: 'Junk Email', wellKnownName: 'junkemail' },
  { displayName: 'Archive', wellKnownName: 'archive' },
];

/** A stable GUID-shaped id derived from a name (so tests can predict object ids). */
export function guidFrom(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function scopeValue(id: string): string | undefined {
  return GRAPH_SCOPE_CATALOGUE.find((s) => s.id === id)?.value;
}

function roleValue(id: string): string | undefined {
  return GRAPH_ROLE_CATALOGUE.find((s) => s.id === id)?.value;
}

/** A URL's path with `/` treated as empty, as redirect matching compares them. */
function pathOf(u: URL): string {
  return u.pathname === '/' ? '' : u.pathname;
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname;
}

/**
 * The tenants, users, app registrations and consent grants of the test platform.
 * Mutable on purpose: tests register apps and grant consent while the platform runs.
 */
export class Directory {
  private readonly tenants = new Map<string, TenantSpec>();
  private readonly users = new Map<string, DirectoryUser>();
  private readonly apps = new Map<string, DirectoryApp>();
  private readonly appObjects = new Map<string, { readonly tenantId: string; readonly object: ApplicationObject }>();
  private readonly servicePrincipals = new Set<string>();
  private readonly grants = new Map<string, { readonly tenantId: string; grant: PermissionGrantObject }>();
  private readonly appRoleGrants = new Map<string, Set<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds a tenant. */
  addTenant(spec: TenantSpec): void {
    this.tenants.set(spec.id.toLowerCase(), spec);
  }

  /** A tenant by GUID. */
  tenant(tenantId: string): TenantSpec | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  /** Resolves the tenant path segment of a URL: a GUID or a verified domain. */
  tenantBySegment(segment: string): TenantSpec | undefined {
    const key = segment.toLowerCase();
    const byId = this.tenants.get(key);
    if (byId) return byId;
    return [...this.tenants.values()].find((t) => (t.domains ?? []).some((d) => d.toLowerCase() === key));
  }

  /** Adds a user; returns it with defaults filled in. */
  addUser(spec: UserSpec): DirectoryUser {
    const isAdmin = spec.isAdmin ?? false;
    const user: DirectoryUser = {
      tenantId: spec.tenantId,
      upn: spec.upn,
      displayName: spec.displayName ?? spec.upn.split('@')[0] ?? spec.upn,
      password: spec.password ?? 'Test-Passw0rd!',
      oid: spec.oid ?? guidFrom(`user:${spec.upn}`),
      isAdmin,
      roles: [...(isAdmin ? ['Global Administrator'] : []), ...(spec.roles ?? [])],
      hasMailbox: spec.hasMailbox ?? true,
      mailFolders: spec.mailFolders ?? DEFAULT_MAIL_FOLDERS,
    };
    this.users.set(`${user.tenantId}|${user.upn.toLowerCase()}`, user);
    return user;
  }

  /** Finds a user by UPN or object id. */
  findUser(tenantId: string, upnOrOid: string): DirectoryUser | undefined {
    const key = upnOrOid.toLowerCase();
    return this.users.get(`${tenantId}|${key}`) ?? [...this.users.values()].find((u) => u.tenantId === tenantId && u.oid === key);
  }

  /** Registers (or replaces) an app with its service principal and records the consent its spec declares. */
  registerApp(spec: AppSpec): DirectoryApp {
    const scopes = (spec.delegatedPermissions ?? []).map((p) => ({ id: scopeIdOf(p), type: 'Scope' as const }));
    const roles = (spec.applicationPermissions ?? []).map((p) => ({ id: roleIdOf(p), type: 'Role' as const }));
    const object: ApplicationObject = {
      id: guidFrom(`app:${spec.tenantId}:${spec.clientId}`),
      appId: spec.clientId,
      displayName: spec.displayName ?? `Test app ${spec.clientId.slice(0, 8)}`,
      uniqueName: null,
      signInAudience: 'AzureADMyOrg',
      tags: spec.tags ?? [],
      web: { redirectUris: spec.webRedirectUris ?? [] },
      publicClient: { redirectUris: spec.publicRedirectUris ?? [] },
      requiredResourceAccess: scopes.length + roles.length ? [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [...scopes, ...roles] }] : [],
      passwordCredentials: (spec.secrets ?? []).map((s) => passwordCredentialFor(s, this.now())),
      keyCredentials: (spec.certificates ?? []).map((pem) => keyCredentialFromPem(pem)),
      owners: [],
    };
    const app = this.putApplication(spec.tenantId, object);
    this.servicePrincipals.add(`${spec.tenantId}|${spec.clientId}`);
    if (spec.consent?.admin) this.grantConsent(app.tenantId, app.clientId, app.delegatedPermissions, undefined, app.applicationPermissions);
    for (const upn of spec.consent?.users ?? []) {
      const user = this.findUser(app.tenantId, upn);
      if (!user) throw new Error(`consent for unknown user ${upn}`);
      this.grantConsent(app.tenantId, app.clientId, app.delegatedPermissions, user.oid);
    }
    return app;
  }

  /**
   * Stores an application object (created or changed through Graph, or registered by a test) and derives what the
   * token endpoint checks from it: redirect platforms, secrets, certificates, required permissions.
   */
  putApplication(tenantId: string, object: ApplicationObject): DirectoryApp {
    const graph = object.requiredResourceAccess.filter((r) => r.resourceAppId === GRAPH_APP_ID).flatMap((r) => r.resourceAccess);
    const app: DirectoryApp = {
      tenantId,
      clientId: object.appId,
      displayName: object.displayName,
      objectId: object.id,
      servicePrincipalId: guidFrom(`sp:${tenantId}:${object.appId}`),
      webRedirectUris: object.web.redirectUris,
      publicRedirectUris: object.publicClient.redirectUris,
      secrets: object.passwordCredentials.filter((p) => Date.parse(p.endDateTime) > this.now()).map((p) => p.secretText),
      certificates: object.keyCredentials.map((k) => {
        const pem = pemFromDerBase64(k.key);
        return { pem, ...thumbprintsOf(pem) };
      }),
      delegatedPermissions: graph.filter((a) => a.type === 'Scope').map((a) => scopeValue(a.id)).filter((v): v is string => v !== undefined && !OIDC_SCOPE_VALUES.has(v)),
      applicationPermissions: graph.filter((a) => a.type === 'Role').map((a) => roleValue(a.id)).filter((v): v is string => v !== undefined),
    };
    this.apps.set(`${tenantId}|${app.clientId}`, app);
    this.appObjects.set(`${tenantId}|${app.clientId}`, { tenantId, object });
    return app;
  }

  /** Finds an app registration in a tenant. */
  findApp(tenantId: string, clientId: string): DirectoryApp | undefined {
    return this.apps.get(`${tenantId}|${clientId}`);
  }

  /** The application objects of a tenant. */
  applications(tenantId: string): readonly ApplicationObject[] {
    return [...this.appObjects.values()].filter((a) => a.tenantId === tenantId).map((a) => a.object);
  }

  /** Whether an app has a service principal in the tenant. */
  hasServicePrincipal(tenantId: string, appId: string): boolean {
    return appId === GRAPH_APP_ID || this.servicePrincipals.has(`${tenantId}|${appId}`);
  }

  /** Creates the service principal of an app; returns its object id. */
  addServicePrincipal(tenantId: string, appId: string): string {
    this.servicePrincipals.add(`${tenantId}|${appId}`);
    return Directory.servicePrincipalIdOf(tenantId, appId);
  }

  /** The object id of an app's service principal (derived, so tests can predict it). */
  static servicePrincipalIdOf(tenantId: string, appId: string): string {
    return guidFrom(`sp:${tenantId}:${appId}`);
  }

  /** The app behind a service principal object id. */
  appOfServicePrincipal(tenantId: string, spId: string): DirectoryApp | undefined {
    return [...this.apps.values()].find((a) => a.tenantId === tenantId && a.servicePrincipalId === spId && this.hasServicePrincipal(tenantId, a.clientId));
  }

  /** The delegated permission grants of a tenant. */
  permissionGrants(tenantId: string): readonly PermissionGrantObject[] {
    return [...this.grants.values()].filter((g) => g.tenantId === tenantId).map((g) => g.grant);
  }

  /** Stores (creates or replaces) a delegated permission grant. */
  putPermissionGrant(tenantId: string, grant: PermissionGrantObject): void {
    this.grants.set(grant.id, { tenantId, grant });
  }

  /** Deletes a grant; false when there was none. */
  deletePermissionGrant(grantId: string): boolean {
    return this.grants.delete(grantId);
  }

  /**
   * Records consent: delegated scopes (short names) for one user (`userOid`) or, without it, for the whole
   * tenant (admin consent), plus application permissions (only an admin can grant those). Delegated consent is an
   * oauth2PermissionGrant, visible through Graph.
   */
  grantConsent(tenantId: string, clientId: string, delegated: readonly string[], userOid?: string, application: readonly string[] = []): void {
    const spId = Directory.servicePrincipalIdOf(tenantId, clientId);
    this.servicePrincipals.add(`${tenantId}|${clientId}`);
    if (delegated.length) {
      const consentType = userOid ? 'Principal' : 'AllPrincipals';
      const existing = this.permissionGrants(tenantId).find((g) => g.clientId === spId && g.consentType === consentType && (g.principalId ?? undefined) === userOid);
      const scopes = new Set([...(existing?.scope.split(' ').filter(Boolean) ?? []), ...delegated]);
      this.putPermissionGrant(tenantId, {
        id: existing?.id ?? randomUUID(),
        clientId: spId,
        consentType,
        principalId: userOid ?? null,
        resourceId: Directory.servicePrincipalIdOf(tenantId, GRAPH_APP_ID),
        scope: [...scopes].join(' '),
      });
    }
    if (!userOid && application.length) {
      const key = `${tenantId}|${clientId}`;
      const roles = this.appRoleGrants.get(key) ?? new Set<string>();
      for (const r of application) roles.add(r);
      this.appRoleGrants.set(key, roles);
    }
  }

  /** Delegated permissions (short names) consented for this app and user, by the admin or by the user. */
  consentedScopes(tenantId: string, clientId: string, userOid: string): ReadonlySet<string> {
    const spId = Directory.servicePrincipalIdOf(tenantId, clientId);
    const graphSp = Directory.servicePrincipalIdOf(tenantId, GRAPH_APP_ID);
    const out = new Set<string>();
    for (const g of this.permissionGrants(tenantId)) {
      if (g.clientId !== spId || g.resourceId !== graphSp) continue;
      if (g.consentType === 'AllPrincipals' || g.principalId === userOid) for (const s of g.scope.split(' ').filter((v) => v && !OIDC_SCOPE_VALUES.has(v))) out.add(s);
    }
    return out;
  }

  /** Application permissions an administrator granted to the app (the `roles` of its app-only tokens). */
  grantedAppRoles(tenantId: string, clientId: string): ReadonlySet<string> {
    return new Set(this.appRoleGrants.get(`${tenantId}|${clientId}`) ?? []);
  }

  /**
   * Entra's redirect URI matching: Web URIs exactly; Mobile-and-desktop `http://localhost` URIs ignore the port
   * (loopback, RFC 8252) but not the path.
   */
  static redirectPlatform(app: DirectoryApp, redirectUri: string): RedirectPlatform | undefined {
    if (app.webRedirectUris.includes(redirectUri)) return 'web';
    let asked: URL;
    try {
      asked = new URL(redirectUri);
    } catch {
      return undefined;
    }
    for (const registered of app.publicRedirectUris) {
      if (registered === redirectUri) return 'public';
      const r = new URL(registered);
      const loopback = r.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(r.hostname);
      if (loopback && sameOrigin(r, asked) && pathOf(r) === pathOf(asked) && asked.search === '') return 'public';
    }
    return undefined;
  }
}
