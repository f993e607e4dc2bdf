import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyProbe } from '../../../../shared/xsoar/about-probe';
import { explainIntegrationError, IntegrationErrorKind } from '../../../../shared/xsoar/integration-error-explainer';
import { nonSecretParams, planUpdate, type StoredInstance } from '../../../../shared/xsoar/instance-update';
import { classifyNetworkFailure } from '../../../../shared/xsoar/network-failure';
import { interpretTestEntries, testCommand } from '../../../../shared/xsoar/test-entries';
import { xsoarAuthHeaders } from '../../../../shared/xsoar/xsoar-auth-headers';
import { apiBaseUrl, productFromAbout } from '../../../../shared/xsoar/xsoar-product';
import { connectionInputProblems } from '../../../../shared/xsoar/xsoar-connection';
import { buildRestBody } from '../../../../shared/export/rest-body';
import { prepareExport } from '../../../../shared/export/export-input';
import { credentialValue } from '../../../../shared/xsoar/param-types';

const tools = { nonce: () => 'n'.repeat(64), nowMs: () => 1_700_000_000_000, sha256Hex: (t: string) => createHash('sha256').update(t).digest('hex') };

describe('headers per product', () => {
  it('XSOAR 6 sends the key alone; XSOAR 8 adds the key ID', () => {
    expect(xsoarAuthHeaders({ apiKey: 'K', keyId: '', advanced: false }, tools)).toEqual({ authorization: 'K' });
    expect(xsoarAuthHeaders({ apiKey: 'K', keyId: '12', advanced: false }, tools)).toEqual({ authorization: 'K', 'x-xdr-auth-id': '12' });
  });
  it('an advanced key signs key+nonce+timestamp and never sends the key', () => {
    const h = xsoarAuthHeaders({ apiKey: 'K', keyId: '12', advanced: true }, tools);
    expect(h).toEqual({ 'x-xdr-auth-id': '12', 'x-xdr-nonce': 'n'.repeat(64), 'x-xdr-timestamp': '1700000000000', authorization: tools.sha256Hex(`K${'n'.repeat(64)}1700000000000`) });
  });
});

describe('probe and product', () => {
  it('classifies /about answers', () => {
    expect(classifyProbe({ status: 200, contentType: 'application/json', body: '{"version":"6.14.0"}' })).toEqual({ kind: 'ok', product: 'xsoar6', version: '6.14.0' });
    expect(classifyProbe({ status: 200, contentType: 'text/html', body: '<!doctype html>' })).toEqual({ kind: 'browser-address' });
    expect(classifyProbe({ status: 302, contentType: '', body: '' })).toEqual({ kind: 'browser-address' });
    expect(classifyProbe({ status: 401, contentType: 'application/json', body: '{}' })).toEqual({ kind: 'unauthorized' });
    expect(classifyProbe({ status: 404, contentType: 'application/json', body: '{}' })).toEqual({ kind: 'not-xsoar', status: 404 });
    expect(productFromAbout({ version: '8.9.0' })).toBe('xsoar8');
    expect(productFromAbout({ version: '6.10', product_mode: 'xsoar', deployment_mode: 'saas' })).toBe('xsoar8');
    expect(productFromAbout({ version: '8.9.0', product_mode: 'xsiam' })).toBe('xsiam');
  });
  it('puts XSOAR 8 / XSIAM under /xsoar once', () => {
    expect(apiBaseUrl('https://api-acme.example/', true)).toBe('https://api-acme.example/xsoar');
    expect(apiBaseUrl('https://api-acme.example/xsoar', true)).toBe('https://api-acme.example/xsoar');
    expect(apiBaseUrl('https://xsoar.example/acc_tenant1', false)).toBe('https://xsoar.example/acc_tenant1');
  });
  it('refuses http, queries and credentials in the URL', () => {
    const base = { name: 'prod', keyId: '', advancedKey: false, caPem: '', caFileName: '' };
    expect(connectionInputProblems({ ...base, url: 'https://xsoar.example' })).toEqual([]);
    expect(connectionInputProblems({ ...base, url: 'http://xsoar.example' }).join()).toContain('https://');
    expect(connectionInputProblems({ ...base, url: 'https://u:p@xsoar.example?x=1' })).toHaveLength(2);
  });
});

