import { describe, expect, it } from 'vitest';
import { parseOproxyPaste } from '../../../../shared/oproxy/paste-parser';
import { fakeOproxyValues } from './oproxy-fixtures';

const { id, token, key } = fakeOproxyValues();

describe('parseOproxyPaste', () => {
  it.each([
    ['colon lines', `ID: ${id}\nToken: ${token}\nKey: ${key}`],
    ['labels in another order', `Key: ${key}\nID: ${id}\nToken: ${token}`],
    ['labels on their own lines', `ID\n${id}\n\nToken\n\n${token}\nKey\n${key}\n`],
    ['extra whitespace and tabs', `   ID :\t ${id}   \r\n\tToken=   ${token}\r\n  Key   ${key}  `],
    ['all on one line', `ID: ${id} Token: ${token} Key: ${key}`],
    ['no space after the colon', `ID:${id}\nToken:${token}\nKey:${key}`],
    ['a page with prose around the values', `Authorization complete!\nCopy the ID, Token and Key into the instance settings.\nID: ${id}\nToken: ${token}\nKey: ${key}\nThese credentials are valid for a single instance only.`],
  ])('finds the three values with %s', (_what, text) => {
    expect(parseOproxyPaste(text)).toEqual({ id, token, key });
  });

  it('keeps an ID that carries a token URL', () => {
    expect(parseOproxyPaste(`ID: ${id}@https://oproxy.example/obtain-token\nKey: ${key}`)).toEqual({ id: `${id}@https://oproxy.example/obtain-token`, key });
  });

  it('keeps Base64 padding and drops trailing punctuation', () => {
    expect(parseOproxyPaste('Key: q83vEjRWeJq83vEjRWeJqw==,').key).toBe('q83vEjRWeJq83vEjRWeJqw==');
  });

  it('reports only what it finds', () => {
    expect(parseOproxyPaste(`Token: ${token}`)).toEqual({ token });
    expect(parseOproxyPaste('nothing to see here')).toEqual({});
    expect(parseOproxyPaste('ID\nToken\nKey')).toEqual({});
  });
});
