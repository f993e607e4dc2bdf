import { AUTH_CODE_LIFETIME_MS } from './self-deployed-draft';

/** Less than this left of a code's life: "nearly expired" (time to paste, save and test in XSOAR). */
export const AUTH_CODE_NEARLY_EXPIRED_MS = 3 * 60_000;

/** How old the self-deployed authorization code is, against its ~10-minute life. */
export type AuthCodeAge =
  | { readonly kind: 'none' }
  | { readonly kind: 'valid'; readonly ageMs: number; readonly leftMs: number }
  | { readonly kind: 'nearly-expired'; readonly ageMs: number; readonly leftMs: number }
  | { readonly kind: 'expired'; readonly ageMs: number };

/** The age of a code obtained at `obtainedAt` (ISO 8601, `''` for none) at `nowMs`. */
export function authCodeAgeOf(obtainedAt: string, nowMs: number): AuthCodeAge {
  const start = obtainedAt === '' ? Number.NaN : Date.parse(obtainedAt);
  if (Number.isNaN(start)) return { kind: 'none' };
  const ageMs = Math.max(0, nowMs - start);
  const leftMs = AUTH_CODE_LIFETIME_MS - ageMs;
  if (leftMs <= 0) return { kind: 'expired', ageMs };
  return leftMs < AUTH_CODE_NEARLY_EXPIRED_MS ? { kind: 'nearly-expired', ageMs, leftMs } : { kind: 'valid', ageMs, leftMs };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A duration for people, in its largest one or two units: "45 seconds", "25 minutes", "1 day 3 hours". */
export function describeDuration(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return plural(s, 'second');
  const m = Math.floor(s / 60);
  if (m < 60) return plural(m, 'minute');
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? plural(h, 'hour') : `${plural(h, 'hour')} ${plural(m % 60, 'minute')}`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? plural(d, 'day') : `${plural(d, 'day')} ${plural(h % 24, 'hour')}`;
}

/** One line on the code's age: "obtained 4 minutes ago, about 6 minutes left", "obtained 25 minutes ago: expired". */
export function describeAuthCodeAge(age: AuthCodeAge): string {
  switch (age.kind) {
    case 'none':
      return 'no authorization code yet';
    case 'valid':
    case 'nearly-expired':
      return `obtained ${describeDuration(age.ageMs)} ago, about ${describeDuration(age.leftMs)} left`;
    case 'expired':
      return `obtained ${describeDuration(age.ageMs)} ago: expired (Entra ID accepts a code for about 10 minutes)`;
  }
}

/**
 * The export's warning about the code, or `null` while it is comfortably
 * fresh. An expired code fails in XSOAR with AADSTS70008 unless the instance
 * redeemed it already; a nearly expired one must be pasted and tested at once.
 */
export function authCodeExportWarning(age: AuthCodeAge): string | null {
  switch (age.kind) {
    case 'none':
    case 'valid':
      return null;
    case 'nearly-expired':
      return `creds_auth_code: the authorization code expires in about ${describeDuration(age.leftMs)} (obtained ${describeDuration(age.ageMs)} ago). Paste it into the instance, save and run !msgraph-mail-test right away, or get a new code first.`;
    case 'expired':
      return `creds_auth_code: the authorization code was obtained ${describeDuration(age.ageMs)} ago and has expired (Entra ID accepts a code for about 10 minutes). Get a new code on the Authorization code step before saving the instance, unless XSOAR already redeemed this one.`;
  }
}
