import { EXPIRY_WARNING_DAYS, GRAPH_APP_ID } from './entra-constants';
import type { ActualRegistration, DesiredRegistration, GraphApplication, GraphPermissionCatalogue, GraphPermissionGrant, GraphRequiredResourceAccess } from './registration-model';

/** The aspects of a registration that check and repair look at, in display order. */
export const FINDING_IDS = Object.freeze([
  'sign-in-audience',
  'web-redirect',
  'public-redirect',
  'delegated-permissions',
  'application-permissions',
  'service-principal',
  'credential',
  'consent',
] as const);

/** One of {@link FINDING_IDS}. */
export type FindingId = (typeof FINDING_IDS)[number];

/** One line of a check: fine, worth knowing (a credential expiring soon), or a problem the repair fixes. */
export interface RegistrationFinding {
  readonly id: FindingId;
  readonly status: 'ok' | 'warning' | 'problem';
  readonly detail: string;
  /** What the repair does (or what the person must do), `null` when nothing. */
  readonly fix: string | null;
}

const DAY_MS = 86_400_000;

function sameUri(a: string, b: string): boolean {
  return a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase();
}

function includesUri(list: readonly string[], uri: string): boolean {
  return list.some((u) => sameUri(u, uri));
}

function graphAccess(app: GraphApplication): GraphRequiredResourceAccess['resourceAccess'] {
  return app.requiredResourceAccess.filter((r) => r.resourceAppId === GRAPH_APP_ID).flatMap((r) => r.resourceAccess);
}

function grantScopes(grant: GraphPermissionGrant): Set<string> {
  return new Set(grant.scope.split(' ').filter(Boolean).map((s) => s.toLowerCase()));
}

/** The grant that covers the desired consent (a tenant-wide grant also covers the mailbox user). */
function matchingGrants(desired: DesiredRegistration, grants: readonly GraphPermissionGrant[], catalogue: GraphPermissionCatalogue): GraphPermissionGrant[] {
  return grants.filter((g) => g.resourceId === catalogue.graphServicePrincipalId
    && (g.consentType === 'AllPrincipals' || (desired.consent === 'mailbox-user' && g.principalId === desired.mailboxUserId)));
}

/** Scopes of the desired set that no matching grant holds. */
export function missingConsent(desired: DesiredRegistration, grants: readonly GraphPermissionGrant[], catalogue: GraphPermissionCatalogue): string[] {
  const granted = new Set(matchingGrants(desired, grants, catalogue).flatMap((g) => [...grantScopes(g)]));
  return desired.scopeValues.filter((s) => !granted.has(s.toLowerCase()));
}

function expiryFinding(what: string, endDateTime: string, now: number): RegistrationFinding {
  const end = Date.parse(endDateTime);
  const day = endDateTime.slice(0, 10);
  if (end <= now) return { id: 'credential', status: 'problem', detail: `The ${what} expired on ${day}.`, fix: 'Add a new one (repair does it and stores it in the keychain).' };
  const days = Math.floor((end - now) / DAY_MS);
  if (days < EXPIRY_WARNING_DAYS) return { id: 'credential', status: 'warning', detail: `The ${what} expires on ${day} (in ${days} day${days === 1 ? '' : 's'}).`, fix: 'Plan a new one before then.' };
  return { id: 'credential', status: 'ok', detail: `The ${what} is valid until ${day}.`, fix: null };
}

function credentialFinding(desired: DesiredRegistration, app: GraphApplication, now: number): RegistrationFinding {
  const c = desired.credential;
  if (c.kind === 'certificate') {
    const key = app.keyCredentials.find((k) => (k.customKeyIdentifier ?? '').toUpperCase() === c.sha1Thumbprint.toUpperCase());
    if (!key) return { id: 'credential', status: 'problem', detail: `The certificate ${c.sha1Thumbprint} is not uploaded to the app.`, fix: 'Upload its public part (existing certificates are kept).' };
    return expiryFinding(`certificate ${c.sha1Thumbprint}`, key.endDateTime, now);
  }
  if (c.heldSecretHint === null) return { id: 'credential', status: 'problem', detail: 'No client secret of this app is stored in the keychain.', fix: 'Add a new client secret (it goes straight to the keychain).' };
  const live = app.passwordCredentials.filter((p) => p.hint === c.heldSecretHint).toSorted((a, b) => Date.parse(b.endDateTime) - Date.parse(a.endDateTime));
  const best = live[0];
  if (!best) return { id: 'credential', status: 'problem', detail: 'The client secret in the keychain is not one of the app\'s secrets (it was removed, or belongs to another app).', fix: 'Add a new client secret (it goes straight to the keychain).' };
  return expiryFinding('client secret in the keychain', best.endDateTime, now);
}

/**
 * Desired against actual, one finding per aspect: single-tenant audience, the XSOAR redirect on the Web platform
 * (a code redeemed with a secret from a Mobile-and-desktop URI fails with AADSTS700025), `http://localhost` on
 * Mobile and desktop, exactly the required delegated permissions, no application permissions, the service
 * principal, the credential and its expiry, and consent.
 */
