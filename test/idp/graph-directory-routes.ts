import { randomBytes, randomUUID } from 'node:crypto';
import { Directory, type DirectoryUser } from './directory';
import { GraphError, requestDenied, resourceNotFound } from './graph-error';
import { GRAPH_APP_ID, GRAPH_ROLE_CATALOGUE, GRAPH_SCOPE_CATALOGUE } from './graph-permissions';
import { keyCredentialFromPem, pemFromDerBase64, type ApplicationObject, type KeyCredentialObject, type PermissionGrantObject, type RequiredResourceAccess } from './graph-objects';
import type { PlatformClock } from './platform-model';

/** The signed-in caller of a directory request (delegated only: the assistant never writes app-only). */
export interface DirectoryCaller {
  readonly tenantId: string;
  readonly user?: DirectoryUser;
  readonly scopes: ReadonlySet<string>;
}

/** One answered Graph request, for tests that assert which writes happened. */
export interface GraphLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/**
 * Faults the directory endpoints can play, as Entra does: replication delay (the first reads of a new object
 * answer 404, a service principal for a new app 400 `NoBackingApplicationObject`, a grant for a new service
 * principal is written but answered 404 `Directory_ObjectNotFound`) and throttling (429 with `Retry-After`).
 */
export interface GraphFaults {
  /** How many reads (or dependent writes) of each new object miss it. 0 = consistent at once. */
  replicationReads: number;
  /** The next `remaining` directory requests answer 429 with `Retry-After: retryAfterSeconds`. */
  throttle: { remaining: number; retryAfterSeconds: number };
  /**
   * Refusals for fault tests: the next `remaining` requests whose method matches and whose path contains `pathIncludes`
   * (e.g. `addPassword`, `removePassword`) answer `status` with Graph's error `code`, changing nothing.
   */
  refusals?: { method: string; pathIncludes: string; status: number; code: string; remaining: number }[];
}

/** State the routes share with the platform: faults, lagging objects, the request log. */
export interface GraphDirectoryState {
  readonly directory: Directory;
  readonly clock: PlatformClock;
  readonly faults: GraphFaults;
  /** Object key → how many more reads miss it. */
  readonly lagging: Map<string, number>;
  readonly log: GraphLogEntry[];
}

/** Roles that may manage any application (Entra's built-in roles). */
const APP_ADMIN_ROLES = ['Global Administrator', 'Application Administrator', 'Cloud Application Administrator'];
/** Roles that may create applications when "Users can register applications" is off. */
const APP_CREATOR_ROLES = [...APP_ADMIN_ROLES, 'Application Developer'];
const APP_READ_SCOPES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const APP_WRITE_SCOPES = ['Application.ReadWrite.All', 'Directory.ReadWrite.All'];
const GRANT_READ_SCOPES = ['DelegatedPermissionGrant.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const GRANT_WRITE_SCOPES = ['DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'];

/** What a route answers. */
interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

function requireScope(caller: DirectoryCaller, any: readonly string[]): DirectoryUser {
  if (!caller.user || !any.some((s) => caller.scopes.has(s))) throw requestDenied();
  return caller.user;
}

function hasRole(user: DirectoryUser, roles: readonly string[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** Consumes one lagging read of `key`: true while the object is still "replicating". */
function lags(state: GraphDirectoryState, key: string): boolean {
  const left = state.lagging.get(key) ?? 0;
  if (left <= 0) return false;
  state.lagging.set(key, left - 1);
  return true;
}

function fresh(state: GraphDirectoryState, key: string): void {
  if (state.faults.replicationReads > 0) state.lagging.set(key, state.faults.replicationReads);
}

function selected(query: URLSearchParams): Set<string> | null {
  const select = query.get('$select');
  return select ? new Set(select.split(',').map((s) => s.trim())) : null;
}

/** An application as Graph returns it; certificate `key`s only when `$select` names keyCredentials. */
function applicationJson(app: ApplicationObject, query: URLSearchParams): Record<string, unknown> {
  const fields = selected(query);
  const full: Record<string, unknown> = {
    ...app,
    owners: undefined,
    passwordCredentials: app.passwordCredentials.map(({ secretText: _s, ...rest }) => ({ ...rest, secretText: null })),
    keyCredentials: app.keyCredentials.map((k) => ({ ...k, key: fields?.has('keyCredentials') ? k.key : null })),
  };
  delete full['owners'];
  if (!fields) return full;
  return Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || fields.has(k)));
}

/** The `eq` value of a simple `$filter` clause (`appId eq 'x'`, `tags/any(t:t eq 'x')`). */
function filterValue(filter: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(filter);
  return m?.[1]?.replaceAll("''", "'");
}

function filterApplications(apps: readonly ApplicationObject[], filter: string | null): readonly ApplicationObject[] {
  if (!filter) return apps;
  const tag = filterValue(filter, /tags\/any\(\w+:\s*\w+ eq '((?:[^']|'')*)'\)/);
  const name = filterValue(filter, /displayName eq '((?:[^']|'')*)'/);
  const appId = filterValue(filter, /appId eq '((?:[^']|'')*)'/);
  if (tag === undefined && name === undefined && appId === undefined) throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified.');
  return apps.filter((a) => (tag === undefined || a.tags.includes(tag)) && (name === undefined || a.displayName === name) && (appId === undefined || a.appId === appId));
}

