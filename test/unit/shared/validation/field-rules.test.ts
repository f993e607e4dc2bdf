import { describe, expect, it } from 'vitest';
import { checkEmailAddress, checkFirstFetch, checkFolderPath, checkGuid, checkInstanceName, checkPositiveInteger, isGuid } from '../../../../shared/validation/field-rules';

describe('field rules', () => {
  it.each([
    ['6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10', true],
    ['6F1C1F4E-52A8-4D0A-9A51-2B7D3C9E8F10', true],
    [' 6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10 ', true],
    ['6f1c1f4e52a84d0a9a512b7d3c9e8f10', false],
    ['{6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10}', false],
    ['6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f1g', false],
    ['', false],
  ])('isGuid(%j) is %s', (value, expected) => {
    expect(isGuid(value)).toBe(expected);
  });

  it('explains a missing or malformed GUID', () => {
    expect(checkGuid('', 'client ID')).toBe('Enter the client ID.');
    expect(checkGuid('abc', 'client ID')).toContain('must be a GUID');
    expect(checkGuid('6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10', 'client ID')).toBeNull();
  });

  it.each([
    ['soc@contoso.com', null],
    ['first.last+phish@sub.contoso.co.uk', null],
    ['', 'Enter the e-mail address'],
    ['soc contoso@contoso.com', 'cannot contain spaces'],
    ['soc@contoso', 'is not an e-mail address'],
    ['contoso.com', 'is not an e-mail address'],
    ['a@b@c.com', 'is not an e-mail address'],
  ])('checkEmailAddress(%j)', (value, expected) => {
    const result = checkEmailAddress(value);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toContain(expected);
  });

  it.each([
    ['15 minutes', null],
    ['1 minute', null],
    ['12 hours', null],
    ['7 days', null],
    ['2 Weeks', null],
    ['3 months', null],
    ['1 year', null],
    ['  7   days ', null],
    ['', 'Enter how far back'],
    ['yesterday', 'cannot be parsed'],
    ['7days', 'cannot be parsed'],
    ['7 fortnights', 'cannot be parsed'],
    ['-1 days', 'cannot be parsed'],
    ['0 days', 'at least 1'],
  ])('checkFirstFetch(%j)', (value, expected) => {
    const result = checkFirstFetch(value);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toContain(expected);
  });

  it.each([
    ['50', null],
    ['1', null],
    ['', 'Enter the limit'],
    ['0', 'at least 1'],
    ['-5', 'whole number'],
    ['5.5', 'whole number'],
    ['fifty', 'whole number'],
  ])('checkPositiveInteger(%j)', (value, expected) => {
    const result = checkPositiveInteger(value, 'limit');
    if (expected === null) expect(result).toBeNull();
    else expect(result).toContain(expected);
  });

  it.each([
    ['Inbox', null],
    ['Inbox/Phishing', null],
    ['Inbox\\Phishing', null],
    ['AAMkAGI2TAAA=', null],
    ['', 'Enter the folder'],
    ['Inbox//Phishing', 'empty folder name'],
    ['/Inbox', 'empty folder name'],
    ['Inbox/', 'empty folder name'],
  ])('checkFolderPath(%j)', (value, expected) => {
    const result = checkFolderPath(value);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toContain(expected);
  });

  it('requires a one-line instance name', () => {
    expect(checkInstanceName('')).toContain('Enter the name');
    expect(checkInstanceName('a\nb')).toContain('one line');
    expect(checkInstanceName('Graph Mail SOC')).toBeNull();
  });
});
