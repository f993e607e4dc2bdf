import { X509Certificate } from 'node:crypto';
import type { Provider } from 'oidc-provider';
import { Directory, type DirectoryApp } from './directory';
import { EntraError } from './entra-errors';
import { isGraphDefaultScope, requestedGraphPermissions } from './graph-scopes';
import { decodeJwt, numberClaim, stringClaim, verifyJwtSignature } from './jwt';
import { GRAPH_RESOURCE, type PlatformClock, type TenantSpec } from './platform-model';
import { AUTHORIZATION_CODE_LIFETIME_S } from './tenant-provider';

/** Everything the token guard consults. */
export interface TokenGuardContext {
  readonly tenant: TenantSpec;
  readonly directory: Directory;
  readonly provider: Provider;
  readonly clock: PlatformClock;
  /** The tenant's token endpoint URL (the `aud` client assertions must carry). */
  readonly tokenEndpoint: string;
  /** Codes already presented for redemption (Entra's codes are single-use). */
  readonly redeemedCodes: Set<string>;
}

const CREDENTIAL_FIELDS = ['client_secret', 'client_assertion', 'client_assertion_type'] as const;

function hexFromB64url(value: unknown): string | undefined {
  return typeof value === 'string' ? Buffer.from(value, 'base64url').toString('hex') : undefined;
}

/** Checks a `private_key_jwt` client assertion against the app's uploaded certificates, as Entra does. */
function checkAssertion(app: DirectoryApp, assertion: string, ctx: TokenGuardContext): void {
  const jwt = decodeJwt(assertion);
  if (!jwt) throw new EntraError('assertionKeyNotRegistered', 'Client assertion is not a valid JWT.');
  const sha1 = hexFromB64url(jwt.header['x5t']);
  const sha256 = hexFromB64url(jwt.header['x5t#S256']);
  const cert = app.certificates.find((c) => (sha256 !== undefined && c.sha256 === sha256) || (sha1 !== undefined && c.sha1 === sha1));
  if (!cert) {
    throw new EntraError('assertionKeyNotRegistered', `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${(sha256 ?? sha1 ?? '').toUpperCase()}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`);
  }
  if (!verifyJwtSignature(jwt, new X509Certificate(cert.pem).publicKey)) {
    throw new EntraError('assertionKeyNotRegistered', 'Client assertion contains an invalid signature.');
  }
  const nowS = ctx.clock.now() / 1000;
  const aud = jwt.payload['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (stringClaim(jwt.payload, 'iss') !== app.clientId || stringClaim(jwt.payload, 'sub') !== app.clientId
    || !audiences.includes(ctx.tokenEndpoint) || (numberClaim(jwt.payload, 'exp') ?? 0) < nowS) {
    throw new EntraError('invalidRequest', 'The client assertion has an invalid issuer, subject, audience or lifetime.');
  }
}

/** Entra's rules for who must (and must not) authenticate, then the credential check itself. */
function authenticateClient(app: DirectoryApp, form: Readonly<Record<string, string>>, confidential: boolean, ctx: TokenGuardContext): void {
  const secret = form['client_secret'];
  const assertion = form['client_assertion'];
  const presented = secret !== undefined || assertion !== undefined;
  if (!confidential) {
    if (presented) throw new EntraError('publicClientWithSecret', "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
    return;
  }
  if (!presented) throw new EntraError('credentialMissing', "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  if (assertion !== undefined) {
    checkAssertion(app, assertion, ctx);
  } else if (!app.secrets.includes(secret ?? '')) {
    throw new EntraError('invalidClientSecret', `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`);
  }
}

function consentRequired(app: DirectoryApp): EntraError {
  return new EntraError('consentRequired', `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`);
}

/** Delegated scopes must be consented; consent granted since the grant was made is added to it (later tokens carry it). */
async function checkConsent(app: DirectoryApp, accountId: string, grantId: string | undefined, scopeParam: string, ctx: TokenGuardContext): Promise<void> {
  const wanted = requestedGraphPermissions(scopeParam, app.delegatedPermissions);
  const consented = ctx.directory.consentedScopes(app.tenantId, app.clientId, accountId);
  if (wanted.some((s) => !consented.has(s))) throw consentRequired(app);
  if (!grantId || !wanted.length) return;
  const grant = await ctx.provider.Grant.find(grantId);
  if (!grant) return;
  const full = scopeParam.split(' ').filter((s) => s.startsWith(`${GRAPH_RESOURCE}/`));
  grant.addResourceScope(GRAPH_RESOURCE, full.join(' '));
  await grant.save();
}

/**
 * Entra's token-endpoint checks that oidc-provider does not make (or makes with other errors): tenant app lookup,
 * public vs confidential client by redirect platform, secrets and certificate assertions, single-use and expiring
 * codes on the platform clock, consent. Returns the form to hand to oidc-provider, credentials removed.
 */
export async function guardTokenRequest(form: Readonly<Record<string, string>>, ctx: TokenGuardContext): Promise<Record<string, string>> {
  const clientId = form['client_id'] ?? '';
  const app = ctx.directory.findApp(ctx.tenant.id, clientId);
  if (!app) {
    throw new EntraError('appNotFound', `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant.displayName ?? ctx.tenant.id}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const grantType = form['grant_type'] ?? '';
  switch (grantType) {
    case 'authorization_code': {
      const redirectUri = form['redirect_uri'] ?? '';
      const platform = Directory.redirectPlatform(app, redirectUri);
      if (!platform) throw new EntraError('redirectUriMismatch', `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`);
      authenticateClient(app, form, platform === 'web', ctx);
      const code = form['code'] ?? '';
      if (ctx.redeemedCodes.has(code)) throw new EntraError('codeAlreadyRedeemed', 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
      const stored = await ctx.provider.AuthorizationCode.find(code, { ignoreExpiration: true });
      if (stored?.iat !== undefined && ctx.clock.now() / 1000 - stored.iat > AUTHORIZATION_CODE_LIFETIME_S) {
        throw new EntraError('codeExpired', 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
      }
      if (stored) ctx.redeemedCodes.add(code);
      break;
    }
    case 'refresh_token': {
      const presented = form['client_secret'] !== undefined || form['client_assertion'] !== undefined;
      const hasCredentials = app.secrets.length > 0 || app.certificates.length > 0;
      // A refresh is confidential when the app has credentials and sends them, or has no public platform at all.
      authenticateClient(app, form, hasCredentials && (presented || app.publicRedirectUris.length === 0), ctx);
      const stored = await ctx.provider.RefreshToken.find(form['refresh_token'] ?? '');
      if (stored?.accountId) await checkConsent(app, stored.accountId, stored.grantId, form['scope'] ?? '', ctx);
      break;
    }
    case 'client_credentials': {
      authenticateClient(app, form, true, ctx);
      const scopes = (form['scope'] ?? '').split(' ').filter(Boolean);
      if (scopes.length !== 1 || !isGraphDefaultScope(scopes[0] ?? '')) {
        throw new EntraError('clientCredentialsScope', "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
      }
      break;
    }
    default:
      break;
  }
  const forwarded: Record<string, string> = { ...form };
  for (const field of CREDENTIAL_FIELDS) delete forwarded[field];
  return forwarded;
}
