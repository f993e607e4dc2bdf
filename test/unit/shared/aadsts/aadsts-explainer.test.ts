import { describe, expect, it } from 'vitest';
import { aadstsCodeOfErrorBody, parseAadstsCode } from '../../../../shared/aadsts/aadsts-code';
import { EXPLAINED_AADSTS_CODES, explainAadsts, explainAadstsText } from '../../../../shared/aadsts/aadsts-explainer';

const REQUIRED = [
  90002, 700016, 7000215, 700027, 50011, 65001, 65004, 54005, 70008, 700025, 7000218, 50076, 50079, 53003, 90094, 650056, 50020, 50034, 50126, 700054, 7000222,
];

describe('parseAadstsCode', () => {
  it.each([
    ['an error_description', 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\r\nTrace ID: x', 7000215],
    ['an MSAL message', 'invalid_client: Error(s): 7000215 - Timestamp: 2026-11-26 - Description: AADSTS7000215: Invalid client secret provided.', 7000215],
    ['a JSON body', '{"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed"}', 54005],
    ['lower case', 'aadsts50011: redirect mismatch', 50011],
    ['a five-digit code', 'AADSTS90002: Tenant not found.', 90002],
    ['a seven-digit code', 'AADSTS7000222: The provided client secret keys are expired.', 7000222],
    ['the first of two codes', 'AADSTS50076 then AADSTS50079', 50076],
    ['no code', 'invalid_grant: something else', null],
    ['too few digits', 'AADSTS1234: x', null],
    ['a code glued to letters', 'XAADSTS50011: x', null],
    ['empty', '', null],
    ['null', null, null],
  ])('reads %s', (_name, text, code) => {
    expect(parseAadstsCode(text)).toBe(code);
  });

  it('prefers error_codes over the description', () => {
    expect(aadstsCodeOfErrorBody({ error_codes: [700016], error_description: 'AADSTS90002: x' })).toBe(700016);
    expect(aadstsCodeOfErrorBody({ error_codes: ['x'], error_description: 'AADSTS90002: x' })).toBe(90002);
    expect(aadstsCodeOfErrorBody({})).toBeNull();
  });
});

describe('explainAadsts', () => {
  it.each(REQUIRED)('explains %i with a title, meaning and fix', (code) => {
    const e = explainAadsts(code);
    expect(e).toMatchObject({ code, known: true, referenceUrl: `https://login.microsoftonline.com/error?code=${code}` });
    for (const text of [e.title, e.meaning, e.fix]) expect(text.trim().length).toBeGreaterThan(5);
    expect(EXPLAINED_AADSTS_CODES).toContain(code);
  });

  it.each([
    [7000215, /Secret ID/],
    [7000222, /new client secret/],
    [50011, /Web/],
    [700027, /\.cer/],
    [54005, /msgraph-mail-auth-reset/],
    [70008, /msgraph-mail-auth-reset/],
    [90002, /tenant/i],
  ])('gives the specific fix for %i', (code, pattern) => {
    expect(explainAadsts(code).fix).toMatch(pattern);
  });

  it('falls back to a generic explanation with the lookup link', () => {
    expect(explainAadsts(123456)).toMatchObject({ code: 123456, known: false, title: 'Sign-in error AADSTS123456', referenceUrl: 'https://login.microsoftonline.com/error?code=123456' });
  });

  it('explains the code inside a message', () => {
    expect(explainAadstsText('AADSTS53003: Access has been blocked by Conditional Access policies.')?.title).toBe('Blocked by Conditional Access');
    expect(explainAadstsText('network error')).toBeNull();
  });

  it('lists codes in ascending order', () => {
    expect([...EXPLAINED_AADSTS_CODES]).toEqual([...EXPLAINED_AADSTS_CODES].toSorted((a, b) => a - b));
  });
});
