import type { Profile } from '../domain/profile';
import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import type { CredentialEnd, CredentialEndSource, CredentialName } from '../domain/credential-end';

/** From this many days before its end a credential is flagged. */
export const EXPIRY_WARNING_DAYS = 30;
/** From this many days before its end a credential is flagged as urgent. */
export const EXPIRY_CRITICAL_DAYS = 7;

const DAY_MS = 86_400_000;

/** How close a credential is to its end: fine, within 30 days, within 7 days, or past it. */
export type ExpiryLevel = 'ok' | 'warning' | 'critical' | 'expired';

/** Worst first, for sorting and for picking a profile's level. */
const SEVERITY: Record<ExpiryLevel, number> = { expired: 3, critical: 2, warning: 1, ok: 0 };

/** A credential the profile holds, with the end that applies to it now. */
export interface CredentialDeadline {
  readonly credential: CredentialName;
  /** ISO 8601 instant. */
  readonly endsAt: string;
  readonly source: CredentialEndSource;
  /** Entra ID's key id, when the date was read from Graph. */
  readonly keyId: string | null;
  /** Whole days left (negative once past: -1 is "ended yesterday or today"). */
  readonly daysLeft: number;
  readonly level: ExpiryLevel;
}

/** The keychain field holding each dated credential (`secret` is any stored secret, dated by hand). */
const FIELD_OF: Record<CredentialName, ProfileSecretField | null> = {
  'client-secret': SecretField.SelfDeployedClientSecret,
  certificate: SecretField.SelfDeployedPrivateKey,
  secret: null,
};

/** Whole days from `now` to `endsAt`, rounded down (so "ends in 6.9 days" is 6). */
export function daysLeftUntil(endsAt: string, now: number): number {
  return Math.floor((Date.parse(endsAt) - now) / DAY_MS);
}

/** The level of a credential ending at `endsAt`. An unreadable date counts as past: better a false alarm than silence. */
export function expiryLevelOf(endsAt: string, now: number): ExpiryLevel {
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return 'expired';
  const left = end - now;
  if (left <= 0) return 'expired';
  if (left <= EXPIRY_CRITICAL_DAYS * DAY_MS) return 'critical';
  if (left <= EXPIRY_WARNING_DAYS * DAY_MS) return 'warning';
  return 'ok';
}

