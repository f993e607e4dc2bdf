import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { IDENTITY_ENDPOINTS_SETTING, msalAuthorityFor, parseIdentityEndpoints } from '../../../shared/config/identity-endpoints';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { ALICE, GRAPH, newClientId, TENANT, TID, USERS } from './fixture';

let idp: IdentityPlatform;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
});
afterAll(async () => idp?.close());

describe(`the ${IDENTITY_ENDPOINTS_SETTING} switch`, () => {
  it('points MSAL (authority, knownAuthorities) and Graph calls at the test platform and nothing else changes', async () => {
    const parsed = parseIdentityEndpoints(JSON.stringify({ authorityHost: idp.authorityHost, graphHost: idp.graphBaseUrl }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const endpoints = parsed.value;
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, secrets: ['s'], applicationPermissions: ['Mail.Read'], consent: { admin: true } });

    const { authority, knownAuthorities } = msalAuthorityFor(endpoints, 'contoso.example');
    const cca = new ConfidentialClientApplication({ auth: { clientId, clientSecret: 's', authority, knownAuthorities: [...knownAuthorities] } });
    // The scope names the Graph resource, which does not move with the host.
    const token = await cca.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] });
    const res = await fetch(`${endpoints.graphHost}/v1.0/users/${ALICE.upn}/mailFolders/inbox`, { headers: { authorization: `Bearer ${token?.accessToken}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: 'Inbox' });
  });
});
