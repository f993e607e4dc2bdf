import { createHash } from 'node:crypto';
import { thumbprintsOf } from './test-ca';
import type { AppSpec, MailFolderSpec, TenantSpec, UserSpec } from './platform-model';

/** A user as the directory holds it (defaults filled in). */
export interface DirectoryUser {
  readonly tenantId: string;
  readonly upn: string;
  readonly displayName: string;
  readonly password: string;
  readonly oid: string;
  readonly isAdmin: boolean;
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
  private readonly adminConsent = new Map<string, Set<string>>();
  private readonly appRoleGrants = new Map<string, Set<string>>();
  private readonly userConsent = new Map<string, Set<string>>();

  /** Adds a tenant. */
  addTenant(spec: TenantSpec): void {
    this.tenants.set(spec.id.toLowerCase(), spec);
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
    const user: DirectoryUser = {
      tenantId: spec.tenantId,
      upn: spec.upn,
      displayName: spec.displayName ?? spec.upn.split('@')[0] ?? spec.upn,
      password: spec.password ?? 'Test-Passw0rd!',
      oid: spec.oid ?? guidFrom(`user:${spec.upn}`),
      isAdmin: spec.isAdmin ?? false,
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

  /** Registers (or replaces) an app and records the consent its spec declares. */
  registerApp(spec: AppSpec): DirectoryApp {
    const app: DirectoryApp = {
      tenantId: spec.tenantId,
      clientId: spec.clientId,
      displayName: spec.displayName ?? `Test app ${spec.clientId.slice(0, 8)}`,
      servicePrincipalId: guidFrom(`sp:${spec.tenantId}:${spec.clientId}`),
      webRedirectUris: spec.webRedirectUris ?? [],
      publicRedirectUris: spec.publicRedirectUris ?? [],
      secrets: spec.secrets ?? [],
      certificates: (spec.certificates ?? []).map((pem) => ({ pem, ...thumbprintsOf(pem) })),
      delegatedPermissions: spec.delegatedPermissions ?? [],
      applicationPermissions: spec.applicationPermissions ?? [],
    };
    this.apps.set(`${app.tenantId}|${app.clientId}`, app);
    if (spec.consent?.admin) this.grantConsent(app.tenantId, app.clientId, app.delegatedPermissions, undefined, app.applicationPermissions);
    for (const upn of spec.consent?.users ?? []) {
      const user = this.findUser(app.tenantId, upn);
      if (!user) throw new Error(`consent for unknown user ${upn}`);
      this.grantConsent(app.tenantId, app.clientId, app.delegatedPermissions, user.oid);
    }
    return app;
  }

  /** Finds an app registration in a tenant. */
  findApp(tenantId: string, clientId: string): DirectoryApp | undefined {
    return this.apps.get(`${tenantId}|${clientId}`);
  }

  /**
   * Records consent: delegated scopes (short names) for one user (`userOid`) or, without it, for the whole
   * tenant (admin consent), plus application permissions (only an admin can grant those).
   */
  grantConsent(tenantId: string, clientId: string, delegated: readonly string[], userOid?: string, application: readonly string[] = []): void {
    const key = userOid ? `${tenantId}|${clientId}|${userOid}` : `${tenantId}|${clientId}`;
    const store = userOid ? this.userConsent : this.adminConsent;
    const set = store.get(key) ?? new Set<string>();
    for (const s of delegated) set.add(s);
    store.set(key, set);
    if (!userOid && application.length) {
      const roles = this.appRoleGrants.get(key) ?? new Set<string>();
      for (const r of application) roles.add(r);
      this.appRoleGrants.set(key, roles);
    }
  }

  /** Delegated permissions (short names) consented for this app and user, by the admin or by the user. */
  consentedScopes(tenantId: string, clientId: string, userOid: string): ReadonlySet<string> {
    return new Set([...(this.adminConsent.get(`${tenantId}|${clientId}`) ?? []), ...(this.userConsent.get(`${tenantId}|${clientId}|${userOid}`) ?? [])]);
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
