import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64DecodedLength, checkOproxyId, checkOproxyKey, checkOproxyToken } from '../../../../shared/oproxy/oproxy-rules';
import { parseOproxyId } from '../../../../shared/oproxy/oproxy-id';
import { fakeOproxyValues } from './oproxy-fixtures';

const sample = fakeOproxyValues();

describe('oproxy ID', () => {
  it('splits like the integration: exactly one "@" means a token URL', () => {
    expect(parseOproxyId('abc@https://proxy.example/obtain-token')).toEqual({ registrationId: 'abc', tokenUrl: 'https://proxy.example/obtain-token', customTokenUrl: true });
    expect(parseOproxyId('abc')).toEqual({ registrationId: 'abc', tokenUrl: 'https://oproxy.demisto.ninja/obtain-token', customTokenUrl: false });
    expect(parseOproxyId('a@b@c').customTokenUrl).toBe(false);
  });

  it.each([
    [sample.id, null],
    [`${sample.id}@https://oproxy.example/obtain-token`, null],
    ['', 'Enter the ID'],
    [`${sample.id} x`, 'cannot contain spaces'],
    ['@https://oproxy.example/', 'nothing before "@"'],
    [`${sample.id}@not a url`, 'cannot contain spaces'],
    [`${sample.id}@oproxy.example`, 'is not a URL'],
    [`${sample.id}@http://oproxy.example/obtain-token`, 'must use https:'],
  ])('checkOproxyId(%j)', (value, error) => {
    const r = checkOproxyId(value);
    if (error === null) expect(r.error).toBeNull();
    else expect(r.error).toContain(error);
  });

  it('hints when the ID is the self-deployed client ID', () => {
    const clientId = randomUUID();
    expect(checkOproxyId(clientId.toUpperCase(), clientId).hints[0]).toContain('client ID of your self-deployed app');
    expect(checkOproxyId(sample.id, clientId).hints).toEqual([]);
  });
});

describe('oproxy Token', () => {
  it.each([
    [sample.token, null],
    ['', 'Enter the Token'],
    [`${sample.token.slice(0, 40)}\n${sample.token.slice(40)}`, 'wrapped'],
    [randomUUID(), 'looks like a tenant ID'],
    ['contoso.onmicrosoft.com', 'looks like a domain name'],
  ])('checkOproxyToken(%j)', (value, error) => {
    const r = checkOproxyToken(value);
    if (error === null) expect(r.error).toBeNull();
    else expect(r.error).toContain(error);
  });

  it('warns about an access token', () => {
    const jwt = `eyJ${randomBytes(20).toString('base64url')}.eyJ${randomBytes(40).toString('base64url')}.${randomBytes(30).toString('base64url')}`;
    const r = checkOproxyToken(jwt);
    expect(r.error).toBeNull();
    expect(r.hints[0]).toContain('access token');
  });
});

describe('oproxy Key', () => {
  it.each([16, 24, 32])('accepts Base64 of %i bytes', (n) => {
    expect(checkOproxyKey(randomBytes(n).toString('base64')).error).toBeNull();
  });

  it.each([
    ['', 'Key must be provided'],
    [randomUUID(), 'client secret ID'],
    ['abc~DEF8Q~' + 'x'.repeat(30), 'client secret value'],
    [randomBytes(32).toString('base64').replace(/=+$/, '').slice(0, 42) + 'A', 'not a multiple of 4'],
    [randomBytes(20).toString('base64'), 'decodes to 20 bytes'],
    [randomBytes(33).toString('base64'), 'decodes to 33 bytes'],
    // Whitespace inside is dropped (issue 11 item 8: the integration's b64decode does the same); what is left is judged.
    ['YWJj ZGVm', 'decodes to 6 bytes'],
    ['!!!!AAAAAAAAAAAAAAAAAAAA', 'not Base64'],
    ['AA==AAAAAAAAAAAAAAAAAAAA', 'padding may only appear at the end'],
  ])('checkOproxyKey(%j)', (value, error) => {
    expect(checkOproxyKey(value).error).toContain(error);
  });

  it('explains the URL-safe alphabet', () => {
    let urlSafe = '';
    while (!/[-_]/.test(urlSafe)) urlSafe = randomBytes(32).toString('base64url') + '=';
    expect(checkOproxyKey(urlSafe).error).toContain('URL-safe');
  });

  it('computes the decoded length of strict Base64', () => {
    expect(base64DecodedLength('AAAA')).toBe(3);
    expect(base64DecodedLength('AAA=')).toBe(2);
    expect(base64DecodedLength('AA==')).toBe(1);
    expect(base64DecodedLength('AA')).toBeNull();
    expect(base64DecodedLength('')).toBeNull();
  });
});
