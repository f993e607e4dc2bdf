import { describe, expect, it } from 'vitest';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { SignInVerificationService } from '../../../main/auth/sign-in-verification-service';
import { TenantResolver } from '../../../main/auth/tenant-resolver';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import type { HttpClient } from '../../../main/ports/http-client';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { ALICE, BOB, MAIL_PERMISSIONS, newClientId, publicApp, TID } from '../idp/fixture';
import { endpointsOf, PlayingBrowser, portIsOpen } from './signin-fixture';
import { usePlatformSession } from '../idp/platform-session';
import { expectCancelClosesPort, expectTimeoutClosesPort } from './loopback-stop-checks';

/** A real ICachePlugin keeping MSAL's serialized cache in memory (the app injects the keychain-backed one). */
class MemoryCachePlugin implements ICachePlugin {
  serialized = '';
  writes = 0;
  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.serialized) context.tokenCache.deserialize(this.serialized);
  }
  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) {
      this.serialized = context.tokenCache.serialize();
      this.writes += 1;
    }
  }
}

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

function service(opener: PlayingBrowser, cache?: ICachePlugin, timeoutMs?: number): SignInVerificationService {
  const http = createNodeFetchClient();
  const endpoints = endpointsOf(idp);
  return new SignInVerificationService(http, endpoints, new TenantResolver(http, endpoints), opener, cache, timeoutMs === undefined ? {} : { timeoutMs });
}

function byId(checks: readonly { id: string; passed: boolean }[]): Record<string, boolean> {
  return Object.fromEntries(checks.map((c) => [c.id, c.passed]));
}

