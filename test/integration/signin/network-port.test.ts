import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '@azure/msal-node';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { CredentialCheckService } from '../../../main/auth/credential-check-service';
import { MsalNetworkClient } from '../../../main/auth/msal-network-client';
import { msalAuthOptions } from '../../../main/auth/msal-config';
import { TenantResolver } from '../../../main/auth/tenant-resolver';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../main/ports/http-client';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { MAIL_PERMISSIONS, newClientId, TENANT, TID, USERS } from '../idp/fixture';
import { endpointsOf } from './signin-fixture';

/** The real Node client, with every request's method and URL written down (no answer is altered). */
class RecordingHttpClient implements HttpClient {
  readonly sent: string[] = [];
  private readonly inner = createNodeFetchClient();
  send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(`${request.method} ${request.url}`);
    return this.inner.send(request);
  }
}

/** A TCP server that accepts connections and never answers: a hung proxy or firewall. */
let silent: Server;
const held = new Set<Socket>();
let idp: IdentityPlatform;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
  silent = createServer((socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await idp?.close();
});

describe('MsalNetworkClient (MSAL INetworkModule over our HttpClient)', () => {
  it('returns JSON bodies with lower-case headers for every status, 4xx included', async () => {
    const client = new MsalNetworkClient(createNodeFetchClient(), new AbortController().signal);
    const discovery = await client.sendGetRequestAsync<{ issuer: string }>(`${idp.authority(TID)}v2.0/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(discovery.body.issuer).toBe(`${idp.authorityHost}/${TID}/v2.0`);
    expect(discovery.headers['content-type']).toContain('application/json');
    const refused = await client.sendPostRequestAsync<{ error_codes: number[] }>(`${idp.authority(TID)}oauth2/v2.0/token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: newClientId(), grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default', client_secret: 'x' }).toString(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error_codes).toEqual([700016]);
  });

  it('throws MSAL network_error on its GET timeout and when the operation is cancelled', async () => {
    const url = `https://127.0.0.1:${(silent.address() as { port: number }).port}/x`;
    const client = new MsalNetworkClient(createNodeFetchClient(), new AbortController().signal);
    await expect(client.sendGetRequestAsync(url, {}, 300)).rejects.toSatisfy((e) => e instanceof AuthError && e.errorCode === 'network_error' && /timeout/i.test(e.errorMessage));
    const controller = new AbortController();
    const cancelled = new MsalNetworkClient(createNodeFetchClient(), controller.signal).sendPostRequestAsync(url, { body: '' });
    controller.abort();
    await expect(cancelled).rejects.toSatisfy((e) => e instanceof AuthError && /cancelled/i.test(e.errorMessage));
  });

  it('carries every MSAL request of a credential check (discovery and token) through the port', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: ['https://localhost'], secrets: ['s3cret'], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const http = new RecordingHttpClient();
    const endpoints = endpointsOf(idp);
    const result = await new CredentialCheckService(http, endpoints, new TenantResolver(http, endpoints)).check({ tenant: TID, clientId, credential: { kind: 'secret', secret: 's3cret' } });
    expect(result.ok).toBe(true);
    expect(http.sent.some((s) => s.startsWith(`POST ${idp.authority(TID)}oauth2/v2.0/token`))).toBe(true);
    expect(http.sent.some((s) => s.startsWith(`GET ${idp.authority(TID)}v2.0/.well-known/openid-configuration`))).toBe(true);
    expect(http.sent.every((s) => s.includes(idp.authorityHostAndPort))).toBe(true);
  });
});

describe('bounded waits', () => {
  it('a tenant lookup that gets no answer ends with op/timeout', async () => {
    const hung = { authorityHost: `https://127.0.0.1:${(silent.address() as { port: number }).port}`, graphHost: idp.graphBaseUrl };
    const result = await new TenantResolver(createNodeFetchClient(), hung, 500).resolve(TID);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Timeout } });
  });

  it('a credential check against an identity platform that never answers ends with op/timeout', async () => {
    const hung = { authorityHost: `https://127.0.0.1:${(silent.address() as { port: number }).port}`, graphHost: idp.graphBaseUrl };
    const http = createNodeFetchClient();
    const result = await new CredentialCheckService(http, hung, new TenantResolver(http, hung), 700).check({ tenant: TID, clientId: newClientId(), credential: { kind: 'secret', secret: 's' } });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Timeout } });
  });
});

describe('MSAL configuration per endpoint set', () => {
  it('production looks like any Entra app (no knownAuthorities); the test platform is a known authority', () => {
    expect(msalAuthOptions(PRODUCTION_IDENTITY_ENDPOINTS, TID, 'cid')).toEqual({ clientId: 'cid', authority: `https://login.microsoftonline.com/${TID}/` });
    expect(msalAuthOptions(endpointsOf(idp), TID, 'cid')).toEqual({ clientId: 'cid', authority: `${idp.authorityHost}/${TID}/`, knownAuthorities: [idp.authorityHostAndPort] });
  });
});
