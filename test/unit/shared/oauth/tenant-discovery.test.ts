import { describe, expect, it } from 'vitest';
import { openIdConfigurationUrl, readTenantDiscovery } from '../../../../shared/oauth/tenant-discovery';
import { ErrorCode } from '../../../../shared/errors/error-codes';

const GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('openIdConfigurationUrl', () => {
  it.each([
    ['contoso.onmicrosoft.com', undefined, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration'],
    [` ${GUID} `, undefined, `https://login.microsoftonline.com/${GUID}/v2.0/.well-known/openid-configuration`],
    ['t1', 'http://127.0.0.1:4000', 'http://127.0.0.1:4000/t1/v2.0/.well-known/openid-configuration'],
  ])('%s', (tenant, host, url) => {
    expect(openIdConfigurationUrl(tenant, host)).toBe(url);
  });
});

describe('readTenantDiscovery', () => {
  it('reads the tenant GUID from the issuer of a worldwide tenant', () => {
    const body = {
      issuer: `https://login.microsoftonline.com/${GUID.toUpperCase()}/v2.0`,
      token_endpoint: `https://login.microsoftonline.com/${GUID}/oauth2/v2.0/token`,
      tenant_region_scope: 'WW',
      cloud_instance_name: 'microsoftonline.com',
    };
    expect(readTenantDiscovery(body)).toEqual({ ok: true, tenantId: GUID, cloudInstance: 'microsoftonline.com', regionScope: 'WW' });
  });

  it('accepts a test identity platform without cloud fields', () => {
    expect(readTenantDiscovery({ issuer: `http://127.0.0.1:4000/${GUID}/v2.0` })).toEqual({ ok: true, tenantId: GUID, cloudInstance: null, regionScope: null });
  });

  it.each([
    [
      'an unknown tenant',
      { error: 'invalid_tenant', error_description: "AADSTS90002: Tenant 'nope.example' not found.", error_codes: [90002] },
      'tenant-not-found',
      ErrorCode.OAuthTenantNotFound,
      90002,
    ],
    ['a US Government tenant', { issuer: `https://login.microsoftonline.us/${GUID}/v2.0`, cloud_instance_name: 'microsoftonline.us' }, 'national-cloud', ErrorCode.OAuthUnsupportedCloud, null],
    ['a China tenant', { issuer: `https://login.partner.microsoftonline.cn/${GUID}/v2.0`, cloud_instance_name: 'partner.microsoftonline.cn' }, 'national-cloud', ErrorCode.OAuthUnsupportedCloud, null],
    ['an issuer without a GUID', { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' }, 'malformed', ErrorCode.OAuthMalformedResponse, null],
    ['no issuer', {}, 'malformed', ErrorCode.OAuthMalformedResponse, null],
    ['not an object', 'html', 'malformed', ErrorCode.OAuthMalformedResponse, null],
    ['null', null, 'malformed', ErrorCode.OAuthMalformedResponse, null],
  ])('refuses %s', (_name, body, kind, code, aadsts) => {
    expect(readTenantDiscovery(body)).toMatchObject({ ok: false, problem: { kind, code, aadsts } });
  });
});
