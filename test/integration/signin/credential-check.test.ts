import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthServices, type AuthServices } from '../../../main/auth/auth-services';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { createClientCertificate, type ClientCertificate } from '../../idp/test-ca';
import { MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../idp/fixture';
import { endpointsOf } from './signin-fixture';

let idp: IdentityPlatform;
let services: AuthServices;
let cert: ClientCertificate;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
  services = createAuthServices({ http: createNodeFetchClient(), endpoints: endpointsOf(idp), browserOpener: { open: async () => undefined } });
  cert = createClientCertificate();
});
afterAll(async () => {
  await idp?.close();
});

function webApp(extra: { secrets?: string[]; certificates?: string[] } = {}): string {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, webRedirectUris: ['https://localhost'], delegatedPermissions: [...MAIL_PERMISSIONS], applicationPermissions: ['Mail.Read'], ...extra });
  return clientId;
}

describe('TenantResolver', () => {
  it('resolves a verified domain to the tenant GUID', async () => {
    const result = await services.tenants.resolve('contoso.example');
    expect(result).toMatchObject({ ok: true, value: { tenantId: TID, requested: 'contoso.example' } });
  });

  it('reports an unknown tenant as AADSTS90002 with its explanation', async () => {
    const result = await services.tenants.resolve('nobody.example');
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 90002, explanation: { title: 'Tenant not found' } } });
  });

  it('returns op/cancelled when cancelled before the answer', async () => {
    const result = await services.tenants.resolve('contoso.example', AbortSignal.abort());
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
  });
});

describe('CredentialCheckService (client credentials through msal-node and our network module)', () => {
  it('accepts the right secret, with a domain as tenant', async () => {
    const clientId = webApp({ secrets: ['right-secret'] });
    const result = await services.credentialCheck.check({ tenant: 'contoso.example', clientId, credential: { kind: 'secret', secret: 'right-secret' } });
    expect(result).toMatchObject({ ok: true, value: { tenantId: TID } });
  });

  it('accepts a registered certificate by SHA-1 thumbprint, and by SHA-256 thumbprint', async () => {
    const clientId = webApp({ certificates: [cert.certPem] });
    const sha1 = await services.credentialCheck.check({ tenant: TID, clientId, credential: { kind: 'certificate', thumbprint: cert.thumbprintSha1, privateKey: cert.keyPem } });
    expect(sha1.ok).toBe(true);
    const sha256 = await services.credentialCheck.check({ tenant: TID, clientId, credential: { kind: 'certificate', thumbprintSha256: cert.thumbprintSha256, privateKey: cert.keyPem } });
    expect(sha256.ok).toBe(true);
  });

  it('wrong secret → AADSTS7000215 explained', async () => {
    const clientId = webApp({ secrets: ['right-secret'] });
    const result = await services.credentialCheck.check({ tenant: TID, clientId, credential: { kind: 'secret', secret: 'wrong-secret' } });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 7000215, explanation: { title: 'Wrong client secret' } } });
    if (!result.ok) expect(result.error.message).not.toContain('wrong-secret');
  });

  it('unknown application → AADSTS700016', async () => {
    const result = await services.credentialCheck.check({ tenant: TID, clientId: newClientId(), credential: { kind: 'secret', secret: 's' } });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 700016 } });
  });

  it('unknown tenant → AADSTS90002', async () => {
    const result = await services.credentialCheck.check({ tenant: 'fabrikam.example', clientId: newClientId(), credential: { kind: 'secret', secret: 's' } });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 90002 } });
  });

  it('a certificate not uploaded to the app → AADSTS700027', async () => {
    const clientId = webApp({ certificates: [cert.certPem] });
    const other = createClientCertificate('not-uploaded');
    const result = await services.credentialCheck.check({ tenant: TID, clientId, credential: { kind: 'certificate', thumbprint: other.thumbprintSha1, privateKey: other.keyPem } });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAadsts, aadsts: 700027 } });
  });

  it('cancelled → op/cancelled', async () => {
    const clientId = webApp({ secrets: ['right-secret'] });
    const result = await services.credentialCheck.check({ tenant: TID, clientId, credential: { kind: 'secret', secret: 'right-secret' } }, AbortSignal.abort());
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
  });
});
