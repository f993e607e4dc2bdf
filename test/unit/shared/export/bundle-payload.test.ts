import { describe, expect, it } from 'vitest';
import { buildBundlePayload, readBundlePayload, serializeBundlePayload } from '../../../../shared/export/bundle-payload';
import { FIXTURE_INSTANCE, FIXTURE_PROFILE, FIXTURES } from '../../../fixtures/export-fixtures';

function payloadJson(): Record<string, unknown> {
  const p = buildBundlePayload({ profile: { name: FIXTURE_PROFILE, instanceName: FIXTURE_INSTANCE }, params: FIXTURES['self-deployed-certificate'], exportedAt: '2026-11-26T12:00:00.000Z' });
  if (!p.ok) throw new Error(p.error.message);
  return JSON.parse(serializeBundlePayload(p.value)) as Record<string, unknown>;
}

const codeOf = (value: unknown): string => {
  const r = readBundlePayload(typeof value === 'string' ? value : JSON.stringify(value));
  return r.ok ? 'ok' : r.error.code;
};

describe('bundle payload schema', () => {
  it('reads back what it writes, secrets split from settings', () => {
    const json = payloadJson();
    expect(Object.keys(json.secrets as object)).toEqual(['certificate-private-key', 'auth-code']);
    expect((json.settings as Record<string, { password: string }>)['creds_certificate']?.password).toBe('');
    const r = readBundlePayload(JSON.stringify(json));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.params).toEqual(FIXTURES['self-deployed-certificate']);
  });

  it.each([
    ['not JSON', 'not json'],
    ['an extra top-level key', { ...payloadJson(), extra: 1 }],
    ['a newer payload version', { ...payloadJson(), payloadVersion: 2 }],
    ['an unknown parameter', { ...payloadJson(), settings: { ...(payloadJson().settings as object), azure_cloud: 'x' } }],
    ['a secret inline in settings', { ...payloadJson(), settings: { ...(payloadJson().settings as object), creds_auth_code: { credential: '', identifier: '', password: 'FAKE', passwordChanged: false } } }],
    ['a missing secret', { ...payloadJson(), secrets: { 'auth-code': 'FAKE-code' } }],
    ['a stored-credential reference', { ...payloadJson(), settings: { ...(payloadJson().settings as object), creds_auth_id: { credential: 'x', identifier: '', password: '', passwordChanged: false } } }],
    ['a bad date', { ...payloadJson(), exportedAt: 'yesterday' }],
  ])('refuses %s', (_what, value) => {
    expect(codeOf(value)).toBe('bundle/invalid-payload');
  });
});
