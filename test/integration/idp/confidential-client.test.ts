import { describe, expect, it } from 'vitest';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { decodeJwt } from '../../idp/jwt';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { createClientCertificate } from '../../idp/test-ca';
import { ALICE, GRAPH, MAIL_PERMISSIONS, MAIL_SCOPES, newClientId, TID } from './fixture';
import { usePlatformSession } from './platform-session';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

/** Production configuration except the authority host (default AAD protocol mode). */
function ccaFor(clientId: string, credential: Partial<Configuration['auth']>): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: { clientId, authority: idp.authority(TID), knownAuthorities: [idp.authorityHostAndPort], ...credential } });
}

function payload(token: string): Record<string, unknown> {
  return { ...decodeJwt(token)?.payload };
}

/** Web app sign-in: MSAL builds the URL, the browser user signs in and consents, MSAL redeems the code. */
async function webSignIn(cca: ConfidentialClientApplication): Promise<string> {
  const url = await cca.getAuthCodeUrl({ scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri, state: 'st-123' });
  const outcome = await browser.play(url, { user: ALICE, consent: 'accept' });
  expect(outcome.kind).toBe('left-platform');
  const query = await catcher.next();
  expect(query.get('state')).toBe('st-123');
  const result = await cca.acquireTokenByCode({ code: query.get('code') ?? '', scopes: MAIL_SCOPES, redirectUri: catcher.redirectUri });
  expect(result.account?.homeAccountId).toBe(`${result.account?.localAccountId}.${TID}`);
  return result.accessToken;
}

function webApp(extra: { secrets?: string[]; certificates?: string[] }): string {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], delegatedPermissions: [...MAIL_PERMISSIONS], ...extra });
  return clientId;
}

describe('ConfidentialClientApplication against the test platform', () => {
  it('redeems an authorization code with a client secret', async () => {
    const clientId = webApp({ secrets: ['web-secret-value~0123456789'] });
    const token = await webSignIn(ccaFor(clientId, { clientSecret: 'web-secret-value~0123456789' }));
    expect(payload(token)).toMatchObject({ aud: GRAPH, appid: clientId, upn: ALICE.upn, tid: TID });
  });

  it('redeems an authorization code with a certificate identified by its SHA-1 thumbprint (x5t)', async () => {
    const cert = createClientCertificate();
    const clientId = webApp({ certificates: [cert.certPem] });
    const token = await webSignIn(ccaFor(clientId, { clientCertificate: { thumbprint: cert.thumbprintSha1, privateKey: cert.keyPem } }));
    expect(payload(token)).toMatchObject({ appid: clientId, upn: ALICE.upn });
  });

  it('redeems an authorization code with a certificate identified by its SHA-256 thumbprint (x5t#S256)', async () => {
    const cert = createClientCertificate();
    const clientId = webApp({ certificates: [cert.certPem] });
    const token = await webSignIn(ccaFor(clientId, { clientCertificate: { thumbprintSha256: cert.thumbprintSha256, privateKey: cert.keyPem, x5c: cert.certPem } }));
    expect(payload(token)).toMatchObject({ appid: clientId, upn: ALICE.upn });
  });

  it('gets an app-only Graph token with client credentials; Graph honours the admin-granted roles', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, secrets: ['cc-secret'], applicationPermissions: ['Mail.Read', 'User.Read.All'] });
    const cca = ccaFor(clientId, { clientSecret: 'cc-secret' });
    const before = await cca.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] });
    expect(payload(before?.accessToken ?? '')).toMatchObject({ aud: GRAPH, roles: [], idtyp: 'app', tid: TID });
    const denied = await fetch(`${idp.graphBaseUrl}/v1.0/users/${ALICE.upn}/messages?$top=1`, { headers: { authorization: `Bearer ${before?.accessToken}` } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: 'ErrorAccessDenied' } });

    idp.grantConsent({ tenantId: TID, clientId, application: ['Mail.Read', 'User.Read.All'] });
    const after = await cca.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`], skipCache: true });
    expect(payload(after?.accessToken ?? '')['roles']).toEqual(['Mail.Read', 'User.Read.All']);
    const messages = await fetch(`${idp.graphBaseUrl}/v1.0/users/${ALICE.upn}/messages?$top=1`, { headers: { authorization: `Bearer ${after?.accessToken}` } });
    expect(messages.status).toBe(200);
    expect(((await messages.json()) as { value: unknown[] }).value).toHaveLength(1);
  });
});
