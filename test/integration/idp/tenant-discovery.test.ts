import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIdConfigurationUrl, readTenantDiscovery } from '../../../shared/oauth/tenant-discovery';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { TENANT, TID } from './fixture';

let idp: IdentityPlatform;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [TENANT] });
});
afterAll(async () => idp?.close());

describe('tenant discovery (shared/oauth) against the test platform', () => {
  it('resolves a verified domain to the tenant GUID through its openid-configuration', async () => {
    const res = await fetch(openIdConfigurationUrl('contoso.example', `${idp.authorityHost}/`));
    expect(res.status).toBe(200);
    expect(readTenantDiscovery(await res.json())).toMatchObject({ ok: true, tenantId: TID, cloudInstance: 'microsoftonline.com' });
  });

  it('answers an unknown domain with Entra\'s AADSTS90002 body', async () => {
    const res = await fetch(openIdConfigurationUrl('fabrikam.example', `${idp.authorityHost}/`));
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['error']).toBe('invalid_tenant');
    expect(String(body['error_description'])).toMatch(/^AADSTS90002: Tenant 'fabrikam.example' not found/);
    expect(readTenantDiscovery(body).ok).toBe(false);
  });
});