export function diffRegistration(desired: DesiredRegistration, actual: ActualRegistration, catalogue: GraphPermissionCatalogue, now: number): RegistrationFinding[] {
  const { app } = actual;
  const findings: RegistrationFinding[] = [];
  findings.push(app.signInAudience === 'AzureADMyOrg'
    ? { id: 'sign-in-audience', status: 'ok', detail: 'Single tenant (accounts in this directory only).', fix: null }
    : { id: 'sign-in-audience', status: 'warning', detail: `The app accepts sign-ins from other directories too (${app.signInAudience}).`, fix: 'The integration needs a single-tenant app; change "Supported account types" if this was not intended.' });

  const webOk = includesUri(app.web.redirectUris, desired.webRedirectUri);
  const webOnPublic = includesUri(app.publicClient.redirectUris, desired.webRedirectUri);
  findings.push(webOk && !webOnPublic
    ? { id: 'web-redirect', status: 'ok', detail: `${desired.webRedirectUri} is a Web redirect URI.`, fix: null }
    : {
        id: 'web-redirect',
        status: 'problem',
        detail: webOnPublic
          ? `${desired.webRedirectUri} is registered on the Mobile and desktop platform; XSOAR redeems its code with a secret or certificate, which Entra ID then refuses (AADSTS700025).`
          : `${desired.webRedirectUri} (the XSOAR redirect URI) is not a Web redirect URI of the app (sign-in fails with AADSTS50011).`,
        fix: `Register ${desired.webRedirectUri} on the Web platform${webOnPublic ? ' and remove it from Mobile and desktop' : ''}.`,
      });

  const publicOk = includesUri(app.publicClient.redirectUris, desired.publicRedirectUri);
  const publicOnWeb = includesUri(app.web.redirectUris, desired.publicRedirectUri);
  findings.push(publicOk && !publicOnWeb
    ? { id: 'public-redirect', status: 'ok', detail: `${desired.publicRedirectUri} is a Mobile and desktop redirect URI.`, fix: null }
    : {
        id: 'public-redirect',
        status: 'problem',
        detail: publicOnWeb
          ? `${desired.publicRedirectUri} is registered on the Web platform; the assistant's verification sign-in sends no secret, which Entra ID then refuses (AADSTS7000218).`
          : `${desired.publicRedirectUri} is not a Mobile and desktop redirect URI, so the mailbox sign-in cannot be verified from this computer.`,
        fix: `Register ${desired.publicRedirectUri} on the Mobile and desktop platform${publicOnWeb ? ' and remove it from Web' : ''}.`,
      });

  const access = graphAccess(app);
  const scopeValues = access.filter((a) => a.type === 'Scope').map((a) => catalogue.scopeValueById[a.id] ?? a.id);
  const missing = desired.scopeValues.filter((v) => !scopeValues.some((s) => s.toLowerCase() === v.toLowerCase()));
  const extra = scopeValues.filter((s) => !desired.scopeValues.some((v) => v.toLowerCase() === s.toLowerCase()));
  findings.push(missing.length === 0 && extra.length === 0
    ? { id: 'delegated-permissions', status: 'ok', detail: `Exactly the required delegated permissions: ${desired.scopeValues.join(', ')}.`, fix: null }
    : {
        id: 'delegated-permissions',
        status: 'problem',
        detail: [missing.length ? `Missing: ${missing.join(', ')}.` : '', extra.length ? `Not needed: ${extra.join(', ')}.` : ''].filter(Boolean).join(' '),
        fix: `Require exactly ${desired.scopeValues.join(', ')} (Microsoft Graph, delegated).`,
      });

  const roles = app.requiredResourceAccess.flatMap((r) => r.resourceAccess.filter((a) => a.type === 'Role').map((a) => (r.resourceAppId === GRAPH_APP_ID ? catalogue.roleValueById[a.id] ?? a.id : `${r.resourceAppId}/${a.id}`)));
  findings.push(roles.length === 0
    ? { id: 'application-permissions', status: 'ok', detail: 'No application permissions.', fix: null }
    : { id: 'application-permissions', status: 'problem', detail: `Application permissions the integration does not use (they would give the app every mailbox): ${roles.join(', ')}.`, fix: 'Remove them.' });

  findings.push(actual.servicePrincipalId
    ? { id: 'service-principal', status: 'ok', detail: 'The app has its enterprise application (service principal) in this tenant.', fix: null }
    : { id: 'service-principal', status: 'problem', detail: 'The app has no enterprise application (service principal) in this tenant, so nobody can consent to it.', fix: 'Create it.' });

  findings.push(credentialFinding(desired, app, now));

  const notGranted = actual.servicePrincipalId ? missingConsent(desired, actual.grants, catalogue) : [...desired.scopeValues];
  const who = desired.consent === 'tenant' ? 'for every user of the tenant' : 'for the mailbox user';
  findings.push(notGranted.length === 0
    ? { id: 'consent', status: 'ok', detail: `Consent granted ${who}.`, fix: null }
    : { id: 'consent', status: 'problem', detail: `Consent ${who} is missing for: ${notGranted.join(', ')}.`, fix: `Grant consent ${who}.` });
  return findings;
}

