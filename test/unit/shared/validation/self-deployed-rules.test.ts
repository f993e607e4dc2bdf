import { describe, expect, it } from 'vitest';
import {
  checkClientId,
  checkClientSecretValue,
  checkTenant,
  checkXsoarRedirectUri,
  loopbackRedirect,
  normalizeThumbprint,
  tenantKind,
} from '../../../../shared/validation/self-deployed-rules';

const GUID = '11111111-2222-3333-4444-555555555555';

describe('checkTenant', () => {
  it.each([
    [GUID, GUID, 0],
    [` ${GUID.toUpperCase()} `, GUID, 0],
    ['contoso.onmicrosoft.com', 'contoso.onmicrosoft.com', 1],
    ['Contoso.CO.UK', 'contoso.co.uk', 1],
    ['my-org.example', 'my-org.example', 1],
  ])('accepts %s', (input, value, warnings) => {
    const v = checkTenant(input);
    expect(v).toMatchObject({ ok: true, value });
    if (v.ok) expect(v.warnings).toHaveLength(warnings);
  });

  it.each([
    ['', /Directory \(tenant\) ID/],
    ['common', /any work or personal account/],
    ['Organizations', /any organization/],
    ['consumers', /personal Microsoft accounts/],
    ['https://login.microsoftonline.com/contoso.com', /not a URL/],
    ['contoso', /neither/],
    ['1111-2222', /neither/],
    ['-contoso.com', /neither/],
    ['contoso..com', /neither/],
    ['contoso.com/', /neither/],
  ])('refuses %j', (input, message) => {
    const v = checkTenant(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(message);
  });

  it('classifies tenants', () => {
    expect(tenantKind(GUID)).toBe('guid');
    expect(tenantKind('contoso.com')).toBe('domain');
    expect(tenantKind('common')).toBeNull();
  });
});

describe('checkClientId', () => {
  it.each([
    [GUID, true],
    [GUID.toUpperCase(), true],
    ['', false],
    ['my-app', false],
    [`${GUID}0`, false],
  ])('%j ok=%s', (input, ok) => {
    expect(checkClientId(input).ok).toBe(ok);
  });
});

describe('checkXsoarRedirectUri', () => {
  it.each([
    ['https://localhost', 0],
    ['https://localhost/', 0],
    [' https://xsoar.contoso.com/callback ', 0],
    ['http://localhost', 0],
    ['http://localhost:8080/cb', 0],
    ['http://127.0.0.1:8080', 1],
    ['https://xsoar/cb?a=1&b=2', 1],
  ])('accepts %s with %i warning(s)', (input, warnings) => {
    const v = checkXsoarRedirectUri(input);
    expect(v).toMatchObject({ ok: true, value: input.trim() });
    if (v.ok) expect(v.warnings).toHaveLength(warnings);
  });

  it.each([
    ['', /https:\/\/localhost/],
    ['localhost', /absolute/],
    ['/callback', /absolute/],
    ['https://localhost/#frag', /fragment/],
    ['https://local host', /spaces/],
    ['https://*.contoso.com', /wildcards/],
    ['http://xsoar.contoso.com', /only for localhost/],
    ['ftp://files.contoso.com', /https:\/\//],
    ['urn:ietf:wg:oauth:2.0:oob', /absolute/],
    [`https://x.com/${'a'.repeat(250)}`, /256/],
  ])('refuses %j', (input, message) => {
    const v = checkXsoarRedirectUri(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(message);
  });
});

describe('loopbackRedirect', () => {
  it.each([
    ['http://localhost', { host: 'localhost', port: 80, explicitPort: false, path: '/' }],
    ['http://localhost:8400', { host: 'localhost', port: 8400, explicitPort: true, path: '/' }],
    ['http://127.0.0.1:53000/callback', { host: '127.0.0.1', port: 53000, explicitPort: true, path: '/callback' }],
    [' http://LOCALHOST:9000/ ', { host: 'localhost', port: 9000, explicitPort: true, path: '/' }],
    ['https://localhost', null],
    ['http://localhost.evil.com', null],
    ['http://127.0.0.2', null],
    ['http://[::1]:8080', null],
    ['http://user:pw@localhost:8080', null],
    ['not a url', null],
  ])('%s', (input, expected) => {
    expect(loopbackRedirect(input)).toEqual(expected);
  });
});

describe('checkClientSecretValue', () => {
  it('refuses a GUID: the Secret ID, not the Value (as the Key field refuses its mix-up)', () => {
    expect(checkClientSecretValue(GUID)).toMatchObject({ ok: false, error: expect.stringContaining('Secret ID') });
  });

  const VALUE = 'Abc8Q~xYz0123456789abcdefghijKLMNOPqrstu';
  it.each([
    [VALUE, []],
    [` ${VALUE}\n`, []],
    ['short~secret', [/about 40 characters/]],
  ])('accepts %j with warnings', (input, warnings) => {
    const v = checkClientSecretValue(input);
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.value).toBe(input.trim());
      expect(v.warnings).toHaveLength(warnings.length);
      warnings.forEach((w, i) => expect(v.warnings[i]).toMatch(w));
    }
  });

  it.each([[''], ['  '], ['abc def~0123456789012345678901234567890']])('refuses %j', (input) => {
    expect(checkClientSecretValue(input).ok).toBe(false);
  });
});

describe('normalizeThumbprint', () => {
  const HEX = 'A1B2C3D4E5F60718293A4B5C6D7E8F9001122334';
  it.each([
    [HEX, false],
    [HEX.toLowerCase(), false],
    ['A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:01:12:23:34', true],
    ['a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 01 12 23 34', true],
    ['SHA1 Fingerprint=A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:01:12:23:34', true],
    ['sha1 fingerprint = a1b2c3d4e5f60718293a4b5c6d7e8f9001122334', true],
    [`\u200E${HEX}`, true],
    [`  ${HEX}\n`, false],
  ])('normalises %j', (input, changed) => {
    expect(normalizeThumbprint(input)).toEqual({ ok: true, thumbprint: HEX, changed });
  });

  it.each([
    ['', /Enter/],
    ['A1B2', /40 hexadecimal characters; this one has 4/],
    [`${HEX}G`, /hexadecimal/],
    ['AB'.repeat(32), /SHA-256/],
    [`${HEX}00`, /this one has 42/],
  ])('refuses %j', (input, message) => {
    const v = normalizeThumbprint(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(message);
  });
});
