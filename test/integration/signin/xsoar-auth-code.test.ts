import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { XsoarAuthCodeService } from '../../../main/auth/xsoar-auth-code-service';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { createClientCertificate } from '../../idp/test-ca';
import { ALICE, MAIL_PERMISSIONS, newClientId, TID } from '../idp/fixture';
import { endpointsOf, PlayingBrowser, portIsOpen, until } from './signin-fixture';
import { integrationClientAssertion, redeemLikeIntegration } from './xsoar-assertion';
import { usePlatformSession } from '../idp/platform-session';
import { freePort } from '../../support/free-port';

let idp: IdentityPlatform;
let browser: BrowserUser;
usePlatformSession((s) => ({ idp, browser } = s));

function tokenEndpoint(): string {
  return `${idp.authority(TID)}oauth2/v2.0/token`;
}

describe('XsoarAuthCodeService: the integration\'s login URL, code caught on a loopback redirect', () => {
  it('secret: the captured code redeems once exactly as XSOAR does; the second redemption is AADSTS54005', async () => {
    const redirectUri = `http://localhost:${await freePort()}/xsoar-callback`;
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [redirectUri], secrets: ['xsoar-secret'], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const service = new XsoarAuthCodeService(opener, endpointsOf(idp));

    const attempt = service.prepare({ tenantId: TID, clientId, redirectUri, mailbox: ALICE.upn });
    if (!attempt.ok) throw new Error(attempt.error.message);
    expect(attempt.value.loopback).toBe(true);
    const url = new URL(attempt.value.url);
    expect(url.searchParams.get('scope')).toBe('offline_access https://graph.microsoft.com/.default');
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.get('login_hint')).toBe(ALICE.upn);

    const captured = await service.capture(attempt.value);
    if (!captured.ok) throw new Error(captured.error.message);
    expect(captured.value.capturedBy).toBe('loopback');
    expect(captured.value.code).not.toMatch(/session_state|code=/);
    expect(await opener.outcome()).toMatchObject({ kind: 'left-platform', text: expect.stringContaining('Authorization code received') });
    expect(await portIsOpen(Number(new URL(redirectUri).port))).toBe(false);

    const form = { client_id: clientId, redirect_uri: redirectUri, code: captured.value.code, client_secret: 'xsoar-secret' };
    const first = await redeemLikeIntegration(tokenEndpoint(), form);
    expect(first.status).toBe(200);
    expect(typeof first.body['refresh_token']).toBe('string');
    const second = await redeemLikeIntegration(tokenEndpoint(), form);
    expect(second.status).toBe(400);
    expect(second.body['error_codes']).toEqual([54005]);
  });

  it('certificate: the captured code redeems with the integration\'s RS256 client assertion (x5t = SHA-1)', async () => {
    const redirectUri = `http://localhost:${await freePort()}/`;
    const cert = createClientCertificate('xsoar-instance');
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [redirectUri], certificates: [cert.certPem], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const service = new XsoarAuthCodeService(opener, endpointsOf(idp));
    const attempt = service.prepare({ tenantId: TID, clientId, redirectUri, mailbox: ALICE.upn });
    if (!attempt.ok) throw new Error(attempt.error.message);
    const captured = await service.capture(attempt.value);
    if (!captured.ok) throw new Error(captured.error.message);
    expect((await opener.outcome()).kind).toBe('left-platform');

    const assertion = (): Record<string, string> => ({
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: integrationClientAssertion(tokenEndpoint(), clientId, cert.thumbprintSha1, cert.keyPem),
    });
    const form = { client_id: clientId, redirect_uri: redirectUri, code: captured.value.code };
    expect((await redeemLikeIntegration(tokenEndpoint(), { ...form, ...assertion() })).status).toBe(200);
    const again = await redeemLikeIntegration(tokenEndpoint(), { ...form, ...assertion() });
    expect(again.body['error_codes']).toEqual([54005]);
  });

  it('port already taken: auth/port-in-use, so the wizard falls back to pasting; the pasted address yields the code', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const service = new XsoarAuthCodeService(new PlayingBrowser(browser, null), endpointsOf(idp));
      const attempt = service.prepare({ tenantId: TID, clientId: newClientId(), redirectUri: `http://localhost:${port}`, mailbox: ALICE.upn });
      if (!attempt.ok) throw new Error(attempt.error.message);
      expect(await service.capture(attempt.value)).toMatchObject({ ok: false, error: { code: ErrorCode.AuthPortInUse } });
      const pasted = service.extractPasted(attempt.value, `http://localhost:${port}/?code=0.AXYZ-code&state=${attempt.value.state}&session_state=abc`);
      expect(pasted).toEqual({ ok: true, value: { code: '0.AXYZ-code', capturedBy: 'paste' } });
      const denied = service.extractPasted(attempt.value, `http://localhost:${port}/?error=access_denied&error_description=AADSTS65004%3A+declined&state=${attempt.value.state}`);
      expect(denied).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 65004 } });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('cancel closes the XSOAR port; a non-loopback redirect cannot be captured', async () => {
    const port = await freePort();
    const opener = new PlayingBrowser(browser, null);
    const service = new XsoarAuthCodeService(opener, endpointsOf(idp));
    const attempt = service.prepare({ tenantId: TID, clientId: newClientId(), redirectUri: `http://localhost:${port}/cb`, mailbox: ALICE.upn });
    if (!attempt.ok) throw new Error(attempt.error.message);
    const controller = new AbortController();
    const pending = service.capture(attempt.value, controller.signal);
    await until(() => opener.opened.length === 1);
    expect(await portIsOpen(port)).toBe(true);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
    expect(await portIsOpen(port)).toBe(false);

    const https = service.prepare({ tenantId: TID, clientId: newClientId(), redirectUri: 'https://localhost', mailbox: ALICE.upn });
    if (!https.ok) throw new Error(https.error.message);
    expect(https.value.loopback).toBe(false);
    expect(await service.capture(https.value)).toMatchObject({ ok: false, error: { code: ErrorCode.AuthPortInUse } });
  });
});
