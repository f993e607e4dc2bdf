import { describe, expect, it } from 'vitest';
import { buildXsoarLoginUrl, MISSING_SETTINGS_PREFIX } from '../../../../shared/oauth/xsoar-login-url';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

// Spec §2: the integration's template with the three values substituted.
const specTemplate = (tenant: string, client: string, redirect: string) =>
  'https://login.microsoftonline.com/' +
  tenant +
  '/oauth2/v2.0/authorize?response_type=code&scope=offline_access%20https://graph.microsoft.com/.default&client_id=' +
  client +
  '&redirect_uri=' +
  redirect;

describe('buildXsoarLoginUrl', () => {
  it('equals the spec §2 URL literally', () => {
    expect(buildXsoarLoginUrl({ tenantId: TENANT, clientId: CLIENT, redirectUri: 'https://localhost' })).toEqual({
      ok: true,
      url: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/authorize?response_type=code&scope=offline_access%20https://graph.microsoft.com/.default&client_id=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&redirect_uri=https://localhost',
    });
  });

  it.each([
    ['https://localhost'],
    ['https://localhost/'],
    ['https://xsoar'],
    ['https://xsoar.contoso.com/callback?x=1'],
    ['http://localhost:8080/cb'],
  ])('matches the integration byte for byte for redirect %s (inserted raw)', (redirect) => {
    const result = buildXsoarLoginUrl({ tenantId: TENANT, clientId: CLIENT, redirectUri: redirect });
    expect(result).toEqual({ ok: true, url: specTemplate(TENANT, CLIENT, redirect) });
  });

  it('uses a verified domain as the tenant path segment', () => {
    const result = buildXsoarLoginUrl({ tenantId: 'contoso.onmicrosoft.com', clientId: CLIENT, redirectUri: 'https://localhost' });
    expect(result.ok && result.url).toBe(specTemplate('contoso.onmicrosoft.com', CLIENT, 'https://localhost'));
  });

  it('appends state, login_hint and prompt percent-encoded, after the integration URL', () => {
    const result = buildXsoarLoginUrl({
      tenantId: TENANT,
      clientId: CLIENT,
      redirectUri: 'https://localhost',
      state: 'a b&c=d',
      loginHint: 'soc+alerts@contoso.com',
      prompt: 'consent',
    });
    expect(result.ok && result.url).toBe(
      `${specTemplate(TENANT, CLIENT, 'https://localhost')}&state=a%20b%26c%3Dd&login_hint=soc%2Balerts%40contoso.com&prompt=consent`,
    );
  });

  it('omits an empty login_hint', () => {
    const result = buildXsoarLoginUrl({ tenantId: TENANT, clientId: CLIENT, redirectUri: 'https://localhost', loginHint: '' });
    expect(result.ok && result.url).toBe(specTemplate(TENANT, CLIENT, 'https://localhost'));
  });

  it.each([
    ['http://127.0.0.1:4000/', 'http://127.0.0.1:4000/'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000/'],
    ['http://127.0.0.1:4000/idp/', 'http://127.0.0.1:4000/idp/'],
  ])('takes an injected authority host %s', (host, base) => {
    const result = buildXsoarLoginUrl({ tenantId: TENANT, clientId: CLIENT, redirectUri: 'https://localhost', authorityHost: host });
    expect(result.ok && result.url).toBe(specTemplate(TENANT, CLIENT, 'https://localhost').replace('https://login.microsoftonline.com/', base));
  });

  it.each([
    [{ tenantId: '', clientId: CLIENT, redirectUri: 'https://localhost' }, ['tenant_id'], 'tenant_id'],
    [{ tenantId: TENANT, clientId: '', redirectUri: 'https://localhost' }, ['client_id'], 'client_id'],
    [{ tenantId: TENANT, clientId: CLIENT, redirectUri: '' }, ['redirect_uri'], 'redirect_uri'],
    [{ tenantId: '', clientId: '', redirectUri: '' }, ['client_id', 'tenant_id', 'redirect_uri'], 'client_id,tenant_id,redirect_uri'],
  ])('reports missing settings with the integration message (%#)', (input, missing, list) => {
    expect(buildXsoarLoginUrl(input)).toEqual({ ok: false, missing, code: 'oauth/missing-settings', message: `${MISSING_SETTINGS_PREFIX}${list}` });
  });

  it('keeps the integration prefix text exactly', () => {
    expect(MISSING_SETTINGS_PREFIX).toBe('Please make sure you entered the Authorization configuration correctly. Missing:');
  });
});
