import { randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Directory, DirectoryUser } from './directory';
import { decodeJwt, numberClaim, stringClaim, verifyJwtSignature } from './jwt';
import { readBodyText, sendJson } from './http-util';
import { GraphError } from './graph-error';
import { handleDirectoryRequest, type GraphDirectoryState } from './graph-directory-routes';
import { GRAPH_RESOURCE, type MailFolderSpec, type PlatformClock } from './platform-model';

/** What the Graph endpoint needs. */
export interface GraphOptions {
  readonly directory: Directory;
  readonly clock: PlatformClock;
  /** The authority's token-signing public key. */
  readonly signingKey: KeyObject;
  /** Tenants whose tokens are accepted (by GUID). */
  readonly tenantIds: () => readonly string[];
  /** Directory endpoints' faults, lagging objects and request log. */
  readonly directoryState: GraphDirectoryState;
}

/** The caller, from a verified access token. */
interface Caller {
  readonly tenantId: string;
  /** Delegated: the signed-in user. Absent for app-only tokens. */
  readonly user?: DirectoryUser;
  readonly scopes: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}


const ACCESS_DENIED = (): GraphError => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

const USER_SCOPES = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
const OTHER_USER_SCOPES = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
const USER_ROLES = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const MAIL_SCOPES = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'];
const SHARED_MAIL_SCOPES = ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'];
const MAIL_ROLES = ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'];

function folderId(user: DirectoryUser, path: readonly string[]): string {
  return Buffer.from(`${user.oid}/${path.join('/')}`).toString('base64url');
}

interface FolderRef {
  readonly spec: MailFolderSpec;
  readonly path: readonly string[];
}

function allFolders(user: DirectoryUser): FolderRef[] {
  const out: FolderRef[] = [];
  const walk = (folders: readonly MailFolderSpec[], parent: readonly string[]): void => {
    for (const f of folders) {
      const path = [...parent, f.displayName];
      out.push({ spec: f, path });
      walk(f.children ?? [], path);
    }
  };
  walk(user.mailFolders, []);
  return out;
}

function folderJson(user: DirectoryUser, ref: FolderRef): Record<string, unknown> {
  const parent = ref.path.length > 1 ? folderId(user, ref.path.slice(0, -1)) : Buffer.from(`${user.oid}/msgfolderroot`).toString('base64url');
  return {
    id: folderId(user, ref.path),
    displayName: ref.spec.displayName,
    parentFolderId: parent,
    childFolderCount: ref.spec.children?.length ?? 0,
    unreadItemCount: 0,
    totalItemCount: ref.spec.messages?.length ?? 0,
    isHidden: false,
  };
}

function userJson(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.oid,
    displayName: user.displayName,
    userPrincipalName: user.upn,
    mail: user.hasMailbox ? user.upn : null,
    businessPhones: [],
    givenName: null,
    surname: null,
    jobTitle: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
  };
}

function messagesJson(user: DirectoryUser, refs: readonly FolderRef[], top: number): Record<string, unknown>[] {
  const all = refs.flatMap((ref) => (ref.spec.messages ?? []).map((subject, i) => ({
    id: Buffer.from(`${folderId(user, ref.path)}/${i}`).toString('base64url'),
    subject,
    parentFolderId: folderId(user, ref.path),
    from: { emailAddress: { name: 'Sender', address: 'sender@fabrikam.example' } },
    toRecipients: [{ emailAddress: { name: user.displayName, address: user.upn } }],
    isRead: false,
    receivedDateTime: new Date(Date.UTC(2026, 10, 1, 9, 0, i)).toISOString(),
  })));
  return all.slice(0, top);
}

function invalid(why: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', why);
}

function has(set: ReadonlySet<string>, any: readonly string[]): boolean {
  return any.some((s) => set.has(s));
}

function findFolder(user: DirectoryUser, idOrName: string): FolderRef {
  const key = idOrName.toLowerCase();
  const found = allFolders(user).find((ref) => ref.spec.wellKnownName === key || folderId(user, ref.path) === idOrName);
  if (!found) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return found;
}

/**
 * A Microsoft Graph look-alike for the calls the app and XSOAR make: `/v1.0/me`, `/v1.0/users/{id|upn}`,
 * `…/messages`, `…/mailFolders` (ids or well-known names, `childFolders`, folder `messages`). Every call needs a
 * Graph access token from the platform: signature, audience, expiry (platform clock) and permissions are checked.
 */
