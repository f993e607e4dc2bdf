import { describe, expect, it } from 'vitest';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import type { Profile } from '../../../../shared/domain/profile';
import type { CredentialEnd } from '../../../../shared/domain/credential-end';
import { SecretField, type ProfileSecretField } from '../../../../shared/domain/secret-field';
import {
  daysLeftUntil, deadlinesOf, describeDaysLeft, endsWithin, expiringProfiles, expiryLevelOf, parseExpiringDays, profileExpiryLevel, withCredentialEnd,
} from '../../../../shared/lifecycle/credential-expiry';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;
const inDays = (d: number): string => new Date(NOW + d * DAY).toISOString();

function selfDeployed(kind: 'secret' | 'certificate', certEndsInDays = 200): ProfileDraft {
  const d = emptyDraft();
  return {
    ...d,
    method: 'self-deployed',
    selfDeployed: {
      ...d.selfDeployed,
      credentialKind: kind,
      certificate: kind === 'certificate' ? { sha1Thumbprint: 'A'.repeat(40), sha256Thumbprint: 'B'.repeat(64), subject: 'CN=x', notAfter: inDays(certEndsInDays), certificatePem: '-----BEGIN CERTIFICATE-----' } : null,
    },
  };
}

function profile(over: Partial<Profile> & { draft: ProfileDraft; secretFields: readonly ProfileSecretField[] }): Profile {
  return {
    id: over.id ?? 'p1', name: over.name ?? 'P', nameSetByUser: true, createdAt: 't', updatedAt: 't', notes: '', secretExpiresAt: null, credentialEnds: [], resumeStep: 'review',
    verifiedChecks: [], secretVersions: {}, ...over,
  };
}

function end(over: Partial<CredentialEnd>): CredentialEnd {
  return { credential: 'client-secret', endsAt: inDays(100), source: 'entra', keyId: 'k1', recordedAt: '2026-11-01T00:00:00.000Z', secretVersion: 'v1', ...over };
}

describe('expiry levels: warnings at 30 and 7 days, past the end', () => {
  it.each([
    [365, 'ok'], [30.5, 'ok'], [30, 'warning'], [29, 'warning'], [7.5, 'warning'], [7, 'critical'], [1, 'critical'], [0.01, 'critical'], [0, 'expired'], [-3, 'expired'],
  ] as const)('%s days before the end → %s', (days, level) => {
    expect(expiryLevelOf(inDays(days), NOW)).toBe(level);
  });

  it('an unreadable date counts as past (a false alarm beats silence)', () => {
    expect(expiryLevelOf('not a date', NOW)).toBe('expired');
  });

  it.each([
    [12.4, 12, '12 days left'], [1.2, 1, '1 day left'], [0.3, 0, 'ends today'], [-0.5, -1, 'ended today'], [-2.5, -3, 'ended 2 days ago'],
  ] as const)('%s days → daysLeft %s, "%s"', (days, left, text) => {
    const endsAt = inDays(days);
    expect(daysLeftUntil(endsAt, NOW)).toBe(left);
    expect(describeDaysLeft({ daysLeft: left, level: expiryLevelOf(endsAt, NOW) })).toBe(text);
  });
});

