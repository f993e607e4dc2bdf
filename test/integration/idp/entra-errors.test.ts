import { describe, expect, it } from 'vitest';
import { ConfidentialClientApplication, PublicClientApplication, type AuthError, type Configuration } from '@azure/msal-node';
import type { BrowserOutcome, BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { createClientCertificate } from '../../idp/test-ca';
import { withTimeout } from '../../idp/with-timeout';
import { ALICE, GRAPH, INTERACTIVE_TIMEOUT_MS, MAIL_PERMISSIONS, MAIL_SCOPES, newClientId, publicApp, TID } from './fixture';
import { codeFromBrowser, expectEntraError, postToken } from './flows';
import { usePlatformSession } from './platform-session';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

function cca(clientId: string, credential: Partial<Configuration['auth']>, tenant = TID): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: { clientId, authority: idp.authority(tenant), knownAuthorities: [idp.authorityHostAndPort], ...credential } });
}

function pca(clientId: string): PublicClientApplication {
  return new PublicClientApplication({ auth: { clientId, authority: idp.authority(TID), knownAuthorities: [idp.authorityHostAndPort] } });
}

/** The error MSAL hands its caller. */
async function msalError(call: Promise<unknown>): Promise<AuthError> {
  const outcome = await call.then(() => undefined, (e: unknown) => e);
  if (!outcome) throw new Error('expected MSAL to fail');
  return outcome as AuthError;
}

/** The OAuth error code and the AADSTS code MSAL's caller sees. */
function aadsts(err: AuthError): { errorCode: string; aadsts: string | undefined } {
  return { errorCode: err.errorCode, aadsts: /\bAADSTS\d+(?=: )/.exec(err.errorMessage)?.[0] };
}

function webApp(extra: { secrets?: string[]; certificates?: string[] } = {}): string {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], delegatedPermissions: [...MAIL_PERMISSIONS], ...extra });
  return clientId;
}

async function webCode(clientId: string): Promise<string> {
  const url = await cca(clientId, { clientSecret: 'unused-for-the-url' }).getAuthCodeUrl({ scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri });
  return codeFromBrowser(browser, catcher, url, ALICE);
}

describe('Entra-shaped errors reach the caller', () => {
  it('90002 tenant not found: in openid-configuration and at the token endpoint; MSAL reports only endpoints_resolution_error', async () => {
    const discovery = await fetch(`${idp.authorityHost}/fabrikam.example/v2.0/.well-known/openid-configuration`);
    expect(discovery.status).toBe(400);
    expectEntraError((await discovery.json()) as Record<string, unknown>, 'invalid_tenant', 90002);
    const token = await postToken(idp, 'fabrikam.example', { client_id: 'x', grant_type: 'client_credentials', client_secret: 'y', scope: `${GRAPH}/.default` });
    expectEntraError(token.body, 'invalid_tenant', 90002);
    // msal-common swallows the discovery response body: a product that wants to say "tenant not found" must ask itself.
    const err = await msalError(cca('x', { clientSecret: 'y' }, 'fabrikam.example').acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }));
    expect(err.errorCode).toBe('endpoints_resolution_error');
  });

  it('700016 application not found in the tenant', async () => {
    const err = await msalError(cca(newClientId(), { clientSecret: 's' }).acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }));
    expect(aadsts(err)).toEqual({ errorCode: 'unauthorized_client', aadsts: 'AADSTS700016' });
    const page = await browser.play(`${idp.authority(TID)}oauth2/v2.0/authorize?client_id=${newClientId()}&response_type=code&redirect_uri=${encodeURIComponent(catcher.redirectUri)}&scope=openid`, { user: ALICE });
    expect(page).toMatchObject({ kind: 'error-page', code: 'AADSTS700016' });
  });

  it('7000215 invalid client secret', async () => {
    const clientId = webApp({ secrets: ['right-secret'] });
    const err = await msalError(cca(clientId, { clientSecret: 'wrong-secret' }).acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_client', aadsts: 'AADSTS7000215' });
  });

  it('700027 certificate not registered on the application', async () => {
    const registered = createClientCertificate('registered');
    const other = createClientCertificate('other');
    const clientId = webApp({ certificates: [registered.certPem] });
    const err = await msalError(cca(clientId, { clientCertificate: { thumbprintSha256: other.thumbprintSha256, privateKey: other.keyPem } }).acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_client', aadsts: 'AADSTS700027' });
  });

  it('50011 redirect URI mismatch: an error page in the browser, JSON at the token endpoint', async () => {
    const clientId = webApp({ secrets: ['s'] });
    const url = await cca(clientId, { clientSecret: 's' }).getAuthCodeUrl({ scopes: MAIL_SCOPES, redirectUri: 'https://xsoar.example/not-registered' });
    const page: BrowserOutcome = await browser.play(url, { user: ALICE });
    expect(page).toMatchObject({ kind: 'error-page', code: 'AADSTS50011' });
    const err = await msalError(cca(clientId, { clientSecret: 's' }).acquireTokenByCode({ code: 'any', scopes: MAIL_SCOPES, redirectUri: 'https://xsoar.example/not-registered' }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_request', aadsts: 'AADSTS50011' });
  });

  it('65001 consent required when a refresh asks for a permission nobody consented to', async () => {
    const app = idp.registerApp(publicApp());
    const client = pca(app.clientId);
    let played: Promise<BrowserOutcome> | undefined;
    const first = await withTimeout(client.acquireTokenInteractive({
      scopes: [`${GRAPH}/Mail.ReadWrite`],
      openBrowser: async (url) => {
        played = browser.play(url, { user: ALICE, consent: 'accept' });
      },
    }), INTERACTIVE_TIMEOUT_MS, 'acquireTokenInteractive');
    await played;
    const err = await msalError(client.acquireTokenSilent({ account: first.account!, scopes: [`${GRAPH}/Mail.Send`], forceRefresh: true }));
    expect(err.name).toBe('InteractionRequiredAuthError');
    expect(err.subError).toBe('consent_required');
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_grant', aadsts: 'AADSTS65001' });
  });

  it('54005 code already redeemed', async () => {
    const clientId = webApp({ secrets: ['s'] });
    const code = await webCode(clientId);
    const client = cca(clientId, { clientSecret: 's' });
    await client.acquireTokenByCode({ code, scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri });
    const err = await msalError(cca(clientId, { clientSecret: 's' }).acquireTokenByCode({ code, scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_grant', aadsts: 'AADSTS54005' });
  });

  it('70008 code expired (platform clock advanced past the code lifetime)', async () => {
    const clientId = webApp({ secrets: ['s'] });
    const code = await webCode(clientId);
    idp.clock.advance(11 * 60);
    const err = await msalError(cca(clientId, { clientSecret: 's' }).acquireTokenByCode({ code, scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_grant', aadsts: 'AADSTS70008' });
  });

  it('700025 public client presenting a secret', async () => {
    const app = idp.registerApp(publicApp());
    const err = await msalError(cca(app.clientId, { clientSecret: 'a-secret' }).acquireTokenByCode({ code: 'any', scopes: MAIL_SCOPES, redirectUri: 'http://localhost:4000' }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_client', aadsts: 'AADSTS700025' });
  });

  it('7000218 Web redirect redeemed without a secret or assertion', async () => {
    const clientId = webApp({ secrets: ['s'] });
    const code = await webCode(clientId);
    const err = await msalError(pca(clientId).acquireTokenByCode({ code, scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri }));
    expect(aadsts(err)).toEqual({ errorCode: 'invalid_client', aadsts: 'AADSTS7000218' });
  });
});
