import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { handleAdminConsent } from './admin-consent';
import { Directory } from './directory';
import { EntraError } from './entra-errors';
import { parseForm, readBodyText, sendHtml, sendJson } from './http-util';
import { handleInteraction } from './interactions';
import { errorPage } from './pages';
import type { PlatformClock, TenantSpec } from './platform-model';
import { ENTRA_ROUTES } from './tenant-provider';
import { guardTokenRequest } from './token-guard';

/** What the authority's HTTP front needs. */
export interface AuthorityFrontOptions {
  readonly origin: string;
  readonly directory: Directory;
  readonly clock: PlatformClock;
  /** The provider of a tenant (created on first use). */
  readonly providerFor: (tenant: TenantSpec) => Provider;
  readonly redeemedCodes: Set<string>;
}

function tenantNotFound(segment: string): EntraError {
  return new EntraError('tenantNotFound', `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

/** Entra's checks on an authorization request that must not redirect (unknown app, unregistered redirect URI). */
function checkAuthorizeRequest(query: URLSearchParams, tenant: TenantSpec, directory: Directory): EntraError | undefined {
  const clientId = query.get('client_id') ?? '';
  const app = directory.findApp(tenant.id, clientId);
  if (!app) return new EntraError('appNotFound', `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName ?? tenant.id}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!Directory.redirectPlatform(app, redirectUri)) {
    return new EntraError('redirectUriMismatch', `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`);
  }
  return undefined;
}

/**
 * The authority's request router: resolves `/<tenant>` (GUID or verified domain), answers Entra-only endpoints
 * (admin consent, sign-in pages, token guard) itself and hands the rest to the tenant's oidc-provider, mounted
 * at `/<tenant-guid>` exactly like express's `app.use(mount, provider.callback())` does.
 */
export function createAuthorityFront(options: AuthorityFrontOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { origin, directory, clock } = options;
  const sendError = (res: ServerResponse, err: EntraError, req: IncomingMessage): void => {
    const correlation = req.headers['client-request-id'];
    sendJson(res, err.spec.status, err.toBody(origin, new Date(clock.now()), typeof correlation === 'string' ? correlation : undefined));
  };

  const handlers = new WeakMap<Provider, ReturnType<Provider['callback']>>();
  const handlerFor = (provider: Provider): ReturnType<Provider['callback']> => {
    const found = handlers.get(provider);
    if (found) return found;
    const created = provider.callback();
    handlers.set(provider, created);
    return created;
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const [, segment = '', ...restParts] = url.pathname.split('/');
    const rest = `/${restParts.join('/')}`;
    const tenant = directory.tenantBySegment(segment);
    const isPage = req.method === 'GET' && (rest === ENTRA_ROUTES.authorization || rest.endsWith('/adminconsent'));
    if (!tenant) {
      const err = tenantNotFound(segment);
      if (isPage) return sendHtml(res, 400, errorPage(err.message, err.spec.code));
      return sendError(res, err, req);
    }
    try {
      if (rest === '/v2.0/adminconsent' || rest === '/adminconsent') {
        return await handleAdminConsent(req, res, tenant, directory, rest === '/adminconsent' ? 'v1' : 'v2', url.pathname);
      }
      const provider = options.providerFor(tenant);
      if (rest.startsWith('/interaction/')) return await handleInteraction(req, res, { tenant, directory, provider });

      let providerPath = rest === '/v2.0/.well-known/openid-configuration' ? '/.well-known/openid-configuration' : rest;
      let search = url.search;
      if (rest === ENTRA_ROUTES.authorization && req.method === 'GET') {
        const problem = checkAuthorizeRequest(url.searchParams, tenant, directory);
        if (problem) return sendHtml(res, problem.spec.status, errorPage(problem.message, problem.spec.code));
        // MSAL asks for offline_access without a prompt; oidc-provider only issues refresh tokens after a consent
        // prompt. Our consent page is skipped when consent already exists, so this never shows an extra page.
        if (!url.searchParams.has('prompt')) {
          url.searchParams.set('prompt', 'consent');
          search = url.search;
        }
      }
      if (rest === ENTRA_ROUTES.token && req.method === 'POST') {
        const form = parseForm(await readBodyText(req));
        const forwarded = await guardTokenRequest(form, {
          tenant, directory, provider, clock, redeemedCodes: options.redeemedCodes, tokenEndpoint: `${origin}/${tenant.id}${ENTRA_ROUTES.token}`,
        });
        // oidc-provider reads an already-parsed body from req.body (as behind express's body parser).
        Object.assign(req, { body: forwarded });
      }
      if (providerPath === '/') providerPath = '/not-found';
      Object.assign(req, { originalUrl: `/${tenant.id}${providerPath}${search}`, url: `${providerPath}${search}` });
      handlerFor(provider)(req, res);
    } catch (err) {
      if (err instanceof EntraError) return sendError(res, err, req);
      const wrapped = new EntraError('serverError', err instanceof Error ? err.message : String(err));
      return sendError(res, wrapped, req);
    }
  };
}
