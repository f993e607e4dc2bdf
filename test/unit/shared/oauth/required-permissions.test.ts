import { describe, expect, it } from 'vitest';
import { checkGrantedScopes, GRAPH_DEFAULT_SCOPE, graphScopesFor, REQUIRED_DELEGATED_PERMISSIONS, VERIFIED_SIGN_IN_SCOPES } from '../../../../shared/oauth/required-permissions';

describe('required permissions', () => {
  it('lists the four delegated Graph permissions of the integration', () => {
    expect(REQUIRED_DELEGATED_PERMISSIONS).toEqual(['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite']);
    expect(graphScopesFor(['Mail.Send'])).toEqual(['https://graph.microsoft.com/Mail.Send']);
    expect(GRAPH_DEFAULT_SCOPE).toBe('https://graph.microsoft.com/.default');
    expect(VERIFIED_SIGN_IN_SCOPES).toEqual([
      'https://graph.microsoft.com/Mail.ReadWrite',
      'https://graph.microsoft.com/Mail.Send',
      'https://graph.microsoft.com/User.Read',
      'https://graph.microsoft.com/MailboxSettings.ReadWrite',
    ]);
  });

  it.each([
    ['short names', 'Mail.ReadWrite Mail.Send User.Read MailboxSettings.ReadWrite openid profile offline_access', [], true],
    [
      'full URIs',
      'https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/User.Read https://graph.microsoft.com/MailboxSettings.ReadWrite offline_access',
      [],
      true,
    ],
    ['other casing and extra spaces', '  mail.readwrite   MAIL.SEND user.read mailboxsettings.readwrite OFFLINE_ACCESS ', [], true],
    ['Graph by app ID', '00000003-0000-0000-c000-000000000000/Mail.ReadWrite Mail.Send User.Read MailboxSettings.ReadWrite offline_access', [], true],
    ['a missing Mail.Send', 'Mail.ReadWrite User.Read MailboxSettings.ReadWrite offline_access', ['Mail.Send'], true],
    ['read-only mail', 'Mail.Read User.Read offline_access', ['Mail.ReadWrite', 'Mail.Send', 'MailboxSettings.ReadWrite'], true],
    ['MailboxSettings.Read only', 'Mail.ReadWrite Mail.Send User.Read MailboxSettings.Read', ['MailboxSettings.ReadWrite'], false],
    ['nothing', '', ['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite'], false],
    ['another resource', 'https://outlook.office.com/Mail.ReadWrite https://outlook.office.com/Mail.Send User.Read MailboxSettings.ReadWrite', ['Mail.ReadWrite', 'Mail.Send'], false],
  ])('finds what is missing from %s', (_name, scope, missing, offlineAccess) => {
    const result = checkGrantedScopes(scope);
    expect(result.missing).toEqual(missing);
    expect(result.offlineAccess).toBe(offlineAccess);
  });

  it('accepts a list such as MSAL result.scopes', () => {
    expect(checkGrantedScopes(['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite'])).toEqual({ missing: [], offlineAccess: false, complete: true });
  });

  it('requires offline_access only when asked', () => {
    const scope = 'Mail.ReadWrite Mail.Send User.Read MailboxSettings.ReadWrite';
    expect(checkGrantedScopes(scope).complete).toBe(true);
    expect(checkGrantedScopes(scope, { requireOfflineAccess: true }).complete).toBe(false);
    expect(checkGrantedScopes(`${scope} offline_access`, { requireOfflineAccess: true }).complete).toBe(true);
  });
});
