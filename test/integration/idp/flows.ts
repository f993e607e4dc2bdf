import { createSign, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { BrowserUser, Credentials } from '../../idp/browser-user';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import type { IdentityPlatform } from '../../idp/identity-platform';

/**
 * The login URL XSOAR's self-deployed instructions have the user open (spec §3b): offline_access plus Graph
 * `.default`, a Web redirect, no PKCE.
 */
export function xsoarLoginUrl(idp: IdentityPlatform, tenant: string, clientId: string, redirectUri: string): string {
  const q = new URLSearchParams({ response_type: 'code', scope: 'offline_access https://graph.microsoft.com/.default', client_id: clientId, redirect_uri: redirectUri });
  return `${idp.authority(tenant)}oauth2/v2.0/authorize?${q}`;
}

/** Opens `url` in the browser as `user` (accepting consent) and returns the code delivered to the catcher. */
export async function codeFromBrowser(browser: BrowserUser, catcher: RedirectCatcher, url: string, user: Credentials): Promise<string> {
  const outcome = await browser.play(url, { user, consent: 'accept' });
  expect(outcome.kind).toBe('left-platform');
  const code = (await catcher.next()).get('code');
  if (!code) throw new Error('no code in the redirect');
  return code;
}

/** A form POST to the tenant's token endpoint, as XSOAR's MicrosoftClient sends it. */
export async function postToken(idp: IdentityPlatform, tenant: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${idp.authority(tenant)}oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function b64json(o: object): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

/**
 * A client assertion exactly as XSOAR builds it (msal-python's JwtAssertionCreator via PyJWT): RS256, typ JWT,
 * `x5t` = base64url *with padding* of the SHA-1 thumbprint bytes, aud = token endpoint, iss = sub = client id.
 */
export function xsoarClientAssertion(tokenEndpoint: string, clientId: string, sha1Hex: string, privateKeyPem: string): string {
  const x5t = Buffer.from(sha1Hex, 'hex').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64json({ alg: 'RS256', typ: 'JWT', x5t })}.${b64json({ aud: tokenEndpoint, iss: clientId, sub: clientId, exp: now + 600, iat: now, jti: randomUUID() })}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKeyPem).toString('base64url')}`;
}

/** Asserts an Entra-shaped error body carrying `AADSTS<code>`. */
export function expectEntraError(body: Record<string, unknown>, error: string, code: number): void {
  expect(body).toMatchObject({ error, error_codes: [code] });
  expect(String(body['error_description'])).toMatch(new RegExp(`^AADSTS${code}: `));
  for (const field of ['timestamp', 'trace_id', 'correlation_id']) expect(typeof body[field]).toBe('string');
}
