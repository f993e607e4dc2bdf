import { randomBytes } from 'node:crypto';

/**
 * How long a keychain item no profile records is not yet a leftover.
 *
 * Another process (`gma import`, or the app while `gma` scans) stores a new
 * profile's secrets first and records them in the profiles file after, at
 * its commit point; until then its items look exactly like leftovers. The
 * lock the scan holds keeps the commit from happening during a scan, but
 * the keychain writes before it run unlocked. Ten minutes outlasts them with
 * a wide margin (a keychain that asks the user for access, a lock wait of
 * about 20 s); it is the same bound an interrupted staged import of an
 * older version gets.
 */
export const LEFTOVER_GRACE_MS = 10 * 60_000;

// A generation is 16 hex digits (what account names allow): 11 for the
// write time in milliseconds (enough until the year 2527), 5 random.
const TIME_DIGITS = 11;

/** A fresh chunk generation that records when it was written (`nowMs`). */
export function timedGeneration(nowMs: number): string {
  const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(TIME_DIGITS, '0').slice(-TIME_DIGITS);
  return `${time}${randomBytes(3).toString('hex').slice(0, 16 - TIME_DIGITS)}`;
}

/**
 * When a generation was written (epoch ms), read back from its name.
 * Generations of earlier versions are random and decode to a random time;
 * callers only trust a time close to now (see {@link isRecent}).
 */
export function writtenAt(generation: string): number | null {
  if (!/^[0-9a-f]{16}$/.test(generation)) return null;
  return Number.parseInt(generation.slice(0, TIME_DIGITS), 16);
}

/** Items written within {@link LEFTOVER_GRACE_MS} of `now` may still be on their way into a profile. */
export interface RecentWindow {
  readonly now: number;
  readonly graceMs: number;
}

/**
 * True when `time` falls within the grace period around `window.now`.
 * Symmetric, so an (astronomically unlikely) random old generation that
 * decodes to a far-future time is not taken for a recent one forever.
 */
export function isRecent(time: number | null, window: RecentWindow): boolean {
  return time !== null && Math.abs(window.now - time) <= window.graceMs;
}
