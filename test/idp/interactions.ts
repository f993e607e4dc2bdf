import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';
import type { Directory } from './directory';
import { AADSTS } from './entra-errors';
import { requestedGraphPermissions } from './graph-scopes';
import { parseForm, readBodyText, sendHtml } from './http-util';
import { consentPage, loginPage } from './pages';
import type { TenantSpec } from './platform-model';

/** What the sign-in and consent pages need. */
export interface InteractionContext {
  readonly tenant: TenantSpec;
  readonly directory: Directory;
  readonly provider: Provider;
}

function stringParam(details: InteractionDetails, name: string): string {
  const v = details.params[name];
  return typeof v === 'string' ? v : '';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Delegated permissions this request needs that neither an admin nor this user has consented to. */
function missingConsent(details: InteractionDetails, ctx: InteractionContext, accountId: string): string[] {
  const clientId = stringParam(details, 'client_id');
  const app = ctx.directory.findApp(ctx.tenant.id, clientId);
  const wanted = requestedGraphPermissions(stringParam(details, 'scope'), app?.delegatedPermissions ?? []);
  const consented = ctx.directory.consentedScopes(ctx.tenant.id, clientId, accountId);
  return wanted.filter((s) => !consented.has(s));
}

/** Turns oidc-provider's "missing" scopes into a grant and resumes the authorization request. */
async function finishConsent(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, ctx: InteractionContext, accountId: string): Promise<void> {
  const clientId = stringParam(details, 'client_id');
  const grant = (details.grantId ? await ctx.provider.Grant.find(details.grantId) : undefined) ?? new ctx.provider.Grant({ accountId, clientId });
  const promptDetails = details.prompt.details;
  const oidcScopes = stringList(promptDetails['missingOIDCScope']);
  if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
  const claims = stringList(promptDetails['missingOIDCClaims']);
  if (claims.length) grant.addOIDCClaims(claims);
  const resourceScopes = promptDetails['missingResourceScopes'];
  if (typeof resourceScopes === 'object' && resourceScopes !== null) {
    for (const [resource, scopes] of Object.entries(resourceScopes)) grant.addResourceScope(resource, stringList(scopes).join(' '));
  }
  const grantId = await grant.save();
  await ctx.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * The sign-in and consent pages (`/<tenant>/interaction/<uid>`): Entra-like login with a tenant user's password,
 * then consent only for delegated permissions not yet consented (by the admin or this user).
 */
export async function handleInteraction(req: IncomingMessage, res: ServerResponse, ctx: InteractionContext): Promise<void> {
  const details = await ctx.provider.interactionDetails(req, res);
  const action = `/${ctx.tenant.id}/interaction/${details.uid}`;
  const clientId = stringParam(details, 'client_id');
  const appName = ctx.directory.findApp(ctx.tenant.id, clientId)?.displayName ?? clientId;
  const form = req.method === 'POST' ? parseForm(await readBodyText(req)) : undefined;

  if (details.prompt.name === 'login') {
    if (!form) return sendHtml(res, 200, loginPage(action));
    if (form['action'] === 'cancel') {
      return ctx.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'AADSTS50058: The user canceled the sign-in.' }, { mergeWithLastSubmission: false });
    }
    const user = ctx.directory.findUser(ctx.tenant.id, form['loginfmt'] ?? '');
    if (!user) return sendHtml(res, 200, loginPage(action, `AADSTS${AADSTS.userNotFound.code}: The user account does not exist in the ${ctx.tenant.id} directory.`));
    if (user.password !== form['passwd']) return sendHtml(res, 200, loginPage(action, `AADSTS${AADSTS.invalidPassword.code}: Error validating credentials due to invalid username or password.`));
    return ctx.provider.interactionFinished(req, res, { login: { accountId: user.oid } }, { mergeWithLastSubmission: false });
  }

  const accountId = details.session?.accountId ?? '';
  const missing = missingConsent(details, ctx, accountId);
  if (!form) {
    if (missing.length === 0) return finishConsent(req, res, details, ctx, accountId);
    return sendHtml(res, 200, consentPage(action, appName, missing));
  }
  if (form['action'] !== 'accept') {
    return ctx.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: `AADSTS${AADSTS.userDeclinedConsent.code}: The user or administrator has declined to consent to access the app.`,
    }, { mergeWithLastSubmission: false });
  }
  ctx.directory.grantConsent(ctx.tenant.id, clientId, missing, accountId);
  return finishConsent(req, res, details, ctx, accountId);
}
