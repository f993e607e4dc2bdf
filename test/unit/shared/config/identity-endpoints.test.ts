import { describe, expect, it } from 'vitest';
import { isProductionEndpoints, msalAuthorityFor, parseIdentityEndpoints, PRODUCTION_IDENTITY_ENDPOINTS } from '../../../../shared/config/identity-endpoints';
import { ErrorCode } from '../../../../shared/errors/error-codes';

describe('parseIdentityEndpoints', () => {
  it('defaults to Microsoft\'s worldwide cloud when unset or blank', () => {
    expect(parseIdentityEndpoints(undefined)).toEqual({ ok: true, value: PRODUCTION_IDENTITY_ENDPOINTS });
    expect(parseIdentityEndpoints('  ')).toEqual({ ok: true, value: PRODUCTION_IDENTITY_ENDPOINTS });
    expect(PRODUCTION_IDENTITY_ENDPOINTS).toEqual({ authorityHost: 'https://login.microsoftonline.com', graphHost: 'https://graph.microsoft.com' });
  });

  it('accepts both hosts, normalised to origins', () => {
    const r = parseIdentityEndpoints('{"authorityHost":"https://localhost:8443/","graphHost":"https://LOCALHOST:8444"}');
    expect(r).toEqual({ ok: true, value: { authorityHost: 'https://localhost:8443', graphHost: 'https://localhost:8444' } });
  });

  it('keeps the production value of a key left out', () => {
    const r = parseIdentityEndpoints('{"authorityHost":"https://login.example.test"}');
    expect(r).toEqual({ ok: true, value: { authorityHost: 'https://login.example.test', graphHost: 'https://graph.microsoft.com' } });
  });

  it.each([
    ['{"authorityHost":"http://localhost:8443"}', 'authorityHost', /https/],
    ['{"graphHost":"https://graph.example/v1.0"}', 'graphHost', /origin only/],
    ['{"graphHost":"https://u:p@graph.example"}', 'graphHost', /credentials/],
    ['{"authorityHost":"login.example"}', 'authorityHost', /absolute URL/],
    ['{"authorityHost":42}', 'authorityHost', /string/],
    ['{"authorityhost":"https://x.example"}', 'authorityhost', /not a known setting/],
  ])('rejects %s with a problem on %s', (raw, field, message) => {
    expect(parseIdentityEndpoints(raw)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ConfigInvalid, fields: [{ field, message: expect.stringMatching(message) }] },
    });
  });

  it('rejects malformed JSON and non-objects without echoing values', () => {
    for (const raw of ['{', '[]', '"https://x"', 'null']) {
      expect(parseIdentityEndpoints(raw)).toMatchObject({ ok: false, error: { code: ErrorCode.ConfigInvalid } });
    }
  });
});

describe('msalAuthorityFor', () => {
  it('needs no knownAuthorities in production', () => {
    expect(msalAuthorityFor(PRODUCTION_IDENTITY_ENDPOINTS, 'contoso.example')).toEqual({ authority: 'https://login.microsoftonline.com/contoso.example/', knownAuthorities: [] });
    expect(isProductionEndpoints(PRODUCTION_IDENTITY_ENDPOINTS)).toBe(true);
  });

  it('lists another authority host (with port) as known', () => {
    const endpoints = { authorityHost: 'https://localhost:8443', graphHost: 'https://localhost:8444' };
    expect(msalAuthorityFor(endpoints, '8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b')).toEqual({ authority: 'https://localhost:8443/8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b/', knownAuthorities: ['localhost:8443'] });
    expect(isProductionEndpoints(endpoints)).toBe(false);
  });
});