describe('which credentials a profile holds and when each ends', () => {
  it('a client secret read from Entra ID carries its end date and key id', () => {
    const p = profile({ draft: selfDeployed('secret'), secretFields: [SecretField.SelfDeployedClientSecret], secretVersions: { [SecretField.SelfDeployedClientSecret]: 'v1' }, credentialEnds: [end({ endsAt: inDays(20) })] });
    expect(deadlinesOf(p, NOW)).toEqual([{ credential: 'client-secret', endsAt: inDays(20), source: 'entra', keyId: 'k1', daysLeft: 20, level: 'warning' }]);
  });

  it('a record of a replaced secret (other version) no longer applies; the hand-entered date does', () => {
    const p = profile({ draft: selfDeployed('secret'), secretFields: [SecretField.SelfDeployedClientSecret], secretVersions: { [SecretField.SelfDeployedClientSecret]: 'v2' }, credentialEnds: [end({ endsAt: inDays(3) })], secretExpiresAt: '2027-06-01' });
    expect(deadlinesOf(p, NOW)).toEqual([expect.objectContaining({ credential: 'client-secret', endsAt: '2027-06-01T00:00:00.000Z', source: 'manual', level: 'ok' })]);
  });

  it('a client secret with no known end is left out (nothing to warn about)', () => {
    const p = profile({ draft: selfDeployed('secret'), secretFields: [SecretField.SelfDeployedClientSecret] });
    expect(deadlinesOf(p, NOW)).toEqual([]);
  });

  it('a certificate ends when the certificate says, unless Entra ID recorded an end for the stored key', () => {
    const own = profile({ draft: selfDeployed('certificate', 5), secretFields: [SecretField.SelfDeployedPrivateKey] });
    expect(deadlinesOf(own, NOW)).toEqual([expect.objectContaining({ credential: 'certificate', source: 'certificate', daysLeft: 5, level: 'critical' })]);
    const recorded = profile({ ...own, secretVersions: { [SecretField.SelfDeployedPrivateKey]: 'v9' }, credentialEnds: [end({ credential: 'certificate', endsAt: inDays(4), secretVersion: 'v9' })] });
    expect(deadlinesOf(recorded, NOW)).toEqual([expect.objectContaining({ credential: 'certificate', source: 'entra', daysLeft: 4 })]);
  });

  it('both stored (switching credential kind keeps both): both are listed', () => {
    const p = profile({
      draft: selfDeployed('certificate', 90),
      secretFields: [SecretField.SelfDeployedClientSecret, SecretField.SelfDeployedPrivateKey],
      secretVersions: { [SecretField.SelfDeployedClientSecret]: 'v1' },
      credentialEnds: [end({ endsAt: inDays(-1) })],
    });
    expect(deadlinesOf(p, NOW).map((d) => [d.credential, d.level])).toEqual([['client-secret', 'expired'], ['certificate', 'ok']]);
    expect(profileExpiryLevel(deadlinesOf(p, NOW))).toBe('expired');
  });

  it('the newest record of a credential wins (a date entered by hand after the Entra read)', () => {
    const ends = withCredentialEnd([end({ endsAt: inDays(100) })], end({ endsAt: inDays(10), source: 'manual', keyId: null, recordedAt: '2026-11-30T00:00:00.000Z' }));
    expect(ends).toHaveLength(1);
    const p = profile({ draft: selfDeployed('secret'), secretFields: [SecretField.SelfDeployedClientSecret], secretVersions: { [SecretField.SelfDeployedClientSecret]: 'v1' }, credentialEnds: ends });
    expect(deadlinesOf(p, NOW)).toEqual([expect.objectContaining({ source: 'manual', daysLeft: 10 })]);
  });

  it('other methods: the hand-entered date of their stored secret', () => {
    const d = emptyDraft();
    const p = profile({ draft: { ...d, method: 'xsoar-app' }, secretFields: [SecretField.XsoarAppKey], secretExpiresAt: '2026-12-05' });
    expect(deadlinesOf(p, NOW)).toEqual([expect.objectContaining({ credential: 'secret', source: 'manual', level: 'critical' })]);
  });
});

function secret(id: string, days: number): Profile {
  return profile({ id, name: id, draft: selfDeployed('secret'), secretFields: [SecretField.SelfDeployedClientSecret], secretVersions: { [SecretField.SelfDeployedClientSecret]: 'v1' }, credentialEnds: [end({ endsAt: inDays(days) })] });
}

describe('--expiring DAYS and the start banner', () => {

  it.each([
    [45, 60, true], [45, 44, false], [0, 0, true], [0.5, 0, false], [-1, 0, true], [10, 10, true],
  ] as const)('ends in %s days, --expiring %s → listed %s', (days, within, listed) => {
    expect(endsWithin(deadlinesOf(secret('a', days), NOW), within, NOW)).toBe(listed);
  });

  it.each([
    ['30', 30], ['0', 0], [' 7 ', 7], ['3650', 3650],
  ] as const)('DAYS %j is %s', (text, days) => {
    expect(parseExpiringDays(text)).toEqual({ ok: true, days });
  });

  it.each(['', '-1', '1.5', 'ten', '3651', '1e3', '99999999'])('DAYS %j is refused with a reason', (text) => {
    const r = parseExpiringDays(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain('--expiring');
  });

  it('the banner lists profiles at 30 days or less, worst first, then soonest; fine ones are left out', () => {
    const list = expiringProfiles([secret('fine', 200), secret('soon', 25), secret('past', -2), secret('urgent', 6), secret('sooner', 12)], NOW);
    expect(list.map((e) => [e.name, e.level])).toEqual([['past', 'expired'], ['urgent', 'critical'], ['sooner', 'warning'], ['soon', 'warning']]);
  });
});
