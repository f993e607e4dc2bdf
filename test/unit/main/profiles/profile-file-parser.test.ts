import { describe, expect, it } from 'vitest';
import { damagedKey, parseProfileFile, serializeProfileFile, summarizeDamaged } from '../../../../main/profiles/profile-file-parser';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import type { Profile } from '../../../../shared/domain/profile';

const NOW = '2026-12-01T10:00:00.000Z';

function profile(id: string, name: string): Profile {
  return { id, name, nameSetByUser: true, draft: emptyDraft(), secretFields: [], createdAt: NOW, updatedAt: NOW, notes: '', secretExpiresAt: null, credentialEnds: [], resumeStep: 'method', verifiedChecks: [], secretVersions: {} };
}

const A = profile('aaaaaaaa-0000-4000-8000-000000000001', 'Alpha');
const B = profile('bbbbbbbb-0000-4000-8000-000000000002', 'Bravo');

describe('parseProfileFile: a damaged entry is set aside on its own', () => {
  it('loads every valid profile and sets aside an over-long name, a wrong type and a non-object', () => {
    const longName = { ...A, id: 'cccccccc-0000-4000-8000-000000000003', name: 'L'.repeat(150) };
    const wrongType = { ...B, id: 'dddddddd-0000-4000-8000-000000000004', secretFields: 'all' };
    const text = JSON.stringify({ schemaVersion: 1, profiles: [A, longName, B, wrongType, 42] });
    const parsed = parseProfileFile(text, NOW);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    expect(parsed.profiles.map((p) => p.name)).toEqual(['Alpha', 'Bravo']);
    expect(parsed.newlyDamaged).toBe(3);
    expect(parsed.damaged.map((d) => d.entry)).toEqual([longName, wrongType, 42]);
    expect(parsed.damaged[0]?.reason).toContain('name');
    expect(parsed.damaged[1]?.reason).toContain('secretFields');
    expect(parsed.damaged.every((d) => d.setAsideAt === NOW && d.key === damagedKey(d.entry))).toBe(true);
    expect(summarizeDamaged(parsed.damaged[0]!)).toMatchObject({ name: 'L'.repeat(150), profileId: 'cccccccc-0000-4000-8000-000000000003' });
    expect(summarizeDamaged(parsed.damaged[2]!)).toMatchObject({ name: null, profileId: null });
  });

  it('sets aside a second entry with an id already taken', () => {
    const twin = { ...B, id: A.id };
    const parsed = parseProfileFile(JSON.stringify({ schemaVersion: 1, profiles: [A, twin] }), NOW);
    expect(parsed.kind === 'ok' && parsed.profiles).toEqual([A]);
    expect(parsed.kind === 'ok' && parsed.damaged[0]?.reason).toContain('same id');
  });

  it('keeps the damaged list across a write and a read, never loading it as profiles', () => {
    const first = parseProfileFile(JSON.stringify({ schemaVersion: 1, profiles: [A, { id: 'x' }] }), NOW);
    if (first.kind !== 'ok') throw new Error(first.kind);
    const written = serializeProfileFile(1, first.profiles, first.damaged);
    expect(JSON.parse(written)).toEqual({ schemaVersion: 1, profiles: [A], damaged: [{ reason: first.damaged[0]!.reason, setAsideAt: NOW, entry: { id: 'x' } }] });
    const again = parseProfileFile(written, '2026-12-02T00:00:00.000Z');
    if (again.kind !== 'ok') throw new Error(again.kind);
    expect(again.profiles).toEqual([A]);
    expect(again.newlyDamaged).toBe(0);
    expect(again.damaged).toEqual(first.damaged);
  });

  it('keeps a damaged list of an unexpected shape rather than dropping it', () => {
    const parsed = parseProfileFile(JSON.stringify({ schemaVersion: 1, profiles: [], damaged: ['odd'] }), NOW);
    expect(parsed.kind === 'ok' && parsed.damaged.map((d) => d.entry)).toEqual(['odd']);
  });

  it('writes no damaged key when nothing is set aside', () => {
    expect(JSON.parse(serializeProfileFile(1, [A], []))).toEqual({ schemaVersion: 1, profiles: [A] });
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,"profiles":[', 'not valid JSON'],
    ['no schema version', JSON.stringify({ profiles: [] }), 'not recognised'],
    ['profiles not a list', JSON.stringify({ schemaVersion: 1, profiles: {} }), 'no list of profiles'],
  ])('calls a file unreadable only when it is %s', (_what, text, why) => {
    expect(parseProfileFile(text, NOW)).toEqual({ kind: 'unreadable', why: expect.stringContaining(why) });
  });
});
