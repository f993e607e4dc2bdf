import { randomBytes, type KeyObject } from 'node:crypto';
import { errors, Provider, type KoaLikeContext } from 'oidc-provider';
import { AADSTS, EntraError, type EntraErrorName } from './entra-errors';
import type { Directory } from './directory';
import { GRAPH_SCOPE_URIS } from './graph-scopes';
import { decodeJwt, stringClaim } from './jwt';
import { errorPage } from './pages';
import { GRAPH_RESOURCE, type PlatformClock, type TenantSpec } from './platform-model';
import { createAdapterClass } from './memory-adapter';

/** Entra's authorization-code lifetime (about ten minutes). */
export const AUTHORIZATION_CODE_LIFETIME_S = 600;

/** Routes relative to the tenant mount `/<tenant-guid>`, as Entra lays them out. */
export const ENTRA_ROUTES = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  jwks: '/discovery/v2.0/keys',
  end_session: '/oauth2/v2.0/logout',
  userinfo: '/oidc/userinfo',
} as const;

/** Inputs to one tenant's provider. */
export interface TenantProviderOptions {
  readonly origin: string;
  /** The Graph endpoint's origin, advertised as `msgraph_host` like Entra's discovery document does. */
  readonly graphOrigin: string;
  readonly tenant: TenantSpec;
  readonly directory: Directory;
  readonly clock: PlatformClock;
  readonly signingJwk: Record<string, unknown>;
  readonly signingKey: KeyObject;
}

/** Maps oidc-provider's own OAuth errors (those our guards did not pre-empt) onto the closest AADSTS code. */
const FALLBACK_CODES: Readonly<Record<string, EntraErrorName>> = {
  invalid_grant: 'invalidGrant',
  invalid_scope: 'invalidScope',
  invalid_target: 'invalidScope',
  invalid_request: 'invalidRequest',
  invalid_client: 'assertionKeyNotRegistered',
  unsupported_grant_type: 'unsupportedGrantType',
};

function isErrorBody(body: unknown): body is { error: string; error_description?: string } {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
}

function tokenBody(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && 'access_token' in body ? (body as Record<string, unknown>) : undefined;
}

/**
 * One tenant's authorization server: oidc-provider with Entra's issuer, routes, claims and token shapes.
 * Mounted by the platform's front at `/<tenant-guid>`; the issuer is `<origin>/<tenant-guid>/v2.0`.
 */
export function createTenantProvider(options: TenantProviderOptions): Provider {
  const { origin, tenant, directory, clock } = options;
  const tid = tenant.id;

  const provider = new Provider(`${origin}/${tid}/v2.0`, {
    adapter: createAdapterClass(directory, tid),
    jwks: { keys: [options.signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: ENTRA_ROUTES,
    // Extra members of Entra's discovery document (MSAL ignores them; they help a reader recognise the shape).
    discovery: { cloud_instance_name: 'microsoftonline.com', tenant_region_scope: 'EU', msgraph_host: new URL(options.graphOrigin).host },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub', 'tid', 'oid', 'ver'], profile: ['name', 'preferred_username'], email: ['email'] },
    conformIdTokenClaims: false,
    // The interaction URL is not mount-aware by default.
    interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `/${tid}/interaction/${interaction.uid}` },
    // PKCE is the client's choice, as in Entra (MSAL always sends S256; XSOAR's Web flow sends none).
    pkce: { required: () => false },
    ttl: {
      AuthorizationCode: AUTHORIZATION_CODE_LIFETIME_S,
      AccessToken: 3600,
      ClientCredentials: 3600,
      IdToken: 3600,
      RefreshToken: 90 * 24 * 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 90 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource`: every token is for Microsoft Graph, the only API here.
        defaultResource: async () => GRAPH_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          if (resource !== GRAPH_RESOURCE) throw new errors.InvalidTarget(`unknown resource ${resource}`);
          return { scope: GRAPH_SCOPE_URIS.join(' '), audience: GRAPH_RESOURCE, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    formats: {
      customizers: {
        // Graph access tokens as Entra issues them: v1 issuer, `scp` short names (all consented), `roles` for app-only.
        jwt: async (_ctx: unknown, token: { accountId?: string; clientId?: string; kind?: string }, jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> }) => {
          const clientId = token.clientId ?? '';
          const app = directory.findApp(tid, clientId);
          const payload = jwt.payload;
          delete payload['scope'];
          delete payload['client_id'];
          payload['iss'] = `https://sts.windows.net/${tid}/`;
          payload['ver'] = '1.0';
          payload['tid'] = tid;
          payload['appid'] = clientId;
          payload['app_displayname'] = app?.displayName;
          payload['nbf'] = payload['iat'];
          if (token.accountId) {
            const user = directory.findUser(tid, token.accountId);
            payload['oid'] = user?.oid ?? token.accountId;
            payload['upn'] = user?.upn;
            payload['unique_name'] = user?.upn;
            payload['name'] = user?.displayName;
            payload['scp'] = [...directory.consentedScopes(tid, clientId, token.accountId)].toSorted().join(' ');
            payload['idtyp'] = 'user';
          } else {
            payload['oid'] = app?.servicePrincipalId;
            payload['sub'] = app?.servicePrincipalId;
            payload['roles'] = [...directory.grantedAppRoles(tid, clientId)].toSorted();
            payload['idtyp'] = 'app';
          }
          jwt.header = { ...jwt.header, typ: 'JWT' };
        },
      },
    },
    findAccount: async (_ctx: unknown, id: string) => {
      const user = directory.findUser(tid, id);
      if (!user) return undefined;
      return {
        accountId: user.oid,
        claims: async () => ({ sub: user.oid, tid, oid: user.oid, ver: '2.0', name: user.displayName, preferred_username: user.upn, email: user.upn }),
      };
    },
    renderError: async (ctx: KoaLikeContext, out: { error?: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(`AADSTS${AADSTS.invalidRequest.code}: ${out.error ?? 'error'}: ${out.error_description ?? ''}`, AADSTS.invalidRequest.code);
    },
  });
  provider.proxy = false;

  // Token responses as Entra sends them: client_info for MSAL's account ids, ext_expires_in, and errors with AADSTS codes.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== ENTRA_ROUTES.token) return;
    if (ctx.status === 200) {
      const body = tokenBody(ctx.body);
      if (!body) return;
      const extra: Record<string, unknown> = { ext_expires_in: body['expires_in'] };
      const idToken = typeof body['id_token'] === 'string' ? decodeJwt(body['id_token']) : undefined;
      const oid = idToken && stringClaim(idToken.payload, 'oid');
      if (oid) extra['client_info'] = Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
      ctx.body = { ...body, ...extra };
    } else if (isErrorBody(ctx.body)) {
      const name = FALLBACK_CODES[ctx.body.error] ?? 'serverError';
      const err = new EntraError(name, ctx.body.error_description ?? ctx.body.error);
      ctx.body = err.toBody(origin, new Date(clock.now()), ctx.get('client-request-id'));
    }
  });
  return provider;
}