function graphServicePrincipalJson(tenantId: string): Record<string, unknown> {
  return {
    id: Directory.servicePrincipalIdOf(tenantId, GRAPH_APP_ID),
    appId: GRAPH_APP_ID,
    displayName: 'Microsoft Graph',
    oauth2PermissionScopes: GRAPH_SCOPE_CATALOGUE.map((s) => ({ id: s.id, value: s.value, type: s.adminOnly ? 'Admin' : 'User', isEnabled: true, adminConsentDisplayName: s.value })),
    appRoles: GRAPH_ROLE_CATALOGUE.map((r) => ({ id: r.id, value: r.value, allowedMemberTypes: ['Application'], isEnabled: true, displayName: r.value })),
  };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  return body as Record<string, unknown>;
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${field}'.`);
  return value as string[];
}

function redirectUrisOf(value: unknown, field: string): { redirectUris: string[] } {
  const uris = stringList((value as { redirectUris?: unknown } | null)?.redirectUris ?? [], `${field}.redirectUris`);
  for (const u of uris) {
    if (!URL.canParse(u)) {
      throw new GraphError(400, 'Request_BadRequest', `Invalid value specified for property 'redirectUris' of resource '${field}'.`);
    }
  }
  return { redirectUris: uris };
}

function requiredResourceAccessOf(value: unknown): RequiredResourceAccess[] {
  if (!Array.isArray(value)) throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'requiredResourceAccess'.");
  return value.map((r: { resourceAppId?: unknown; resourceAccess?: unknown }) => {
    if (typeof r?.resourceAppId !== 'string' || !Array.isArray(r.resourceAccess)) throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'requiredResourceAccess'.");
    return {
      resourceAppId: r.resourceAppId,
      resourceAccess: r.resourceAccess.map((a: { id?: unknown; type?: unknown }) => {
        if (typeof a?.id !== 'string' || (a.type !== 'Scope' && a.type !== 'Role')) throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'resourceAccess'.");
        return { id: a.id, type: a.type };
      }),
    };
  });
}

