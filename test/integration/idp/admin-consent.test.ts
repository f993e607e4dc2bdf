import { describe, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { decodeJwt } from '../../idp/jwt';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { ADMIN, ALICE, GRAPH, MAIL_PERMISSIONS, newClientId, TID } from './fixture';
import { usePlatformSession } from './platform-session';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

function app(): string {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: ['s'], delegatedPermissions: [...MAIL_PERMISSIONS], applicationPermissions: ['Mail.Read'] });
  return clientId;
}

function v2Url(tenant: string, clientId: string, redirectUri: string, scope = `${GRAPH}/.default`): string {
  return `${idp.authority(tenant)}v2.0/adminconsent?${new URLSearchParams({ client_id: clientId, scope, redirect_uri: redirectUri, state: 'st-42' })}`;
}

describe('admin consent endpoints', () => {
  it('v2: the admin accepts; the redirect carries admin_consent=True, tenant, scope, state; later tokens carry the grant', async () => {
    const clientId = app();
    const outcome = await browser.play(v2Url('contoso.example', clientId, catcher.redirectUri), { user: ADMIN, consent: 'accept' });
    expect(outcome.kind).toBe('left-platform');
    const q = await catcher.next();
    expect(Object.fromEntries(q)).toEqual({ admin_consent: 'True', tenant: TID, scope: `${GRAPH}/.default`, state: 'st-42' });
    expect([...idp.consentedScopes(TID, clientId, ALICE.upn)].toSorted()).toEqual([...MAIL_PERMISSIONS].toSorted());
    const cc = new ConfidentialClientApplication({ auth: { clientId, clientSecret: 's', authority: idp.authority(TID), knownAuthorities: [idp.authorityHostAndPort] } });
    const token = await cc.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] });
    expect(decodeJwt(token?.accessToken ?? '')?.payload['roles']).toEqual(['Mail.Read']);
  });

  it('v1 (/adminconsent): accepted without a scope parameter', async () => {
    const clientId = app();
    const url = `${idp.authority(TID)}adminconsent?${new URLSearchParams({ client_id: clientId, redirect_uri: catcher.redirectUri, state: 'v1' })}`;
    await browser.play(url, { user: ADMIN, consent: 'accept' });
    expect(Object.fromEntries(await catcher.next())).toEqual({ admin_consent: 'True', tenant: TID, state: 'v1' });
  });

  it('declined: error=access_denied with AADSTS65004, state echoed, nothing granted', async () => {
    const clientId = app();
    await browser.play(v2Url(TID, clientId, catcher.redirectUri), { user: ADMIN, consent: 'decline' });
    const q = await catcher.next();
    expect(q.get('error')).toBe('access_denied');
    expect(q.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(q.get('state')).toBe('st-42');
    expect(idp.consentedScopes(TID, clientId, ALICE.upn).size).toBe(0);
  });

  it('refuses a non-admin, an unregistered redirect URI and an unknown app with AADSTS pages', async () => {
    const clientId = app();
    expect(await browser.play(v2Url(TID, clientId, catcher.redirectUri), { user: ALICE, consent: 'accept' })).toMatchObject({ kind: 'error-page', code: 'AADSTS90094' });
    expect(await browser.play(v2Url(TID, clientId, 'https://elsewhere.example/cb'), { user: ADMIN })).toMatchObject({ kind: 'error-page', code: 'AADSTS50011' });
    expect(await browser.play(v2Url(TID, newClientId(), catcher.redirectUri), { user: ADMIN })).toMatchObject({ kind: 'error-page', code: 'AADSTS700016' });
    expect(await browser.play(v2Url('unknown.example', clientId, catcher.redirectUri), { user: ADMIN })).toMatchObject({ kind: 'error-page', code: 'AADSTS90002' });
  });

  it('the page offers Accept and Decline; closing the tab leaves consent ungranted', async () => {
    const clientId = app();
    expect(await browser.play(v2Url(TID, clientId, catcher.redirectUri), { closeTab: true })).toEqual({ kind: 'closed' });
    const html = await (await fetch(v2Url(TID, clientId, catcher.redirectUri))).text();
    expect(html).toContain('id="idSIButton9"');
    expect(html).toContain('>Accept<');
    expect(html).toContain('>Decline<');
    expect(idp.consentedScopes(TID, clientId, ALICE.upn).size).toBe(0);
  });
});
