import { describe, expect, it } from 'vitest';
import { extractAuthCode } from '../../../../shared/oauth/auth-code-extraction';
import { ErrorCode } from '../../../../shared/errors/error-codes';

// Shaped like an Entra ID v2 code: version prefix, dots, dashes, underscores.
const CODE = '1.AXEAx7-Yb_Qm0kq3ZzRq_Ab-CdEfGh.AgABBAIAAADW6jl31mB3T7ugrWTT8pFeAwDs_wUA9P9ZlUa9NfL0';
const SESSION = '9a0b61f4-17e2-4c1c-9a0e-6b6c9b9f0a11';

describe('extractAuthCode: finds the code', () => {
  it.each([
    ['the redirect address with session_state', `https://localhost/?code=${CODE}&session_state=${SESSION}`, 'address'],
    ['the redirect address without session_state', `https://localhost/?code=${CODE}`, 'address'],
    ['session_state before code', `https://localhost/?session_state=${SESSION}&code=${CODE}`, 'address'],
    ['a path and port', `http://localhost:8400/callback?code=${CODE}&session_state=${SESSION}`, 'address'],
    ['a fragment response', `https://localhost/#code=${CODE}&session_state=${SESSION}`, 'address'],
    ['a trailing fragment after the query', `https://localhost/?code=${CODE}#`, 'address'],
    ['surrounding whitespace and newlines', `  \n\thttps://localhost/?code=${CODE}&session_state=${SESSION}\n `, 'address'],
    ['surrounding quotes', `"https://localhost/?code=${CODE}"`, 'address'],
    ['angle brackets', `<https://localhost/?code=${CODE}>`, 'address'],
    ['an invisible zero-width space', `\u200Bhttps://localhost/?code=${CODE}\uFEFF`, 'address'],
    ['a code= prefix', `code=${CODE}`, 'parameters'],
    ['a code= prefix with session_state', `code=${CODE}&session_state=${SESSION}`, 'parameters'],
    ['a leading ?', `?code=${CODE}&session_state=${SESSION}`, 'parameters'],
    ['a bare code', CODE, 'bare-code'],
    ['a bare code with session_state', `${CODE}&session_state=${SESSION}`, 'bare-code'],
    ['an address without scheme', `localhost/?code=${CODE}&session_state=${SESSION}`, 'address'],
    ['a leading #', `#code=${CODE}`, 'parameters'],
    ['a percent-encoded code', `https://localhost/?code=${encodeURIComponent(CODE)}`, 'address'],
  ])('from %s', (_name, pasted, source) => {
    const result = extractAuthCode(pasted);
    expect(result).toMatchObject({ ok: true, code: CODE, source, stateVerified: false });
    if (result.ok) expect(result.code).not.toMatch(/session_state|&|=|\s/);
  });

  it('keeps "=" padding of a bare code', () => {
    expect(extractAuthCode('QUJDREVG==')).toMatchObject({ ok: true, code: 'QUJDREVG==', source: 'bare-code' });
  });

  it('decodes an encoded "=" in the code parameter', () => {
    expect(extractAuthCode('https://localhost/?code=QUJD%3D%3D')).toMatchObject({ ok: true, code: 'QUJD==' });
  });
});

describe('extractAuthCode: state check', () => {
  it.each([
    ['address', `https://localhost/?code=${CODE}&state=s-123&session_state=${SESSION}`],
    ['parameters', `code=${CODE}&state=s-123`],
    ['bare code plus state', `${CODE}&state=s-123`],
  ])('verifies a matching state in %s', (_name, pasted) => {
    expect(extractAuthCode(pasted, { expectedState: 's-123' })).toMatchObject({ ok: true, code: CODE, state: 's-123', stateVerified: true });
  });

  it.each([
    ['address', `https://localhost/?code=${CODE}&state=other`],
    ['parameters', `code=${CODE}&state=other`],
    ['bare code plus state', `${CODE}&state=other`],
  ])('refuses a different state in %s', (_name, pasted) => {
    expect(extractAuthCode(pasted, { expectedState: 's-123' })).toMatchObject({ ok: false, problem: { kind: 'state-mismatch', code: ErrorCode.OAuthStateMismatch } });
  });

  it.each([
    ['address', `https://localhost/?code=${CODE}&session_state=${SESSION}`],
    ['parameters', `code=${CODE}`],
  ])('refuses a missing state in %s when one is expected', (_name, pasted) => {
    expect(extractAuthCode(pasted, { expectedState: 's-123' })).toMatchObject({ ok: false, problem: { kind: 'state-missing' } });
  });

  it('accepts a bare code without state but says it was not verified', () => {
    expect(extractAuthCode(CODE, { expectedState: 's-123' })).toMatchObject({ ok: true, code: CODE, state: null, stateVerified: false });
    expect(extractAuthCode(`${CODE}&session_state=${SESSION}`, { expectedState: 's' })).toMatchObject({ ok: true, stateVerified: false });
  });

  it('refuses a repeated state', () => {
    expect(extractAuthCode(`https://localhost/?code=${CODE}&state=a&state=a`, { expectedState: 'a' })).toMatchObject({ ok: false, problem: { kind: 'malformed' } });
  });
});