/** `keyCredentials` is a whole collection: entries with a `key` are new, entries naming an existing `keyId` are kept. */
function keyCredentialsOf(value: unknown, existing: readonly KeyCredentialObject[], clock: PlatformClock): KeyCredentialObject[] {
  if (!Array.isArray(value)) throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'keyCredentials'.");
  return value.map((k: Record<string, unknown>) => {
    const kept = existing.find((e) => e.keyId === k['keyId']);
    if (typeof k['key'] !== 'string' || k['key'] === '') {
      if (kept) return kept;
      throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'key' of resource 'KeyCredential'.");
    }
    if (k['type'] !== 'AsymmetricX509Cert' || k['usage'] !== 'Verify') throw new GraphError(400, 'Request_BadRequest', 'Only AsymmetricX509Cert keys with usage Verify can be uploaded.');
    let derived: KeyCredentialObject;
    try {
      derived = keyCredentialFromDer(k['key']);
    } catch {
      throw new GraphError(400, 'Request_BadRequest', 'Key credential key is not a valid certificate.');
    }
    if (Date.parse(derived.endDateTime) <= clock.now()) throw new GraphError(400, 'Request_BadRequest', 'Key credential end date is invalid.');
    return { ...derived, keyId: typeof k['keyId'] === 'string' ? k['keyId'] : derived.keyId, displayName: typeof k['displayName'] === 'string' ? k['displayName'] : derived.displayName };
  });
}

function keyCredentialFromDer(der: string): KeyCredentialObject {
  return keyCredentialFromPem(pemFromDerBase64(der));
}

/** A random secret the way Entra's look: 40 characters with a `~` and letters, digits, `._-`. */
function newSecretText(): string {
  const body = randomBytes(30).toString('base64url').replace(/[^A-Za-z0-9]/g, '.').slice(0, 36);
  return `${body.slice(0, 3)}8Q~${body.slice(3)}`;
}

/** Which application a path segment names: `{id}`, `(appId='…')` or `(uniqueName='…')`. */
function findApplication(state: GraphDirectoryState, tenantId: string, head: string, key: string | undefined): ApplicationObject {
  const apps = state.directory.applications(tenantId);
  const byAlt = /^applications\((appId|uniqueName)='([^']*)'\)$/.exec(head);
  const found = byAlt ? apps.find((a) => (byAlt[1] === 'appId' ? a.appId : a.uniqueName) === byAlt[2]) : apps.find((a) => a.id === key);
  const label = byAlt ? `${byAlt[1]}='${byAlt[2] ?? ''}'` : key ?? '';
  if (!found || lags(state, `app:${found.id}`)) throw resourceNotFound(label);
  return found;
}

function mayManage(user: DirectoryUser, app: ApplicationObject): boolean {
  return hasRole(user, APP_ADMIN_ROLES) || app.owners.includes(user.oid);
}

