import { describe, expect, it } from 'vitest';
import { accountMatchesMailbox } from '../../../../shared/oauth/signed-in-account';

describe('accountMatchesMailbox', () => {
  it.each([
    ['the sign-in name', { username: 'SOC@contoso.com' }, 'soc@contoso.com', 'username'],
    ['preferred_username only', { claims: { preferred_username: 'soc@contoso.com' } }, 'soc@contoso.com', 'username'],
    ['the upn claim', { username: 'x@contoso.onmicrosoft.com', claims: { upn: 'soc@contoso.com' } }, 'soc@contoso.com', 'upn'],
    ['the email claim', { username: 'x@contoso.com', claims: { email: 'SOC@Contoso.com' } }, ' soc@contoso.com ', 'email'],
    ['Graph mail', { username: 'x@contoso.com', mail: 'soc@contoso.com' }, 'soc@contoso.com', 'mail'],
    ['an SMTP alias', { username: 'x@contoso.com', proxyAddresses: ['SMTP:x@contoso.com', 'smtp:soc@contoso.com'] }, 'soc@contoso.com', 'proxy-address'],
  ])('matches by %s', (_name, account, mailbox, matchedBy) => {
    expect(accountMatchesMailbox(account, mailbox)).toMatchObject({ matches: true, matchedBy });
  });

  it.each([
    ['another user', { username: 'analyst@contoso.com' }, 'soc@contoso.com'],
    ['a non-SMTP proxy address', { username: 'a@contoso.com', proxyAddresses: ['SIP:soc@contoso.com', 'X500:/o=soc@contoso.com'] }, 'soc@contoso.com'],
    ['an empty mailbox', { username: 'a@contoso.com' }, ''],
    ['no account data', {}, 'soc@contoso.com'],
    ['a non-string claim', { claims: { upn: 42 } }, '42'],
  ])('does not match %s', (_name, account, mailbox) => {
    expect(accountMatchesMailbox(account, mailbox)).toMatchObject({ matches: false, matchedBy: null });
  });

  it('says who signed in', () => {
    expect(accountMatchesMailbox({ username: 'analyst@contoso.com' }, 'soc@contoso.com').signedInAs).toBe('analyst@contoso.com');
    expect(accountMatchesMailbox({}, 'soc@contoso.com').signedInAs).toBeNull();
  });
});