describe('SignInVerificationService: loopback sign-in (Mobile-and-desktop redirect) with the real browser', () => {
  it('success: every line ✓, tokens cached through the plugin, the listener is closed', async () => {
    const app = idp.registerApp(publicApp());
    const cache = new MemoryCachePlugin();
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const result = await service(opener, cache).verify({ tenant: 'contoso.example', clientId: app.clientId, mailbox: 'Alice@Contoso.example', folderToFetch: 'Inbox/Phishing', prompt: 'login' });
    if (!result.ok) throw new Error(result.error.message);
    expect(byId(result.value.checks)).toEqual({ scopes: true, account: true, 'read-mail': true, folder: true });
    expect(result.value.allPassed).toBe(true);
    expect(result.value.account).toMatchObject({ username: ALICE.upn, tenantId: TID });
    expect(result.value.checks.every((c) => c.fix === null)).toBe(true);

    const url = new URL(opener.opened[0] ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('login_hint')).toBe('Alice@Contoso.example');
    // The test platform (oidc-provider) lacks Entra's select_account, so the tests ask for a fresh login.
    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(await opener.outcome()).toMatchObject({ kind: 'left-platform', text: expect.stringContaining('Signed in') });

    expect(cache.writes).toBeGreaterThan(0);
    expect(cache.serialized).toContain(ALICE.upn);
    expect(await portIsOpen(Number(new URL(opener.lastRedirectUri()).port))).toBe(false);
  });

  it('fetches the tenant\'s openid-configuration once per sign-in (MSAL reuses the resolver\'s copy)', async () => {
    const app = idp.registerApp(publicApp());
    const inner = createNodeFetchClient();
    const requested: string[] = [];
    // The real client, recording each URL it is asked for.
    const http: HttpClient = { send: (request) => (requested.push(request.url), inner.send(request)) };
    const endpoints = endpointsOf(idp);
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const svc = new SignInVerificationService(http, endpoints, new TenantResolver(http, endpoints), opener);
    const result = await svc.verify({ tenant: 'contoso.example', clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.allPassed).toBe(true);
    expect(requested.filter((url) => url.includes('/.well-known/openid-configuration'))).toHaveLength(1);
  });

  it('wrong mailbox signed in: the account line is ✗ with a fix, and the mailbox is not readable', async () => {
    const app = idp.registerApp(publicApp());
    const opener = new PlayingBrowser(browser, { user: BOB, consent: 'accept' });
    const result = await service(opener).verify({ tenant: TID, clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login' });
    if (!result.ok) throw new Error(result.error.message);
    const account = result.value.checks.find((c) => c.id === 'account');
    expect(account).toMatchObject({ passed: false, detail: `Signed in as ${BOB.upn}, but the mailbox is ${ALICE.upn}.` });
    expect(account?.fix).toContain(ALICE.upn);
    expect(byId(result.value.checks)).toMatchObject({ scopes: true, account: false, 'read-mail': false });
    expect(result.value.checks.find((c) => c.id === 'read-mail')?.detail).toContain('403');
    expect(result.value.allPassed).toBe(false);
  });

  it('unknown folder: the folder line is ✗ with the integration\'s own wording', async () => {
    const app = idp.registerApp(publicApp());
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const result = await service(opener).verify({ tenant: TID, clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox/Phishin', prompt: 'login' });
    if (!result.ok) throw new Error(result.error.message);
    expect(byId(result.value.checks)).toEqual({ scopes: true, account: true, 'read-mail': true, folder: false });
    expect(result.value.checks.find((c) => c.id === 'folder')?.detail).toContain('No such folder exist: Inbox/Phishin');
  });

  it('consent not granted for one permission (the user declines the remaining one): AADSTS65004 explained, no token', async () => {
    const app = idp.registerApp(publicApp());
    idp.grantConsent({ tenantId: TID, clientId: app.clientId, delegated: ['Mail.ReadWrite', 'Mail.Send', 'User.Read'], userUpn: ALICE.upn });
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'decline' });
    const result = await service(opener).verify({ tenant: TID, clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login' });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 65004, explanation: { title: 'Consent declined' } } });
    expect(await opener.outcome()).toMatchObject({ kind: 'left-platform', text: expect.stringContaining('Sign-in failed') });
    expect([...idp.consentedScopes(TID, app.clientId, ALICE.upn)]).not.toContain('MailboxSettings.ReadWrite');
  });

  it('cancel: op/cancelled and the port is closed', async () => {
    const app = idp.registerApp(publicApp());
    await expectCancelClosesPort(browser, (opener, signal) =>
      service(opener).verify({ tenant: TID, clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login' }, signal),
    );
  });

  it('timeout: op/timeout and the port is closed', async () => {
    const app = idp.registerApp(publicApp());
    await expectTimeoutClosesPort(browser, (opener) =>
      service(opener, undefined, 2_000).verify({ tenant: TID, clientId: app.clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login' }),
    );
  });
});

describe('SignInVerificationService: Web redirect with the app credential and a pasted address', () => {
  it('redeems the pasted address once and runs the checklist; a second paste is refused', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: ['web-secret'], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const opener = new PlayingBrowser(browser, { user: ALICE, consent: 'accept' });
    const svc = service(opener);
    const request = { tenant: TID, clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login', redirectUri: catcher.redirectUri, credential: { kind: 'secret', secret: 'web-secret' } } as const;
    const begun = await svc.beginWebSignIn(request);
    if (!begun.ok) throw new Error(begun.error.message);
    expect(new URL(begun.value.url).searchParams.get('code_challenge_method')).toBe('S256');
    expect((await opener.outcome()).kind).toBe('left-platform');
    const pasted = `${catcher.redirectUri}?${(await catcher.next()).toString()}`;

    const done = await svc.completeWebSignIn(begun.value.attemptId, pasted);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.allPassed).toBe(true);
    expect(await svc.completeWebSignIn(begun.value.attemptId, pasted)).toMatchObject({ ok: false, error: { code: ErrorCode.OAuthStateMismatch } });
  });

  it('a pasted address from another sign-in (other state) is refused and the attempt stays pending', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: ['web-secret'], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const svc = service(new PlayingBrowser(browser, null));
    const begun = await svc.beginWebSignIn({ tenant: TID, clientId, mailbox: ALICE.upn, folderToFetch: 'Inbox', prompt: 'login', redirectUri: catcher.redirectUri, credential: { kind: 'secret', secret: 'web-secret' } });
    if (!begun.ok) throw new Error(begun.error.message);
    const result = await svc.completeWebSignIn(begun.value.attemptId, `${catcher.redirectUri}?code=abc&state=other`);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.OAuthStateMismatch, kind: 'state-mismatch' } });
    svc.cancelWebSignIn(begun.value.attemptId);
  });
});
