import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';

const TID = '8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b';
let idp: IdentityPlatform;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [{ id: TID, domains: ['contoso.example'] }], users: [{ tenantId: TID, upn: 'alice@contoso.example' }] });
});
afterAll(async () => idp?.close());

it('smoke', async () => {
  console.warn('startup', idp.startupMs);
  const r = await fetch(`${idp.authorityHost}/contoso.example/v2.0/.well-known/openid-configuration`);
  const j = await r.json();
  console.warn(JSON.stringify(j, null, 1).slice(0, 1500));
  idp.registerApp({ tenantId: TID, clientId: 'app1', secrets: ['s3cret'], applicationPermissions: ['Mail.Read'], consent: { admin: true } });
  const cca = new ConfidentialClientApplication({ auth: { clientId: 'app1', clientSecret: 's3cret', authority: idp.authority(TID), knownAuthorities: [idp.authorityHostAndPort] } });
  const res = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  console.warn(JSON.stringify(res?.accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()))));
  const g = await fetch(`${idp.graphBaseUrl}/v1.0/users/alice@contoso.example/mailFolders/inbox/childFolders`, { headers: { authorization: `Bearer ${res?.accessToken}` } });
  console.warn(g.status, await g.text());
  expect(res?.accessToken).toBeTruthy();
});