/** The worse of two levels. */
export function worseLevel(a: ExpiryLevel, b: ExpiryLevel): ExpiryLevel {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** A hand-entered `YYYY-MM-DD` as the instant it starts (UTC): the cautious reading of "expires on". */
export function manualDateToInstant(date: string): string {
  return `${date}T00:00:00.000Z`;
}

/** The credential a hand-entered date belongs to: the self-deployed app's chosen credential, or the stored secret. */
export function activeCredentialOf(profile: Pick<Profile, 'draft'>): CredentialName {
  if (profile.draft.method !== 'self-deployed') return 'secret';
  return profile.draft.selfDeployed.credentialKind === 'certificate' ? 'certificate' : 'client-secret';
}

/** The newest record of `credential` that still describes the stored value (same secret version). */
export function currentRecordOf(profile: Pick<Profile, 'credentialEnds' | 'secretVersions'>, credential: CredentialName): CredentialEnd | undefined {
  const field = FIELD_OF[credential];
  const version = field === null ? null : (profile.secretVersions[field] ?? null);
  return profile.credentialEnds
    .filter((e) => e.credential === credential && (field === null || e.secretVersion === version))
    .reduce<CredentialEnd | undefined>((a, e) => (a === undefined || e.recordedAt >= a.recordedAt ? e : a), undefined);
}

/** Replaces the records of `end.credential` with `end` (one record per credential is enough: the newest wins). */
export function withCredentialEnd(ends: readonly CredentialEnd[], end: CredentialEnd): CredentialEnd[] {
  return [...ends.filter((e) => e.credential !== end.credential), end];
}

/**
 * Every credential the profile holds and when it ends, as far as known: the newest current record (from Entra ID or
 * entered by hand); for a certificate without one, its own end (`notAfter`); for a client secret or another stored
 * secret without one, the profile's hand-entered expiry date. A credential whose end is unknown is left out.
 */
export function deadlinesOf(profile: Pick<Profile, 'draft' | 'secretFields' | 'secretExpiresAt' | 'credentialEnds' | 'secretVersions'>, now: number): CredentialDeadline[] {
  const found: { credential: CredentialName; endsAt: string; source: CredentialEndSource; keyId: string | null }[] = [];
  const manual = profile.secretExpiresAt;
  const active = activeCredentialOf(profile);
  if (profile.draft.method === 'self-deployed') {
    if (profile.secretFields.includes(SecretField.SelfDeployedClientSecret)) {
      const rec = currentRecordOf(profile, 'client-secret');
      if (rec) found.push(rec);
      else if (manual !== null && active === 'client-secret') found.push({ credential: 'client-secret', endsAt: manualDateToInstant(manual), source: 'manual', keyId: null });
    }
    const cert = profile.draft.selfDeployed.certificate;
    if (profile.secretFields.includes(SecretField.SelfDeployedPrivateKey) && cert !== null) {
      const rec = currentRecordOf(profile, 'certificate');
      found.push(rec ?? { credential: 'certificate', endsAt: cert.notAfter, source: 'certificate', keyId: null });
    }
  } else if (manual !== null) {
    const rec = currentRecordOf(profile, 'secret');
    found.push(rec ?? { credential: 'secret', endsAt: manualDateToInstant(manual), source: 'manual', keyId: null });
  }
  return found.map((d) => ({ credential: d.credential, endsAt: d.endsAt, source: d.source, keyId: d.keyId, daysLeft: daysLeftUntil(d.endsAt, now), level: expiryLevelOf(d.endsAt, now) }));
}

/** The worst level among the profile's credentials (`ok` when none is dated). */
export function profileExpiryLevel(deadlines: readonly CredentialDeadline[]): ExpiryLevel {
  return deadlines.reduce<ExpiryLevel>((worst, d) => worseLevel(worst, d.level), 'ok');
}

/** True when a credential of the profile ends within `days` days from `now` (or has already ended). */
export function endsWithin(deadlines: readonly CredentialDeadline[], days: number, now: number): boolean {
  return deadlines.some((d) => {
    const end = Date.parse(d.endsAt);
    return Number.isNaN(end) || end - now <= days * DAY_MS;
  });
}

/** The largest DAYS `--expiring` accepts (ten years). */
export const MAX_EXPIRING_DAYS = 3650;

/** Reads `--expiring DAYS`: a whole number of days from 0 to {@link MAX_EXPIRING_DAYS}, else the problem. */
export function parseExpiringDays(text: string): { readonly ok: true; readonly days: number } | { readonly ok: false; readonly problem: string } {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return { ok: false, problem: `--expiring takes a whole number of days (0 to ${MAX_EXPIRING_DAYS}), not "${text}".` };
  const days = Number(t);
  if (days > MAX_EXPIRING_DAYS) return { ok: false, problem: `--expiring takes at most ${MAX_EXPIRING_DAYS} days, not ${days}.` };
  return { ok: true, days };
}

/** "in 12 days", "today", "3 days ago": how a deadline reads. */
export function describeDaysLeft(d: Pick<CredentialDeadline, 'daysLeft' | 'level'>): string {
  if (d.level === 'expired') {
    const ago = -d.daysLeft - 1;
    return ago <= 0 ? 'ended today' : `ended ${ago} day${ago === 1 ? '' : 's'} ago`;
  }
  if (d.daysLeft === 0) return 'ends today';
  return `${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} left`;
}

/** One profile that needs attention, for the start banner. */
export interface ExpiringProfile {
  readonly id: string;
  readonly name: string;
  readonly level: Exclude<ExpiryLevel, 'ok'>;
  /** The credential ending first. */
  readonly first: CredentialDeadline;
}

/** The profiles with a credential within 30 days of its end or past it, worst first, then soonest. */
export function expiringProfiles(profiles: readonly Profile[], now: number): ExpiringProfile[] {
  const out: ExpiringProfile[] = [];
  for (const p of profiles) {
    const deadlines = deadlinesOf(p, now);
    const level = profileExpiryLevel(deadlines);
    const first = deadlines.toSorted((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt))[0];
    if (level !== 'ok' && first !== undefined) out.push({ id: p.id, name: p.name, level, first });
  }
  return out.toSorted((a, b) => SEVERITY[b.level] - SEVERITY[a.level] || Date.parse(a.first.endsAt) - Date.parse(b.first.endsAt));
}
