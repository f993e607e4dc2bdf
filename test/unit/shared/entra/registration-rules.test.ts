import { describe, expect, it } from 'vitest';
import { APP_REQUIRED_SCOPE_VALUES, GRAPH_APP_ID } from '../../../../shared/entra/entra-constants';
import { explainGraphFailure } from '../../../../shared/entra/graph-error-explainer';
import { classifyGraphAnswer, retryDelayMs, REPLICATION_BACKOFF_MS } from '../../../../shared/entra/graph-retry-policy';
import { applicationPatch, diffRegistration, isHealthy, planConsent } from '../../../../shared/entra/registration-diff';
import type { DesiredRegistration, GraphApplication, GraphPermissionCatalogue } from '../../../../shared/entra/registration-model';

const IDS: Record<string, string> = { 'Mail.ReadWrite': 's1', 'Mail.Send': 's2', 'User.Read': 's3', 'MailboxSettings.ReadWrite': 's4', offline_access: 's5', 'Mail.Read': 's6' };
const catalogue: GraphPermissionCatalogue = {
  graphServicePrincipalId: 'graph-sp',
  scopeIdByValue: IDS,
  scopeValueById: Object.fromEntries(Object.entries(IDS).map(([k, v]) => [v, k])),
  roleValueById: { r1: 'Mail.Read' },
};
const NOW = Date.parse('2026-12-01T00:00:00Z');
const desired: DesiredRegistration = {
  webRedirectUri: 'https://xsoar.example/callback', publicRedirectUri: 'http://localhost', scopeValues: APP_REQUIRED_SCOPE_VALUES,
  consent: 'tenant', mailboxUserId: null, credential: { kind: 'secret', heldSecretHint: 'abc' },
};
const healthy: GraphApplication = {
  id: 'obj', appId: 'app', displayName: 'X', signInAudience: 'AzureADMyOrg', tags: [],
  web: { redirectUris: ['https://xsoar.example/callback'] }, publicClient: { redirectUris: ['http://localhost'] },
  requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, type: 'Scope' as const })) }],
  passwordCredentials: [{ keyId: 'k', displayName: 'xsoar-assistant', hint: 'abc', endDateTime: '2027-06-01T00:00:00Z' }],
  keyCredentials: [],
};
const grant = { id: 'g', clientId: 'sp', consentType: 'AllPrincipals' as const, principalId: null, resourceId: 'graph-sp', scope: APP_REQUIRED_SCOPE_VALUES.join(' ') };

describe('diffRegistration', () => {
  it('a healthy registration: every line ok, no patch, no consent write', () => {
    const findings = diffRegistration(desired, { app: healthy, servicePrincipalId: 'sp', grants: [grant] }, catalogue, NOW);
    expect(findings.map((f) => f.status)).toEqual(Array(8).fill('ok'));
    expect(isHealthy(findings)).toBe(true);
    expect(applicationPatch(desired, healthy, catalogue)).toBeNull();
    expect(planConsent(desired, 'sp', [grant], catalogue)).toEqual({ kind: 'none' });
  });

  it('redirects on the wrong platforms, a missing and an extra permission, an application permission', () => {
    const broken: GraphApplication = {
      ...healthy,
      web: { redirectUris: ['http://localhost'] },
      publicClient: { redirectUris: ['https://xsoar.example/callback'] },
      requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: 's1', type: 'Scope' }, { id: 's6', type: 'Scope' }, { id: 'r1', type: 'Role' }] }],
    };
    const byId = Object.fromEntries(diffRegistration(desired, { app: broken, servicePrincipalId: null, grants: [] }, catalogue, NOW).map((f) => [f.id, f]));
    expect(byId['web-redirect']).toMatchObject({ status: 'problem', detail: expect.stringContaining('AADSTS700025') });
    expect(byId['public-redirect']).toMatchObject({ status: 'problem', detail: expect.stringContaining('AADSTS7000218') });
    expect(byId['delegated-permissions']?.detail).toBe('Missing: Mail.Send, User.Read, MailboxSettings.ReadWrite, offline_access. Not needed: Mail.Read.');
    expect(byId['application-permissions']).toMatchObject({ status: 'problem', detail: expect.stringContaining('Mail.Read') });
    expect(byId['service-principal']?.status).toBe('problem');
    expect(byId['consent']?.status).toBe('problem');
    expect(applicationPatch(desired, broken, catalogue)).toEqual({
      web: { redirectUris: ['https://xsoar.example/callback'] },
      publicClient: { redirectUris: ['http://localhost'] },
      requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, type: 'Scope' })) }],
    });
  });

  it('credential: expiring soon is a warning, expired or not held is a problem; certificates by thumbprint', () => {
    const soon = { ...healthy, passwordCredentials: [{ ...healthy.passwordCredentials[0]!, endDateTime: '2026-12-10T00:00:00Z' }] };
    const cred = (app: GraphApplication, d: DesiredRegistration = desired): unknown => diffRegistration(d, { app, servicePrincipalId: 'sp', grants: [grant] }, catalogue, NOW).find((f) => f.id === 'credential');
    expect(cred(soon)).toMatchObject({ status: 'warning', detail: expect.stringContaining('in 9 days') });
    expect(cred({ ...healthy, passwordCredentials: [{ ...healthy.passwordCredentials[0]!, endDateTime: '2026-11-01T00:00:00Z' }] })).toMatchObject({ status: 'problem' });
    expect(cred(healthy, { ...desired, credential: { kind: 'secret', heldSecretHint: null } })).toMatchObject({ status: 'problem' });
    const certDesired: DesiredRegistration = { ...desired, credential: { kind: 'certificate', sha1Thumbprint: 'AB12' } };
    expect(cred(healthy, certDesired)).toMatchObject({ status: 'problem', fix: expect.stringContaining('public part') });
    expect(cred({ ...healthy, keyCredentials: [{ keyId: 'c', type: 'AsymmetricX509Cert', usage: 'Verify', displayName: null, endDateTime: '2027-12-01T00:00:00Z', customKeyIdentifier: 'ab12' }] }, certDesired)).toMatchObject({ status: 'ok' });
  });

  it('consent: a short grant is extended; mailbox-user consent creates a Principal grant', () => {
    const short = { ...grant, scope: 'Mail.ReadWrite' };
    expect(planConsent(desired, 'sp', [short], catalogue)).toEqual({ kind: 'extend', grantId: 'g', scope: `Mail.ReadWrite ${APP_REQUIRED_SCOPE_VALUES.filter((s) => s !== 'Mail.ReadWrite').join(' ')}` });
    const mine: DesiredRegistration = { ...desired, consent: 'mailbox-user', mailboxUserId: 'u1' };
    expect(planConsent(mine, 'sp', [], catalogue)).toEqual({ kind: 'create', body: { clientId: 'sp', consentType: 'Principal', principalId: 'u1', resourceId: 'graph-sp', scope: APP_REQUIRED_SCOPE_VALUES.join(' ') } });
    // A tenant-wide grant also covers the mailbox user.
    expect(planConsent(mine, 'sp', [grant], catalogue)).toEqual({ kind: 'none' });
  });
});