function applicationRoutes(state: GraphDirectoryState, caller: DirectoryCaller, method: string, parts: readonly string[], query: URLSearchParams, body: unknown): Answer {
  const [head = '', key, action] = parts;
  const tid = caller.tenantId;
  if (head === 'applications' && key === undefined) {
    if (method === 'GET') {
      requireScope(caller, APP_READ_SCOPES);
      const visible = state.directory.applications(tid).filter((a) => !lags(state, `app:${a.id}`));
      return { status: 200, body: { value: filterApplications(visible, query.get('$filter')).map((a) => applicationJson(a, query)) } };
    }
    if (method === 'POST') {
      const user = requireScope(caller, APP_WRITE_SCOPES);
      const tenant = state.directory.tenant(tid);
      if (tenant?.usersCanRegisterApps === false && !hasRole(user, APP_CREATOR_ROLES)) throw requestDenied();
      const b = objectBody(body);
      if (typeof b['displayName'] !== 'string' || b['displayName'].trim() === '') throw new GraphError(400, 'Request_BadRequest', "Property 'displayName' is required.");
      if (b['passwordCredentials'] !== undefined) throw new GraphError(400, 'Request_BadRequest', "Property 'passwordCredentials' cannot be set on create; use addPassword.");
      const object: ApplicationObject = {
        id: randomUUID(),
        appId: randomUUID(),
        displayName: b['displayName'],
        uniqueName: typeof b['uniqueName'] === 'string' ? b['uniqueName'] : null,
        signInAudience: typeof b['signInAudience'] === 'string' ? b['signInAudience'] : 'AzureADMyOrg',
        tags: b['tags'] === undefined ? [] : stringList(b['tags'], 'tags'),
        web: b['web'] === undefined ? { redirectUris: [] } : redirectUrisOf(b['web'], 'web'),
        publicClient: b['publicClient'] === undefined ? { redirectUris: [] } : redirectUrisOf(b['publicClient'], 'publicClient'),
        requiredResourceAccess: b['requiredResourceAccess'] === undefined ? [] : requiredResourceAccessOf(b['requiredResourceAccess']),
        passwordCredentials: [],
        keyCredentials: b['keyCredentials'] === undefined ? [] : keyCredentialsOf(b['keyCredentials'], [], state.clock),
        owners: [user.oid],
      };
      state.directory.putApplication(tid, object);
      fresh(state, `app:${object.id}`);
      return { status: 201, body: applicationJson(object, new URLSearchParams()) };
    }
  }
  const app = findApplication(state, tid, head, key);
  if (method === 'GET' && action === undefined) {
    requireScope(caller, APP_READ_SCOPES);
    return { status: 200, body: applicationJson(app, query) };
  }
  const user = requireScope(caller, APP_WRITE_SCOPES);
  if (!mayManage(user, app)) throw requestDenied();
  if (method === 'PATCH' && action === undefined) {
    const b = objectBody(body);
    if (b['passwordCredentials'] !== undefined) throw new GraphError(400, 'Request_BadRequest', "Property 'passwordCredentials' is read-only; use addPassword and removePassword.");
    const changed: ApplicationObject = {
      ...app,
      ...(typeof b['displayName'] === 'string' ? { displayName: b['displayName'] } : {}),
      ...(b['tags'] !== undefined ? { tags: stringList(b['tags'], 'tags') } : {}),
      ...(b['web'] !== undefined ? { web: redirectUrisOf(b['web'], 'web') } : {}),
      ...(b['publicClient'] !== undefined ? { publicClient: redirectUrisOf(b['publicClient'], 'publicClient') } : {}),
      ...(b['requiredResourceAccess'] !== undefined ? { requiredResourceAccess: requiredResourceAccessOf(b['requiredResourceAccess']) } : {}),
      ...(b['keyCredentials'] !== undefined ? { keyCredentials: keyCredentialsOf(b['keyCredentials'], app.keyCredentials, state.clock) } : {}),
    };
    state.directory.putApplication(tid, changed);
    return { status: 204 };
  }
  if (method === 'POST' && action === 'addPassword') {
    if (state.directory.tenant(tid)?.blockPasswordCredentials) {
      throw new GraphError(400, 'CredentialTypeNotAllowedAsPerAppPolicy', 'Credential type not allowed as per assigned policy.');
    }
    const b = objectBody(body);
    const pc = (b['passwordCredential'] ?? {}) as Record<string, unknown>;
    const now = state.clock.now();
    const end = typeof pc['endDateTime'] === 'string' ? Date.parse(pc['endDateTime']) : now + 2 * 365 * 86_400_000;
    if (!Number.isFinite(end) || end <= now) throw new GraphError(400, 'Request_BadRequest', 'Invalid value specified for property endDateTime of resource PasswordCredential.');
    const secretText = newSecretText();
    const credential = {
      keyId: randomUUID(),
      displayName: typeof pc['displayName'] === 'string' ? pc['displayName'] : null,
      hint: secretText.slice(0, 3),
      startDateTime: new Date(now).toISOString(),
      endDateTime: new Date(end).toISOString(),
      secretText,
    };
    state.directory.putApplication(tid, { ...app, passwordCredentials: [...app.passwordCredentials, credential] });
    return { status: 200, body: { ...credential, customKeyIdentifier: null } };
  }
  if (method === 'POST' && action === 'removePassword') {
    // Graph answers 204; an unknown keyId is a 400 ("No password credential found with keyId").
    const keyId = objectBody(body)['keyId'];
    if (typeof keyId !== 'string' || !app.passwordCredentials.some((p) => p.keyId === keyId)) {
      throw new GraphError(400, 'Request_BadRequest', `No password credential found with keyId ${String(keyId)}.`);
    }
    state.directory.putApplication(tid, { ...app, passwordCredentials: app.passwordCredentials.filter((p) => p.keyId !== keyId) });
    return { status: 204 };
  }
  throw new GraphError(400, 'BadRequest', 'Unsupported request.');
}

