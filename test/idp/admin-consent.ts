import type { IncomingMessage, ServerResponse } from 'node:http';
import { Directory } from './directory';
import { AADSTS } from './entra-errors';
import { isGraphDefaultScope, requestedGraphPermissions } from './graph-scopes';
import { parseForm, readBodyText, redirect, sendHtml } from './http-util';
import { adminConsentPage, errorPage } from './pages';
import type { TenantSpec } from './platform-model';

/** Which admin consent endpoint was called: v2 takes `scope`, v1 grants the app's required permissions. */
export type AdminConsentVersion = 'v1' | 'v2';

function withQuery(base: string, params: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * `/<tenant>/v2.0/adminconsent` and `/<tenant>/adminconsent`: an administrator signs in and grants (Accept) or
 * refuses (Decline) the permissions for the whole tenant; the browser then goes to the registered redirect URI with
 * `admin_consent=True&tenant=&scope=&state=`, or `error=access_denied` with an AADSTS65004 description.
 */
export async function handleAdminConsent(req: IncomingMessage, res: ServerResponse, tenant: TenantSpec, directory: Directory, version: AdminConsentVersion, path: string): Promise<void> {
  const query = new URL(req.url ?? '/', 'https://x').searchParams;
  const form = req.method === 'POST' ? parseForm(await readBodyText(req)) : undefined;
  const param = (name: string): string | undefined => (form ? form[name] : query.get(name) ?? undefined);
  const clientId = param('client_id') ?? '';
  const redirectUri = param('redirect_uri') ?? '';
  const state = param('state');
  const scope = version === 'v2' ? param('scope') ?? '' : undefined;

  const app = directory.findApp(tenant.id, clientId);
  if (!app) return sendHtml(res, 400, errorPage(`AADSTS${AADSTS.appNotFound.code}: Application with identifier '${clientId}' was not found in the directory '${tenant.displayName ?? tenant.id}'.`, AADSTS.appNotFound.code));
  if (!redirectUri || !Directory.redirectPlatform(app, redirectUri)) {
    return sendHtml(res, 400, errorPage(`AADSTS${AADSTS.redirectUriMismatch.code}: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`, AADSTS.redirectUriMismatch.code));
  }
  const wantsEverything = scope === undefined || scope.split(' ').some(isGraphDefaultScope);
  const delegated = scope === undefined ? app.delegatedPermissions : requestedGraphPermissions(scope, app.delegatedPermissions);
  const application = wantsEverything ? app.applicationPermissions : [];
  const fields: Record<string, string> = { client_id: clientId, redirect_uri: redirectUri, ...(state !== undefined ? { state } : {}), ...(scope !== undefined ? { scope } : {}) };
  const permissions = [...delegated, ...application.map((p) => `${p} (application)`)];

  if (!form) return sendHtml(res, 200, adminConsentPage(path, app.displayName, permissions, fields));
  if (form['action'] !== 'accept') {
    return redirect(res, withQuery(redirectUri, {
      error: 'access_denied',
      error_description: `AADSTS${AADSTS.userDeclinedConsent.code}: The user or administrator has declined to consent to access the app.`,
      state,
    }));
  }
  const user = directory.findUser(tenant.id, form['loginfmt'] ?? '');
  if (!user || user.password !== form['passwd']) {
    return sendHtml(res, 200, adminConsentPage(path, app.displayName, permissions, fields, `AADSTS${AADSTS.invalidPassword.code}: Error validating credentials due to invalid username or password.`));
  }
  if (!user.isAdmin) {
    return sendHtml(res, 200, adminConsentPage(path, app.displayName, permissions, fields, `AADSTS${AADSTS.adminRequired.code}: An administrator of ${tenant.displayName ?? tenant.id} has set a policy that prevents you from granting ${app.displayName} the permissions it is requesting.`));
  }
  directory.grantConsent(tenant.id, clientId, delegated, undefined, application);
  return redirect(res, withQuery(redirectUri, { admin_consent: 'True', tenant: tenant.id, scope, state }));
}