describe('Graph retry policy', () => {
  it('classifies the documented replication, throttling and ambiguous answers', () => {
    expect(classifyGraphAnswer({ method: 'GET', status: 404, code: 'Request_ResourceNotFound', detailCodes: [] })).toBe('replicating');
    expect(classifyGraphAnswer({ method: 'POST', status: 400, code: 'Request_BadRequest', detailCodes: ['NoBackingApplicationObject'] })).toBe('replicating');
    expect(classifyGraphAnswer({ method: 'POST', status: 404, code: 'Directory_ObjectNotFound', detailCodes: [] })).toBe('ambiguous-write');
    expect(classifyGraphAnswer({ method: 'PATCH', status: 404, code: 'Directory_ObjectNotFound', detailCodes: [] })).toBe('replicating');
    expect(classifyGraphAnswer({ method: 'GET', status: 429, code: null, detailCodes: [] })).toBe('throttled');
    expect(classifyGraphAnswer({ method: 'POST', status: 403, code: 'Authorization_RequestDenied', detailCodes: [] })).toBe('final');
    expect(classifyGraphAnswer({ method: 'POST', status: 400, code: 'Request_BadRequest', detailCodes: [] })).toBe('final');
  });

  it('backs off 2-4-8-16-32 s, honours Retry-After (seconds or date), gives up after five', () => {
    expect(REPLICATION_BACKOFF_MS.map((_, i) => retryDelayMs('replicating', i, null, REPLICATION_BACKOFF_MS, 0))).toEqual([2000, 4000, 8000, 16000, 32000]);
    expect(retryDelayMs('replicating', 5, null, REPLICATION_BACKOFF_MS, 0)).toBeNull();
    expect(retryDelayMs('throttled', 0, '7', REPLICATION_BACKOFF_MS, 0)).toBe(7000);
    expect(retryDelayMs('throttled', 0, new Date(NOW + 3000).toUTCString(), REPLICATION_BACKOFF_MS, NOW)).toBe(3000);
    expect(retryDelayMs('throttled', 0, '3600', REPLICATION_BACKOFF_MS, 0)).toBeNull();
    expect(retryDelayMs('final', 0, null, REPLICATION_BACKOFF_MS, 0)).toBeNull();
  });
});

describe('explainGraphFailure', () => {
  it('names the directory role per step, the secret policy and Conditional Access step-up', () => {
    expect(explainGraphFailure({ step: 'create-app', status: 403, code: 'Authorization_RequestDenied', claimsChallenge: false })).toMatchObject({ title: 'Not allowed to register applications', roles: ['Application Developer', 'Application Administrator', 'Cloud Application Administrator'] });
    expect(explainGraphFailure({ step: 'consent', status: 403, code: 'Authorization_RequestDenied', claimsChallenge: false })).toMatchObject({ roles: ['Cloud Application Administrator', 'Application Administrator'] });
    expect(explainGraphFailure({ step: 'credential', status: 403, code: 'Authorization_RequestDenied', claimsChallenge: false }).fix).toContain('owner');
    expect(explainGraphFailure({ step: 'credential', status: 400, code: 'CredentialTypeNotAllowedAsPerAppPolicy', claimsChallenge: false }).title).toBe('Client secrets are blocked by a tenant policy');
    expect(explainGraphFailure({ step: 'create-app', status: 401, code: 'InvalidAuthenticationToken', claimsChallenge: true }).title).toBe('Conditional Access asks for a stronger sign-in');
  });
});
