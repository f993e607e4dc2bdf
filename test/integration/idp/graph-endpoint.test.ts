import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { GRAPH, newClientId, TENANT, TID, USERS, ALICE, BOB } from './fixture';

let idp: IdentityPlatform;
let mailToken: string;
let userOnlyToken: string;
beforeAll(async () => {
  idp = await startIdentityPlatform({ tenants: [TENANT], users: [...USERS, { tenantId: TID, upn: 'nomail@contoso.example', hasMailbox: false }] });
  mailToken = await appToken(['Mail.Read', 'User.Read.All']);
  userOnlyToken = await appToken(['User.Read.All']);
});
afterAll(async () => idp?.close());

async function appToken(roles: string[]): Promise<string> {
  const clientId = newClientId();
  idp.registerApp({ tenantId: TID, clientId, secrets: ['s'], applicationPermissions: roles, consent: { admin: true } });
  const cca = new ConfidentialClientApplication({ auth: { clientId, clientSecret: 's', authority: idp.authority(TID), knownAuthorities: [idp.authorityHostAndPort] } });
  return (await cca.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }))?.accessToken ?? '';
}

async function get(path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${idp.graphBaseUrl}/v1.0${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Graph endpoint', () => {
  it('serves users by UPN and id, messages and mail folders with well-known names and child folders', async () => {
    const alice = await get(`/users/${ALICE.upn}`, mailToken);
    expect(alice).toMatchObject({ status: 200, body: { userPrincipalName: ALICE.upn, mail: ALICE.upn } });
    expect((await get(`/users/${String(alice.body['id'])}`, mailToken)).body['userPrincipalName']).toBe(ALICE.upn);
    const top1 = await get(`/users/${ALICE.upn}/messages?$top=1`, mailToken);
    expect((top1.body['value'] as unknown[]).length).toBe(1);
    const folders = await get(`/users/${ALICE.upn}/mailFolders`, mailToken);
    expect((folders.body['value'] as { displayName: string }[]).map((f) => f.displayName)).toEqual(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items', 'Junk Email', 'Archive']);
    const sent = await get(`/users/${ALICE.upn}/mailFolders/sentitems`, mailToken);
    expect(sent.body['displayName']).toBe('Sent Items');
    const children = await get(`/users/${BOB.upn}/mailFolders/inbox/childFolders`, mailToken);
    const phishing = (children.body['value'] as { id: string; displayName: string }[])[0];
    expect(phishing?.displayName).toBe('Phishing');
    expect((await get(`/users/${BOB.upn}/mailFolders/${phishing?.id}`, mailToken)).body['displayName']).toBe('Phishing');
  });

  it('answers 404 for an unknown mailbox, a user without a mailbox and an unknown folder', async () => {
    expect(await get('/users/ghost@contoso.example/messages?$top=1', mailToken)).toMatchObject({ status: 404, body: { error: { code: 'ErrorInvalidUser' } } });
    expect(await get('/users/nomail@contoso.example/messages?$top=1', mailToken)).toMatchObject({ status: 404, body: { error: { code: 'MailboxNotEnabledForRESTAPI' } } });
    expect(await get(`/users/${ALICE.upn}/mailFolders/no-such-folder`, mailToken)).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect((await get('/users/ghost@contoso.example', mailToken)).status).toBe(404);
  });

  it('answers 403 ErrorAccessDenied in Graph\'s error shape when the token lacks the permission', async () => {
    const denied = await get(`/users/${ALICE.upn}/mailFolders`, userOnlyToken);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
    expect((denied.body['error'] as { innerError: Record<string, unknown> }).innerError['request-id']).toEqual(expect.any(String));
    expect((await get('/me', mailToken)).status).toBe(400);
  });

  it('rejects tokens with a bad signature, a missing token and expired tokens (platform clock) with 401', async () => {
    const [h, p] = mailToken.split('.');
    const tampered = `${h}.${p}.${Buffer.from('forged').toString('base64url')}`;
    expect(await get(`/users/${ALICE.upn}`, tampered)).toMatchObject({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } });
    expect((await get(`/users/${ALICE.upn}`, '')).status).toBe(401);
    idp.clock.advance(2 * 3600);
    expect(await get(`/users/${ALICE.upn}`, mailToken)).toMatchObject({ status: 401, body: { error: { message: 'Lifetime validation failed, the token is expired.' } } });
  });
});