/** True when nothing needs repairing (warnings are fine). */
export function isHealthy(findings: readonly RegistrationFinding[]): boolean {
  return findings.every((f) => f.status !== 'problem');
}

function withUri(list: readonly string[], uri: string): string[] {
  return includesUri(list, uri) ? [...list] : [...list, uri];
}

function withoutUri(list: readonly string[], uri: string): string[] {
  return list.filter((u) => !sameUri(u, uri));
}

/**
 * The PATCH body that brings redirects and permissions in line, or `null` when they already are. Other redirect
 * URIs and other APIs' delegated permissions are kept; every application permission is removed.
 */
export function applicationPatch(desired: DesiredRegistration, app: GraphApplication, catalogue: GraphPermissionCatalogue): Record<string, unknown> | null {
  const patch: Record<string, unknown> = {};
  const web = withoutUri(withUri(app.web.redirectUris, desired.webRedirectUri), desired.publicRedirectUri);
  const pub = withoutUri(withUri(app.publicClient.redirectUris, desired.publicRedirectUri), desired.webRedirectUri);
  if (web.length !== app.web.redirectUris.length || web.some((u, i) => u !== app.web.redirectUris[i])) patch['web'] = { redirectUris: web };
  if (pub.length !== app.publicClient.redirectUris.length || pub.some((u, i) => u !== app.publicClient.redirectUris[i])) patch['publicClient'] = { redirectUris: pub };
  const wanted = desiredResourceAccess(desired, catalogue);
  const others = app.requiredResourceAccess
    .filter((r) => r.resourceAppId !== GRAPH_APP_ID)
    .map((r) => ({ resourceAppId: r.resourceAppId, resourceAccess: r.resourceAccess.filter((a) => a.type === 'Scope') }))
    .filter((r) => r.resourceAccess.length > 0);
  const next = [wanted, ...others];
  const current = JSON.stringify(app.requiredResourceAccess.map((r) => ({ ...r, resourceAccess: r.resourceAccess.toSorted((a, b) => a.id.localeCompare(b.id)) })).toSorted((a, b) => a.resourceAppId.localeCompare(b.resourceAppId)));
  const proposed = JSON.stringify(next.map((r) => ({ ...r, resourceAccess: r.resourceAccess.toSorted((a, b) => a.id.localeCompare(b.id)) })).toSorted((a, b) => a.resourceAppId.localeCompare(b.resourceAppId)));
  if (current !== proposed) patch['requiredResourceAccess'] = next;
  return Object.keys(patch).length ? patch : null;
}

/** Microsoft Graph's requiredResourceAccess entry with exactly the desired scopes (ids from the catalogue). */
export function desiredResourceAccess(desired: DesiredRegistration, catalogue: GraphPermissionCatalogue): GraphRequiredResourceAccess {
  return {
    resourceAppId: GRAPH_APP_ID,
    resourceAccess: desired.scopeValues.map((v) => {
      const id = catalogue.scopeIdByValue[v];
      if (id === undefined) throw new Error(`Microsoft Graph does not publish the delegated permission ${v} in this tenant.`);
      return { id, type: 'Scope' as const };
    }),
  };
}

/** The consent write needed: none, a new grant, or a grant whose scope must grow. */
export type ConsentWrite =
  | { readonly kind: 'none' }
  | { readonly kind: 'create'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly kind: 'extend'; readonly grantId: string; readonly scope: string };

/** Plans the consent write for a registration whose service principal exists. */
export function planConsent(desired: DesiredRegistration, servicePrincipalId: string, grants: readonly GraphPermissionGrant[], catalogue: GraphPermissionCatalogue): ConsentWrite {
  const missing = missingConsent(desired, grants, catalogue);
  if (missing.length === 0) return { kind: 'none' };
  const own = grants.find((g) => g.resourceId === catalogue.graphServicePrincipalId
    && (desired.consent === 'tenant' ? g.consentType === 'AllPrincipals' : g.consentType === 'Principal' && g.principalId === desired.mailboxUserId));
  if (own) {
    const scopes = [...own.scope.split(' ').filter(Boolean), ...missing];
    return { kind: 'extend', grantId: own.id, scope: scopes.join(' ') };
  }
  return {
    kind: 'create',
    body: {
      clientId: servicePrincipalId,
      consentType: desired.consent === 'tenant' ? 'AllPrincipals' : 'Principal',
      ...(desired.consent === 'mailbox-user' ? { principalId: desired.mailboxUserId } : {}),
      resourceId: catalogue.graphServicePrincipalId,
      scope: desired.scopeValues.join(' '),
    },
  };
}
