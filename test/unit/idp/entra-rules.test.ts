import { describe, expect, it } from 'vitest';
import { Directory } from '../../idp/directory';
import { EntraError } from '../../idp/entra-errors';
import { requestedGraphPermissions } from '../../idp/graph-scopes';

const directory = new Directory();
directory.addTenant({ id: 't1', domains: ['contoso.example'] });
const app = directory.registerApp({
  tenantId: 't1', clientId: 'c1',
  webRedirectUris: ['https://xsoar.example/callback', 'http://localhost:7777/cb'],
  publicRedirectUris: ['http://localhost'],
});

describe('the test platform\'s Entra rules', () => {
  it('matches Web redirect URIs exactly and Mobile-and-desktop loopback URIs on any port', () => {
    expect(Directory.redirectPlatform(app, 'https://xsoar.example/callback')).toBe('web');
    expect(Directory.redirectPlatform(app, 'https://xsoar.example/callback/')).toBeUndefined();
    expect(Directory.redirectPlatform(app, 'http://localhost:7777/cb')).toBe('web');
    expect(Directory.redirectPlatform(app, 'http://localhost:51234')).toBe('public');
    expect(Directory.redirectPlatform(app, 'http://localhost:51234/')).toBe('public');
    expect(Directory.redirectPlatform(app, 'http://localhost:51234/other')).toBeUndefined();
    expect(Directory.redirectPlatform(app, 'http://127.0.0.1:51234')).toBeUndefined();
    expect(Directory.redirectPlatform(app, 'not a url')).toBeUndefined();
  });

  it('resolves a tenant by GUID or verified domain, case-insensitively', () => {
    expect(directory.tenantBySegment('CONTOSO.example')?.id).toBe('t1');
    expect(directory.tenantBySegment('t1')?.id).toBe('t1');
    expect(directory.tenantBySegment('fabrikam.example')).toBeUndefined();
  });

  it('reads Graph permissions from a scope parameter; .default means the required permissions', () => {
    expect(requestedGraphPermissions('openid offline_access https://graph.microsoft.com/Mail.Read', [])).toEqual(['Mail.Read']);
    expect(requestedGraphPermissions('offline_access https://graph.microsoft.com/.default', ['Mail.ReadWrite', 'User.Read'])).toEqual(['Mail.ReadWrite', 'User.Read']);
  });

  it('shapes error bodies like Entra, echoing a GUID client-request-id as correlation id', () => {
    const body = new EntraError('codeExpired', 'The code has expired.').toBody('https://login.test', new Date('2026-11-26T11:27:17.123Z'), '0f1e2d3c-4b5a-4968-8776-655443322110');
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [70008], timestamp: '2026-11-26 11:27:17Z', correlation_id: '0f1e2d3c-4b5a-4968-8776-655443322110', error_uri: 'https://login.test/error?code=70008' });
    expect(body.error_description).toMatch(/^AADSTS70008: The code has expired\. Trace ID: [0-9a-f-]{36} Correlation ID: 0f1e2d3c-4b5a-4968-8776-655443322110 Timestamp: 2026-11-26 11:27:17Z$/);
  });
});
