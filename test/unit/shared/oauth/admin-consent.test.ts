import { describe, expect, it } from 'vitest';
import { buildAdminConsentUrl, validateAdminConsentResponse } from '../../../../shared/oauth/admin-consent';
import { ErrorCode } from '../../../../shared/errors/error-codes';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('buildAdminConsentUrl', () => {
  it('requests the four delegated Graph permissions by default', () => {
    const url = buildAdminConsentUrl({ tenantId: TENANT, clientId: CLIENT, redirectUri: 'http://localhost:53111', state: 'st-1' });
    expect(url).toBe(
      `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${CLIENT}` +
        '&scope=https%3A%2F%2Fgraph.microsoft.com%2FMail.ReadWrite%20https%3A%2F%2Fgraph.microsoft.com%2FMail.Send' +
        '%20https%3A%2F%2Fgraph.microsoft.com%2FUser.Read%20https%3A%2F%2Fgraph.microsoft.com%2FMailboxSettings.ReadWrite' +
        '&redirect_uri=http%3A%2F%2Flocalhost%3A53111&state=st-1',
    );
  });

  it('round-trips through a URL parser', () => {
    const url = new URL(
      buildAdminConsentUrl({
        tenantId: 'contoso.onmicrosoft.com',
        clientId: CLIENT,
        redirectUri: 'http://localhost:1234/consent',
        state: 'a&b c',
        scopes: ['https://graph.microsoft.com/Mail.Send'],
        authorityHost: 'http://127.0.0.1:4000',
      }),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/contoso.onmicrosoft.com/v2.0/adminconsent');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT,
      scope: 'https://graph.microsoft.com/Mail.Send',
      redirect_uri: 'http://localhost:1234/consent',
      state: 'a&b c',
    });
  });
});

describe('validateAdminConsentResponse', () => {
  const base = 'http://localhost:53111/';

  it.each([
    ['a whole URL', `${base}?admin_consent=True&tenant=${TENANT}&state=st-1&scope=https%3a%2f%2fgraph.microsoft.com%2fMail.Send+https%3a%2f%2fgraph.microsoft.com%2fUser.Read`],
    ['a bare query', `admin_consent=True&tenant=${TENANT}&state=st-1&scope=https%3a%2f%2fgraph.microsoft.com%2fMail.Send+https%3a%2f%2fgraph.microsoft.com%2fUser.Read`],
  ])('accepts a grant from %s and reports the scopes', (_name, redirect) => {
    expect(validateAdminConsentResponse(redirect, 'st-1')).toEqual({
      ok: true,
      scopes: ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/User.Read'],
    });
  });

  it('accepts lower-case "true" and a missing scope', () => {
    expect(validateAdminConsentResponse(`${base}?admin_consent=true&state=st-1`, 'st-1')).toEqual({ ok: true, scopes: null });
  });

  it('never returns the tenant the browser reported', () => {
    const result = validateAdminConsentResponse(`${base}?admin_consent=True&tenant=99999999-9999-9999-9999-999999999999&state=st-1`, 'st-1');
    expect(JSON.stringify(result)).not.toContain('99999999');
  });

  it.each([
    ['no state', `${base}?admin_consent=True`, 'state-missing', ErrorCode.OAuthStateMismatch],
    ['another state', `${base}?admin_consent=True&state=other`, 'state-mismatch', ErrorCode.OAuthStateMismatch],
    ['another state on an error', `${base}?error=access_denied&state=other`, 'state-mismatch', ErrorCode.OAuthStateMismatch],
    ['a repeated state', `${base}?admin_consent=True&state=st-1&state=st-1`, 'malformed', ErrorCode.OAuthMalformedResponse],
    ['bad encoding', `${base}?admin_consent=True&state=%E0%A4%A`, 'malformed', ErrorCode.OAuthMalformedResponse],
    ['admin_consent False', `${base}?admin_consent=False&state=st-1`, 'not-granted', ErrorCode.OAuthConsentNotGranted],
    ['no admin_consent', `${base}?state=st-1`, 'not-granted', ErrorCode.OAuthConsentNotGranted],
    ['a repeated admin_consent', `${base}?admin_consent=True&admin_consent=True&state=st-1`, 'not-granted', ErrorCode.OAuthConsentNotGranted],
  ])('refuses %s', (_name, redirect, kind, code) => {
    expect(validateAdminConsentResponse(redirect, 'st-1')).toMatchObject({ ok: false, problem: { kind, code } });
  });

  it('reports the admin consent workflow case (access_denied + cancel) as possibly pending', () => {
    const redirect = `${base}?error=access_denied&error_subcode=cancel&error_description=AADSTS65004%3a+User+declined+to+consent+to+access+the+app.&state=st-1`;
    const result = validateAdminConsentResponse(redirect, 'st-1');
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'declined', code: ErrorCode.OAuthConsentDeclined, approvalMayBePending: true, details: { errorSubcode: 'cancel', aadsts: 65004 } },
    });
    if (!result.ok) expect(result.problem.message).toMatch(/approv/);
  });

  it('reports a plain decline', () => {
    const redirect = `${base}?error=access_denied&error_description=AADSTS65004%3a+declined&state=st-1`;
    expect(validateAdminConsentResponse(redirect, 'st-1')).toMatchObject({ ok: false, problem: { kind: 'declined', approvalMayBePending: false } });
  });

  it.each([
    ['consent_required', 'AADSTS90094%3a+The+grant+requires+admin+permission.', 90094],
    ['invalid_request', 'AADSTS50011%3a+The+redirect+URI+does+not+match', 50011],
    ['unauthorized_client', 'AADSTS700016%3a+Application+not+found', 700016],
    ['server_error', '', null],
  ])('explains error=%s', (error, description, aadsts) => {
    const redirect = `${base}?error=${error}&error_description=${description}&admin_consent=True&state=st-1`;
    const result = validateAdminConsentResponse(redirect, 'st-1');
    expect(result).toMatchObject({ ok: false, problem: { kind: 'error', code: ErrorCode.OAuthAuthorizationError, details: { error, aadsts } } });
  });
});
