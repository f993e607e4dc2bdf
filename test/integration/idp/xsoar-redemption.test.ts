import { describe, expect, it } from 'vitest';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { decodeJwt } from '../../idp/jwt';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { createClientCertificate } from '../../idp/test-ca';
import { ALICE, MAIL_PERMISSIONS, newClientId, TID } from './fixture';
import { codeFromBrowser, expectEntraError, postToken, xsoarClientAssertion, xsoarLoginUrl } from './flows';
import { usePlatformSession } from './platform-session';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

describe('XSOAR-compatible redemption of a Web auth code (plain form POST, no PKCE, no scope)', () => {
  it('redeems once with client_secret, refreshes, and the token reads the mailbox', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: ['xsoar-secret'], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, 'contoso.example', clientId, catcher.redirectUri), ALICE);
    const form = { client_id: clientId, redirect_uri: catcher.redirectUri, grant_type: 'authorization_code', code, client_secret: 'xsoar-secret' };

    const first = await postToken(idp, TID, form);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(typeof first.body['refresh_token']).toBe('string');
    const at = String(first.body['access_token']);
    expect(decodeJwt(at)?.payload).toMatchObject({ aud: 'https://graph.microsoft.com', scp: 'Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite User.Read', upn: ALICE.upn });
    const inbox = await fetch(`${idp.graphBaseUrl}/v1.0/users/${ALICE.upn}/mailFolders/inbox/messages?$top=1`, { headers: { authorization: `Bearer ${at}` } });
    expect(inbox.status).toBe(200);

    const second = await postToken(idp, TID, form);
    expect(second.status).toBe(400);
    expectEntraError(second.body, 'invalid_grant', 54005);

    const refreshed = await postToken(idp, TID, { client_id: clientId, redirect_uri: catcher.redirectUri, grant_type: 'refresh_token', refresh_token: String(first.body['refresh_token']), client_secret: 'xsoar-secret' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['access_token']).not.toBe(at);
  });

  it('redeems with XSOAR\'s certificate assertion (RS256, padded x5t)', async () => {
    const cert = createClientCertificate('xsoar');
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], certificates: [cert.certPem], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, TID, clientId, catcher.redirectUri), ALICE);
    const tokenEndpoint = `${idp.authority(TID)}oauth2/v2.0/token`;
    const result = await postToken(idp, TID, {
      client_id: clientId, redirect_uri: catcher.redirectUri, grant_type: 'authorization_code', code,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: xsoarClientAssertion(tokenEndpoint, clientId, cert.thumbprintSha1, cert.keyPem),
    });
    expect(result.status).toBe(200);
    expect(typeof result.body['refresh_token']).toBe('string');
  });
});