function servicePrincipalRoutes(state: GraphDirectoryState, caller: DirectoryCaller, method: string, parts: readonly string[], query: URLSearchParams, body: unknown): Answer {
  const [head = ''] = parts;
  const tid = caller.tenantId;
  const spJson = (appId: string): Record<string, unknown> => {
    if (appId === GRAPH_APP_ID) return graphServicePrincipalJson(tid);
    const app = state.directory.findApp(tid, appId);
    return { id: Directory.servicePrincipalIdOf(tid, appId), appId, displayName: app?.displayName ?? appId, servicePrincipalType: 'Application' };
  };
  const byAppId = /^servicePrincipals\(appId='([^']*)'\)$/.exec(head);
  if (byAppId && method === 'GET') {
    requireScope(caller, APP_READ_SCOPES);
    const appId = byAppId[1] ?? '';
    if (!state.directory.hasServicePrincipal(tid, appId) || lags(state, `sp:${appId}`)) throw resourceNotFound(`appId='${appId}'`);
    return { status: 200, body: spJson(appId) };
  }
  if (head === 'servicePrincipals' && parts.length === 1 && method === 'GET') {
    requireScope(caller, APP_READ_SCOPES);
    const appId = filterValue(query.get('$filter') ?? '', /appId eq '((?:[^']|'')*)'/);
    if (appId === undefined) throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified.');
    const exists = state.directory.hasServicePrincipal(tid, appId) && !lags(state, `sp:${appId}`);
    return { status: 200, body: { value: exists ? [spJson(appId)] : [] } };
  }
  if (head === 'servicePrincipals' && parts.length === 1 && method === 'POST') {
    const user = requireScope(caller, APP_WRITE_SCOPES);
    const appId = objectBody(body)['appId'];
    if (typeof appId !== 'string') throw new GraphError(400, 'Request_BadRequest', "Property 'appId' is required.");
    const app = state.directory.applications(tid).find((a) => a.appId === appId);
    if (!app || lags(state, `app:${app.id}`)) {
      throw new GraphError(400, 'Request_BadRequest', `The appId '${appId}' of the service principal does not reference a valid application object.`, [{ code: 'NoBackingApplicationObject', message: `The appId '${appId}' of the service principal does not reference a valid application object.` }]);
    }
    if (!mayManage(user, app)) throw requestDenied();
    if (state.directory.hasServicePrincipal(tid, appId)) throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', 'Another object with the same value for property servicePrincipalNames already exists.');
    state.directory.addServicePrincipal(tid, appId);
    fresh(state, `sp:${appId}`);
    return { status: 201, body: spJson(appId) };
  }
  throw new GraphError(400, 'BadRequest', 'Unsupported request.');
}