export function createGraphHandler(options: GraphOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const authenticate = (req: IncomingMessage): Caller => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw invalid('Access token is empty.');
    const jwt = decodeJwt(token);
    if (!jwt) throw invalid('IDX14100: JWT is not well formed, there are no dots (.).');
    if (!verifyJwtSignature(jwt, options.signingKey)) throw invalid('Access token validation failure. Invalid signature.');
    const aud = stringClaim(jwt.payload, 'aud');
    if (aud !== GRAPH_RESOURCE && aud !== '00000003-0000-0000-c000-000000000000') throw invalid('Access token validation failure. Invalid audience.');
    const exp = numberClaim(jwt.payload, 'exp') ?? 0;
    if (exp * 1000 <= options.clock.now()) throw invalid('Lifetime validation failed, the token is expired.');
    const tenantId = stringClaim(jwt.payload, 'tid') ?? '';
    if (!options.tenantIds().includes(tenantId) || stringClaim(jwt.payload, 'iss') !== `https://sts.windows.net/${tenantId}/`) throw invalid('Access token validation failure. Invalid issuer.');
    const scopes = new Set((stringClaim(jwt.payload, 'scp') ?? '').split(' ').filter(Boolean));
    const rolesClaim = jwt.payload['roles'];
    const roles = new Set(Array.isArray(rolesClaim) ? rolesClaim.filter((r): r is string => typeof r === 'string') : []);
    if (stringClaim(jwt.payload, 'idtyp') === 'app') return { tenantId, scopes, roles };
    const user = options.directory.findUser(tenantId, stringClaim(jwt.payload, 'oid') ?? '');
    if (!user) throw invalid('Access token validation failure. The user does not exist.');
    return { tenantId, user, scopes, roles };
  };


  const readUser = (caller: Caller, who: string): DirectoryUser => {
    const target = options.directory.findUser(caller.tenantId, who);
    const own = caller.user && target && caller.user.oid === target.oid;
    const allowed = caller.user ? has(caller.scopes, own ? USER_SCOPES : OTHER_USER_SCOPES) : has(caller.roles, USER_ROLES);
    if (!allowed) throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    if (!target) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${who}' does not exist or one of its queried reference-property objects are not present.`);
    return target;
  };

  const readMailbox = (caller: Caller, who: string): DirectoryUser => {
    const target = options.directory.findUser(caller.tenantId, who);
    const own = caller.user && target && caller.user.oid === target.oid;
    const allowed = caller.user ? has(caller.scopes, own ? MAIL_SCOPES : SHARED_MAIL_SCOPES) : has(caller.roles, MAIL_ROLES);
    if (!allowed) throw ACCESS_DENIED();
    if (!target) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${who}' is invalid.`);
    if (!target.hasMailbox) throw new GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
    return target;
  };


  const route = (caller: Caller, parts: readonly string[], query: URLSearchParams): unknown => {
    const top = Math.max(1, Math.min(1000, Number(query.get('$top') ?? '10') || 10));
    const [root, who, ...tail] = parts;
    let target: string;
    let rest: readonly string[];
    if (root === 'me') {
      if (!caller.user) throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      target = caller.user.oid;
      rest = parts.slice(1);
    } else if (root === 'users' && who) {
      target = decodeURIComponent(who);
      rest = tail;
    } else {
      throw new GraphError(400, 'BadRequest', 'Resource not found for the segment.');
    }
    const [c, f, s] = rest;
    if (c === undefined) return userJson(readUser(caller, target));
    const mailbox = readMailbox(caller, target);
    if (c === 'messages' && f === undefined) return { value: messagesJson(mailbox, allFolders(mailbox), top) };
    if (c === 'mailFolders') {
      if (f === undefined) return { value: mailbox.mailFolders.map((spec) => folderJson(mailbox, { spec, path: [spec.displayName] })).slice(0, top) };
      const ref = findFolder(mailbox, decodeURIComponent(f));
      if (s === undefined) return folderJson(mailbox, ref);
      if (s === 'childFolders') return { value: (ref.spec.children ?? []).map((spec) => folderJson(mailbox, { spec, path: [...ref.path, spec.displayName] })) };
      if (s === 'messages') return { value: messagesJson(mailbox, [ref], top) };
    }
    throw new GraphError(400, 'BadRequest', 'Resource not found for the segment.');
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://graph.invalid');
    const requestId = randomUUID();
    const clientRequestId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : requestId;
    const headers = { 'request-id': requestId, 'client-request-id': clientRequestId };
    const method = req.method ?? 'GET';
    const log = (status: number): void => {
      if (url.pathname.startsWith('/v1.0/')) options.directoryState.log.push({ method, path: `${url.pathname}${url.search}`, status });
    };
    try {
      const parts = url.pathname.split('/').filter(Boolean);
      if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(method) || parts[0] !== 'v1.0') throw new GraphError(400, 'BadRequest', 'Unsupported request.');
      const text = method === 'GET' ? '' : await readBodyText(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
      const caller = authenticate(req);
      const answer = handleDirectoryRequest(options.directoryState, caller, method, parts.slice(1), url.searchParams, body);
      if (answer) {
        log(answer.status);
        if (answer.body === undefined) {
          res.writeHead(answer.status, headers);
          res.end();
        } else sendJson(res, answer.status, answer.body, headers);
        return;
      }
      if (method !== 'GET') throw new GraphError(400, 'BadRequest', 'Unsupported request.');
      log(200);
      sendJson(res, 200, route(caller, parts.slice(1), url.searchParams), headers);
    } catch (err) {
      const e = err instanceof GraphError ? err : new GraphError(500, 'InternalServerError', String(err));
      log(e.status);
      sendJson(res, e.status, {
        error: {
          code: e.code,
          message: e.message,
          ...(e.details.length ? { details: e.details } : {}),
          innerError: { date: new Date(options.clock.now()).toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId },
        },
      }, { ...headers, ...e.headers });
    }
  };
}