describe('extractAuthCode: errors and bad input', () => {
  it('returns a typed authorization error with the AADSTS code parsed', () => {
    const description = 'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 0000\r\nCorrelation ID: 1111';
    const pasted = `https://localhost/?error=access_denied&error_description=${encodeURIComponent(description).replaceAll('%20', '+')}&error_subcode=cancel&state=s-1`;
    const result = extractAuthCode(pasted, { expectedState: 's-1' });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        kind: 'authorization-error',
        code: ErrorCode.OAuthAuthorizationError,
        details: { error: 'access_denied', errorDescription: description, errorSubcode: 'cancel', aadsts: 65004 },
      },
    });
    if (!result.ok) expect(result.problem.message).toContain('AADSTS65004: Consent declined');
  });

  it.each([
    ['an address', 'https://localhost/?error=invalid_client&error_description=AADSTS7000215%3A+Invalid+client+secret+provided.', 7000215],
    ['a fragment', 'https://localhost/#error=invalid_request&error_description=AADSTS50011%3A+The+redirect+URI', 50011],
    ['a query without address', 'error=invalid_request&error_description=AADSTS90002%3A+Tenant+not+found', 90002],
    ['no description', 'https://localhost/?error=server_error', null],
  ])('reports an error from %s', (_name, pasted, aadsts) => {
    expect(extractAuthCode(pasted)).toMatchObject({ ok: false, problem: { kind: 'authorization-error', details: { aadsts } } });
  });

  it('reports the error even when a code is also present', () => {
    expect(extractAuthCode(`https://localhost/?code=${CODE}&error=access_denied`)).toMatchObject({ ok: false, problem: { kind: 'authorization-error' } });
  });

  it.each([
    ['empty', '', 'empty', ErrorCode.OAuthNoCode],
    ['only whitespace', ' \n\t ', 'empty', ErrorCode.OAuthNoCode],
    ['an address without code', 'https://localhost/?session_state=abc', 'no-code', ErrorCode.OAuthNoCode],
    ['an address with an empty code', 'https://localhost/?code=&session_state=abc', 'no-code', ErrorCode.OAuthNoCode],
    ['a bare segment in an address', 'https://localhost/?abc', 'no-code', ErrorCode.OAuthNoCode],
    ['only session_state', `session_state=${SESSION}`, 'no-code', ErrorCode.OAuthNoCode],
    ['a repeated code', `https://localhost/?code=${CODE}&code=other`, 'malformed', ErrorCode.OAuthMalformedResponse],
    ['code in query and fragment', `https://localhost/?code=${CODE}#code=${CODE}`, 'malformed', ErrorCode.OAuthMalformedResponse],
    ['broken percent-encoding', 'https://localhost/?code=abc%zz', 'malformed', ErrorCode.OAuthMalformedResponse],
    ['a space inside the code', 'https://localhost/?code=abc+def', 'malformed', ErrorCode.OAuthMalformedResponse],
    ['session_state glued to the code', `${CODE}session_state=${SESSION}`, 'malformed', ErrorCode.OAuthMalformedResponse],
    ['two words', 'abc def', 'malformed', ErrorCode.OAuthMalformedResponse],
    ['an address without scheme and without code', 'localhost/?session_state=abc', 'no-code', ErrorCode.OAuthNoCode],
  ])('refuses %s', (_name, pasted, kind, code) => {
    const result = extractAuthCode(pasted);
    expect(result).toMatchObject({ ok: false, problem: { kind, code } });
    if (!result.ok) expect(result.problem.message.length).toBeGreaterThan(10);
  });
});

describe('extractAuthCode: redirect URI check', () => {
  it.each([
    ['https://localhost', `https://localhost/?code=${CODE}`],
    ['https://localhost/', `https://localhost?code=${CODE}`],
    ['https://LOCALHOST:443', `https://localhost/?code=${CODE}`],
    ['https://xsoar.contoso.com/cb', `https://xsoar.contoso.com/cb?code=${CODE}&session_state=x`],
    ['http://localhost:8400/cb', `/cb?code=${CODE}`],
    ['https://localhost', CODE],
    ['https://localhost', `code=${CODE}`],
  ])('accepts a paste for %s', (expectedRedirectUri, pasted) => {
    expect(extractAuthCode(pasted, { expectedRedirectUri })).toMatchObject({ ok: true, code: CODE });
  });

  it.each([
    ['https://localhost', `https://localhost:8443/?code=${CODE}`],
    ['https://localhost', `http://localhost/?code=${CODE}`],
    ['https://localhost', `https://xsoar/?code=${CODE}`],
    ['https://xsoar.contoso.com/cb', `https://xsoar.contoso.com/other?code=${CODE}`],
    ['not a uri', `https://localhost/?code=${CODE}`],
  ])('refuses a paste that is not for %s', (expectedRedirectUri, pasted) => {
    expect(extractAuthCode(pasted, { expectedRedirectUri })).toMatchObject({ ok: false, problem: { kind: 'redirect-mismatch', code: ErrorCode.OAuthRedirectMismatch } });
  });

  it('still explains an error answer from another address', () => {
    expect(extractAuthCode('https://other/?error=access_denied', { expectedRedirectUri: 'https://localhost' })).toMatchObject({ ok: false, problem: { kind: 'authorization-error' } });
  });
});

describe('extractAuthCode: messages never echo the code', () => {
  it.each([
    [`https://localhost/?code=${CODE}%zz`],
    [`https://localhost/?code=${CODE}+x`],
    [`https://localhost/?code=${CODE}&code=${CODE}`],
    [`https://localhost/?code=${CODE}&state=wrong`],
    [`https://localhost:1/?code=${CODE}`],
  ])('%s', (pasted) => {
    const result = extractAuthCode(pasted, { expectedState: 's', expectedRedirectUri: 'https://localhost' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(CODE.slice(0, 12));
  });
});