function grantRoutes(state: GraphDirectoryState, caller: DirectoryCaller, method: string, parts: readonly string[], query: URLSearchParams, body: unknown): Answer {
  const [, id] = parts;
  const tid = caller.tenantId;
  if (id === undefined && method === 'GET') {
    requireScope(caller, GRANT_READ_SCOPES);
    const filter = query.get('$filter') ?? '';
    const clientId = filterValue(filter, /clientId eq '((?:[^']|'')*)'/);
    const consentType = filterValue(filter, /consentType eq '((?:[^']|'')*)'/);
    const grants = state.directory.permissionGrants(tid).filter((g) => !lags(state, `grant:${g.id}`));
    return { status: 200, body: { value: grants.filter((g) => (clientId === undefined || g.clientId === clientId) && (consentType === undefined || g.consentType === consentType)) } };
  }
  const user = requireScope(caller, GRANT_WRITE_SCOPES);
  if (!hasRole(user, APP_ADMIN_ROLES)) throw requestDenied();
  if (id === undefined && method === 'POST') {
    const b = objectBody(body);
    const { clientId, consentType, principalId, resourceId, scope } = b;
    if (typeof clientId !== 'string' || typeof resourceId !== 'string' || typeof scope !== 'string' || (consentType !== 'AllPrincipals' && consentType !== 'Principal')) {
      throw new GraphError(400, 'Request_BadRequest', 'clientId, consentType, resourceId and scope are required.');
    }
    if (consentType === 'Principal' && (typeof principalId !== 'string' || !state.directory.findUser(tid, principalId))) throw resourceNotFound(String(principalId));
    const client = state.directory.appOfServicePrincipal(tid, clientId);
    if (!client) throw new GraphError(404, 'Directory_ObjectNotFound', `Object with id '${clientId}' was not found in the directory.`);
    const principal = consentType === 'Principal' ? String(principalId) : null;
    const duplicate = state.directory.permissionGrants(tid).some((g) => g.clientId === clientId && g.resourceId === resourceId && g.consentType === consentType && g.principalId === principal);
    if (duplicate) throw new GraphError(400, 'Request_BadRequest', 'Permission entry already exists.');
    const grant: PermissionGrantObject = { id: randomBytes(24).toString('base64url'), clientId, consentType, principalId: principal, resourceId, scope };
    state.directory.putPermissionGrant(tid, grant);
    // A service principal that is still replicating: the grant is written, yet the answer says it was not.
    if (lags(state, `sp:${client.clientId}`)) throw new GraphError(404, 'Directory_ObjectNotFound', `Object with id '${clientId}' was not found in the directory.`);
    fresh(state, `grant:${grant.id}`);
    return { status: 201, body: grant };
  }
  const existing = state.directory.permissionGrants(tid).find((g) => g.id === id);
  if (!existing || lags(state, `grant:${existing.id}`)) throw resourceNotFound(id ?? '');
  if (method === 'PATCH') {
    const scope = objectBody(body)['scope'];
    if (typeof scope !== 'string') throw new GraphError(400, 'Request_BadRequest', "Property 'scope' is required.");
    state.directory.putPermissionGrant(tid, { ...existing, scope });
    return { status: 204 };
  }
  if (method === 'DELETE') {
    state.directory.deletePermissionGrant(existing.id);
    return { status: 204 };
  }
  throw new GraphError(400, 'BadRequest', 'Unsupported request.');
}

/**
 * Graph's directory endpoints the assistant uses to create, check and repair an app registration:
 * `/applications` (list with `$filter`, create, `{id}` or `(appId='…')` get and PATCH, `addPassword`, `removePassword`),
 * `/servicePrincipals` (`(appId='…')`, `$filter=appId eq`, create) and `/oauth2PermissionGrants` (list, create,
 * PATCH, DELETE). They change the platform's directory, so an app created here signs in at once. Returns
 * `undefined` for other paths.
 */
export function handleDirectoryRequest(state: GraphDirectoryState, caller: DirectoryCaller, method: string, parts: readonly string[], query: URLSearchParams, body: unknown): Answer | undefined {
  const head = parts[0] ?? '';
  const kind = head.startsWith('applications') ? 'app' : head.startsWith('servicePrincipals') ? 'sp' : head === 'oauth2PermissionGrants' ? 'grant' : undefined;
  if (!kind) return undefined;
  if (state.faults.throttle.remaining > 0) {
    state.faults.throttle.remaining -= 1;
    const seconds = state.faults.throttle.retryAfterSeconds;
    throw new GraphError(429, 'TooManyRequests', 'Too many requests.', [], { 'retry-after': String(seconds) });
  }
  const refusal = state.faults.refusals?.find((r) => r.remaining > 0 && r.method === method && parts.join('/').includes(r.pathIncludes));
  if (refusal) {
    refusal.remaining -= 1;
    throw new GraphError(refusal.status, refusal.code, 'Injected refusal.');
  }
  if (kind === 'app') return applicationRoutes(state, caller, method, parts, query, body);
  if (kind === 'sp') return servicePrincipalRoutes(state, caller, method, parts, query, body);
  return grantRoutes(state, caller, method, parts, query, body);
}
