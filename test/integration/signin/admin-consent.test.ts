import { describe, expect, it } from 'vitest';
import { AdminConsentService } from '../../../main/auth/admin-consent-service';
import { TenantResolver } from '../../../main/auth/tenant-resolver';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { ADMIN, ALICE, MAIL_PERMISSIONS, newClientId, TID } from '../idp/fixture';
import { endpointsOf, PlayingBrowser, portIsOpen, until } from './signin-fixture';
import { usePlatformSession } from '../idp/platform-session';
import { expectCancelClosesPort, expectTimeoutClosesPort } from './loopback-stop-checks';

let idp: IdentityPlatform;
let browser: BrowserUser;
usePlatformSession((s) => ({ idp, browser } = s));

/** An app whose Mobile-and-desktop redirect `http://localhost` admits any loopback port, as in Entra. */
function app(): string {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, publicRedirectUris: ['http://localhost'], delegatedPermissions: [...MAIL_PERMISSIONS] });
  return clientId;
}

function service(opener: PlayingBrowser, timeoutMs?: number): AdminConsentService {
  const endpoints = endpointsOf(idp);
  return new AdminConsentService(opener, endpoints, new TenantResolver(createNodeFetchClient(), endpoints), timeoutMs);
}

describe('AdminConsentService with the real browser', () => {
  it('accept: reports the grant for the tenant we asked, and users then have the four permissions', async () => {
    const clientId = app();
    const opener = new PlayingBrowser(browser, { user: ADMIN, consent: 'accept' });
    const result = await service(opener).grant({ tenant: 'contoso.example', clientId });
    expect(result).toEqual({ ok: true, value: { tenantId: TID, scopes: MAIL_PERMISSIONS.map((p) => `https://graph.microsoft.com/${p}`) } });
    const outcome = await opener.outcome();
    expect(outcome).toMatchObject({ kind: 'left-platform', text: expect.stringContaining('Admin consent received') });
    expect([...idp.consentedScopes(TID, clientId, ALICE.upn)].toSorted()).toEqual([...MAIL_PERMISSIONS].toSorted());
    const port = Number(new URL(opener.lastRedirectUri()).port);
    expect(await portIsOpen(port)).toBe(false);
  });

  it('decline: oauth/consent-declined with the AADSTS65004 explanation, nothing granted', async () => {
    const clientId = app();
    const opener = new PlayingBrowser(browser, { user: ADMIN, consent: 'decline' });
    const result = await service(opener).grant({ tenant: TID, clientId });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.OAuthConsentDeclined, message: expect.stringContaining('AADSTS65004') } });
    expect((await opener.outcome()).kind).toBe('left-platform');
    expect(idp.consentedScopes(TID, clientId, ALICE.upn).size).toBe(0);
  });

  it('a response with another state is refused (400) and ignored; the real one still completes', async () => {
    const clientId = app();
    const opener = new PlayingBrowser(browser, null);
    const pending = service(opener).grant({ tenant: TID, clientId });
    await until(() => opener.opened.length === 1);
    const redirect = opener.lastRedirectUri();
    const forged = await fetch(`${redirect}/?admin_consent=True&tenant=${TID}&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain('forged');
    const noState = await fetch(`${redirect}/?admin_consent=True`);
    expect(noState.status).toBe(400);
    // The real administrator now accepts in the browser.
    const outcome = await browser.play(opener.opened[0] ?? '', { user: ADMIN, consent: 'accept' });
    expect(outcome.kind).toBe('left-platform');
    expect(await pending).toMatchObject({ ok: true, value: { tenantId: TID } });
  });

  it('cancel closes the port and returns op/cancelled', async () => {
    await expectCancelClosesPort(browser, (opener, signal) => service(opener).grant({ tenant: TID, clientId: app() }, signal));
  });

  it('timeout closes the port and returns op/timeout', async () => {
    await expectTimeoutClosesPort(browser, (opener) => service(opener, 1_500).grant({ tenant: TID, clientId: app() }));
  });
});
