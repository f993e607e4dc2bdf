import { describe, expect, it } from 'vitest';
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import type { BrowserOutcome, BrowserUser, UserScript } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { decodeJwt } from '../../idp/jwt';
import { withTimeout } from '../../idp/with-timeout';
import { ALICE, BOB, GRAPH, INTERACTIVE_TIMEOUT_MS, MAIL_SCOPES, publicApp, TID } from './fixture';
import { usePlatformSession } from './platform-session';

let idp: IdentityPlatform;
let browser: BrowserUser;
usePlatformSession((s) => ({ idp, browser } = s));

/** Production configuration except the authority host (default AAD protocol mode). */
function pcaFor(clientId: string, tenant: string = TID): PublicClientApplication {
  return new PublicClientApplication({ auth: { clientId, authority: idp.authority(tenant), knownAuthorities: [idp.authorityHostAndPort] } });
}

/** Runs MSAL's interactive flow with the browser user playing `script`; both sides are awaited and time-bounded. */
async function signInInteractively(pca: PublicClientApplication, scopes: string[], script: UserScript): Promise<{ result: AuthenticationResult; outcome: BrowserOutcome }> {
  let played: Promise<BrowserOutcome> | undefined;
  const settled = await withTimeout(pca.acquireTokenInteractive({
    scopes,
    openBrowser: async (url) => {
      played = browser.play(url, script);
    },
    successTemplate: 'Signed in. You can close this window.',
    errorTemplate: 'Sign-in failed: {{error}}',
  }), INTERACTIVE_TIMEOUT_MS, 'acquireTokenInteractive').then((result) => ({ result }), (error: unknown) => ({ error }));
  if (!played) throw new Error('MSAL never opened the browser');
  const outcome = await played;
  if ('error' in settled) throw settled.error;
  return { result: settled.result, outcome };
}

function claims(token: string): Record<string, unknown> {
  const jwt = decodeJwt(token);
  if (!jwt) throw new Error('not a JWT');
  return { ...jwt.payload };
}

describe('PublicClientApplication (system browser, loopback, form_post, PKCE) against the test platform', () => {
  it('signs in with user consent, gets Entra-shaped ids and a Graph token, then refreshes silently', async () => {
    const app = idp.registerApp(publicApp());
    const pca = pcaFor(app.clientId, 'contoso.example');
    const { result, outcome } = await signInInteractively(pca, MAIL_SCOPES, { user: ALICE, consent: 'accept' });

    expect(outcome).toMatchObject({ kind: 'left-platform', text: 'Signed in. You can close this window.' });
    const alice = idp.consentedScopes(TID, app.clientId, ALICE.upn);
    expect([...alice].toSorted()).toEqual(['Mail.ReadWrite', 'Mail.Send', 'MailboxSettings.ReadWrite', 'User.Read']);
    const account = result.account;
    expect(account?.username).toBe(ALICE.upn);
    expect(account?.tenantId).toBe(TID);
    expect(account?.authorityType).toBe('MSSTS');
    expect(account?.homeAccountId).toBe(`${account?.localAccountId}.${TID}`);
    expect(result.idTokenClaims).toMatchObject({ tid: TID, preferred_username: ALICE.upn, iss: `${idp.authorityHost}/${TID}/v2.0`, ver: '2.0' });

    const at = claims(result.accessToken);
    expect(at).toMatchObject({ aud: GRAPH, tid: TID, oid: account?.localAccountId, upn: ALICE.upn, scp: 'Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite User.Read' });
    const me = await fetch(`${idp.graphBaseUrl}/v1.0/me`, { headers: { authorization: `Bearer ${result.accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ userPrincipalName: ALICE.upn, id: account?.localAccountId });

    const again = await pca.acquireTokenSilent({ account: account!, scopes: MAIL_SCOPES, forceRefresh: true });
    expect(again.fromCache).toBe(false);
    expect(again.accessToken).not.toBe(result.accessToken);
    expect(claims(again.accessToken)['upn']).toBe(ALICE.upn);
  });

  it('skips the consent page once an admin has consented, and the token carries the admin-granted scopes', async () => {
    const app = idp.registerApp(publicApp({ consent: { admin: true } }));
    const { result } = await signInInteractively(pcaFor(app.clientId), [`${GRAPH}/Mail.ReadWrite`], { user: BOB, consent: 'decline' });
    // `decline` would have failed the flow had a consent page appeared.
    expect(claims(result.accessToken)['scp']).toBe('Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite User.Read');
  });

  it('reports a declined consent to MSAL as access_denied with AADSTS65004', async () => {
    const app = idp.registerApp(publicApp());
    const failure = await signInInteractively(pcaFor(app.clientId), MAIL_SCOPES, { user: BOB, consent: 'decline' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ errorCode: 'access_denied' });
    expect(String((failure as Error).message)).toContain('AADSTS65004');
  });
});
