import { describe, expect, it } from 'vitest';
import { credentialUpdateBody } from '../../../../shared/lifecycle/credential-update';
import { parseRotationJournal, recoveryOf, rotationMarker, ROTATION_PHASES, xsoarMayHoldNew, type RotationJournal } from '../../../../shared/lifecycle/rotation-journal';
import type { StoredInstance } from '../../../../shared/xsoar/instance-update';

const JOURNAL: RotationJournal = {
  version: 1, rotationId: 'r1', profileId: 'p1', credential: 'client-secret', phase: 'creating', startedAt: '2026-12-01T00:00:00.000Z',
  appObjectId: 'o1', tenantId: 't1', connectionId: 'c1', instanceName: 'Inst', playgroundId: '', oldKeyId: 'k-old', oldThumbprint: null,
  newMarker: rotationMarker('r1'), newKeyId: null, newEndsAt: null, newCertificate: null,
};

describe('rotation journal rules', () => {
  it.each(ROTATION_PHASES.map((p) => [p, p === 'committing' ? 'roll-forward' : 'roll-back'] as const))('a crash in %s → %s', (phase, recovery) => {
    expect(recoveryOf({ phase })).toBe(recovery);
  });

  it.each([['creating', false], ['created', false], ['updating-xsoar', true], ['testing', true], ['committing', true]] as const)('in %s the instance may hold the new value: %s', (phase, may) => {
    expect(xsoarMayHoldNew(phase)).toBe(may);
  });

  it('reads back what it wrote; refuses anything else (never acts on a journal it does not understand)', () => {
    expect(parseRotationJournal(JSON.parse(JSON.stringify(JOURNAL)))).toEqual(JOURNAL);
    expect(parseRotationJournal({ ...JOURNAL, version: 2 })).toBeNull();
    expect(parseRotationJournal({ ...JOURNAL, phase: 'done' })).toBeNull();
    expect(parseRotationJournal({ ...JOURNAL, credential: 'password' })).toBeNull();
    expect(parseRotationJournal({ ...JOURNAL, oldKeyId: 7 })).toBeNull();
    expect(parseRotationJournal({ ...JOURNAL, newCertificate: { sha1Thumbprint: 'A' } })).toBeNull();
    expect(parseRotationJournal(null)).toBeNull();
  });

  it('holds no secret: only ids, names, dates and public certificate facts', () => {
    expect(Object.keys(JOURNAL).filter((k) => /secret|password|privateKey/i.test(k))).toEqual([]);
  });
});

describe('the instance update of a rotation changes only the credential', () => {
  const stored: StoredInstance = {
    id: 'i1', name: 'Inst', brand: 'Microsoft Graph Mail Single User', version: 7, engine: '',
    data: [
      { name: 'creds_auth_id', type: 9, value: { credential: '', identifier: '', password: '', passwordChanged: false }, hasvalue: true },
      { name: 'creds_enc_key', type: 9, value: { credential: '', identifier: '', password: '', passwordChanged: false }, hasvalue: true },
      { name: 'creds_auth_code', type: 9, value: { credential: '', identifier: '', password: '', passwordChanged: false }, hasvalue: true },
      { name: 'mailbox_to_fetch', type: 0, value: 'soc@contoso.example', hasvalue: true },
    ],
    extra: 'kept',
  };

  it('a client secret: creds_enc_key gets the new value (marked changed), every other entry byte-identical, same version', () => {
    const body = credentialUpdateBody(stored, { kind: 'client-secret', secret: ' new-secret ' }) as unknown as StoredInstance;
    expect(body.version).toBe(7);
    expect(body['extra']).toBe('kept');
    expect(body.data.find((e) => e.name === 'creds_enc_key')?.value).toEqual({ credential: '', identifier: '', password: 'new-secret', passwordChanged: true });
    expect(body.data.filter((e) => e.name !== 'creds_enc_key')).toEqual(stored.data.filter((e) => e.name !== 'creds_enc_key'));
  });

  it('a certificate: creds_certificate is added with the thumbprint as identifier and the key as password', () => {
    const body = credentialUpdateBody(stored, { kind: 'certificate', sha1Thumbprint: 'ab'.repeat(20), privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n' }) as unknown as StoredInstance;
    expect(body.data).toHaveLength(5);
    expect(body.data.at(-1)).toMatchObject({ name: 'creds_certificate', type: 9, hasvalue: true, value: { identifier: 'AB'.repeat(20), passwordChanged: true } });
    expect(body.data.slice(0, 4)).toEqual(stored.data);
  });
});