describe('test result and explanations', () => {
  it('reads entries', () => {
    expect(interpretTestEntries([{ type: 1, contents: '```✅ Success!```' }])).toMatchObject({ outcome: 'success' });
    expect(interpretTestEntries([{ type: 4, contents: 'boom' }])).toEqual({ outcome: 'failure', text: 'boom' });
    expect(interpretTestEntries([])).toEqual({ outcome: 'no-output' });
    expect(testCommand('My "x"')).toBe('!msgraph-mail-test using="My \\"x\\""');
  });
  it.each([
    ['Error in Microsoft authorization. Status: 400, body: {"error_codes":[70008]} AADSTS70008: expired', IntegrationErrorKind.Aadsts],
    ['Malformed auth_code parameter: Please copy the auth code…', IntegrationErrorKind.MalformedAuthCode],
    ['Error in Microsoft authorization: Incorrect padding Please check authentication related parameters.', IntegrationErrorKind.KeyNotBase64],
    ['AESGCM key must be 128, 192, or 256 bits.', IntegrationErrorKind.KeySize],
    ['Error in Microsoft authorization. Status: 400, body: {} Server message: Invalid token', IntegrationErrorKind.OproxyRejected],
    ['Error in Microsoft authorization with Azure Managed Identities: {"error":"invalid_request","error_description":"Identity not found"}', IntegrationErrorKind.ManagedIdentityNotFound],
    ['Error in API call [403] - Forbidden', IntegrationErrorKind.MailboxAccessDenied],
    ['something else', IntegrationErrorKind.Unknown],
  ])('%s → %s', (text, kind) => {
    expect(explainIntegrationError(text).kind).toBe(kind);
  });
  it('AADSTS texts reuse the AADSTS explainer (wrong secret, redirect URI)', () => {
    expect(explainIntegrationError('AADSTS7000215: Invalid client secret provided.').title).toBe('Wrong client secret');
    expect(explainIntegrationError('AADSTS50011: The redirect URI').aadsts?.code).toBe(50011);
  });
  it('names the certificate problem', () => {
    expect(classifyNetworkFailure('x:443', 'SELF_SIGNED_CERT_IN_CHAIN', '').kind).toBe('tls');
    expect(classifyNetworkFailure('x:443', 'CERT_HAS_EXPIRED', '').message).toContain('expired');
    expect(classifyNetworkFailure('x:443', '', 'net::ERR_CERT_COMMON_NAME_INVALID').message).toContain('different host name');
    expect(classifyNetworkFailure('x:443', 'ENOTFOUND', '').kind).toBe('dns');
    expect(classifyNetworkFailure('x:443', 'UND_ERR_SOCKET', 'other side closed').kind).toBe('dropped');
  });
});

describe('update plan', () => {
  it('diffs non-secret values, keeps secrets the profile lacks, marks sent secrets changed', () => {
    const checked = prepareExport({ instanceName: 'i', params: { mailbox_to_fetch: 'a@b.example', folder_to_fetch: 'Inbox', first_fetch: '15 minutes', fetch_limit: '25', self_deployed: false, creds_auth_id: credentialValue('id'), creds_refresh_token: credentialValue('tok'), creds_enc_key: credentialValue('a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=') }, secretsIncluded: true });
    if (!checked.ok) throw new Error(checked.error.message);
    const fresh = buildRestBody(checked.value, { version: 0 });
    const stored: StoredInstance = { id: 'x', name: 'i', brand: 'Microsoft Graph Mail Single User', version: 4, data: [
      { name: 'fetch_limit', type: 0, value: '50', hasvalue: true },
      { name: 'self_deployed', type: 8, value: 'false', hasvalue: true },
      { name: 'creds_certificate', type: 9, value: { credential: '', identifier: 'AB', password: '', passwordChanged: false }, hasvalue: true },
    ] };
    const plan = planUpdate(stored, fresh);
    expect(plan.changes).toContainEqual({ param: 'fetch_limit', label: 'Maximum number of emails to pull per fetch', before: '50', after: '25' });
    expect(plan.changes).toContainEqual(expect.objectContaining({ param: 'mailbox_to_fetch', before: null, after: 'a@b.example' }));
    expect(plan.changes.some((c) => c.param === 'self_deployed')).toBe(false);
    expect(plan.secretsReplaced).toEqual(['creds_auth_id', 'creds_refresh_token', 'creds_enc_key']);
    const data = plan.body['data'] as { name: string; value: unknown }[];
    expect(data.find((d) => d.name === 'creds_certificate')?.value).toEqual({ credential: '', identifier: 'AB', password: '', passwordChanged: false });
    expect(data.find((d) => d.name === 'creds_enc_key')?.value).toMatchObject({ passwordChanged: true });
    expect(plan.body['version']).toBe(4);
    expect(nonSecretParams(stored)).toEqual({ fetch_limit: '50', self_deployed: false, creds_certificate: { credential: '', identifier: 'AB', password: '', passwordChanged: false } });
  });
});
