import { describe, expect, it } from 'vitest';
import { checkExternalUrl, EXTERNAL_HOST_ALLOW_LIST } from '../../../../shared/security/external-url-policy';

describe('checkExternalUrl', () => {
  it.each([
    'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent?client_id=x',
    'https://oproxy.demisto.ninja/ms-graph-mail-listener',
    'https://xsoar.pan.dev/docs/reference/articles/microsoft-integrations---authentication',
    'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps',
    'https://LOGIN.MICROSOFTONLINE.COM/common',
  ])('allows %s', (url) => {
    expect(checkExternalUrl(url).allowed).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example/phish', 'not on the allow-list'],
    ['a look-alike subdomain', 'https://login.microsoftonline.com.evil.example/', 'not on the allow-list'],
    ['http:', 'http://login.microsoftonline.com/', 'scheme "http:"'],
    ['file:', 'file:///etc/passwd', 'scheme "file:"'],
    ['javascript:', 'javascript:alert(1)', 'scheme "javascript:"'],
    ['a custom scheme', 'ms-settings:privacy', 'scheme "ms-settings:"'],
    ['embedded credentials', 'https://user:pw@login.microsoftonline.com/', 'embedded credentials'],
    ['a non-default port', 'https://login.microsoftonline.com:8443/', 'not on the allow-list'],
    ['garbage', 'not a url', 'not a valid absolute URL'],
  ])('refuses %s', (_what, url, reason) => {
    const verdict = checkExternalUrl(url);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain(reason);
  });

  it('admits an extra host only with its exact port', () => {
    expect(checkExternalUrl('https://localhost:9443/tid/v2.0/adminconsent', ['localhost:9443']).allowed).toBe(true);
    expect(checkExternalUrl('https://localhost:9444/', ['localhost:9443']).allowed).toBe(false);
    expect(checkExternalUrl('http://localhost:9443/', ['localhost:9443']).allowed).toBe(false);
  });

  it('keeps the allow-list immutable', () => {
    expect(Object.isFrozen(EXTERNAL_HOST_ALLOW_LIST)).toBe(true);
  });
});
