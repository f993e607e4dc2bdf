import { describe, expect, it } from 'vitest';
import { authCodeAgeOf, authCodeExportWarning, describeAuthCodeAge, describeDuration } from '../../../../shared/domain/auth-code-age';

const obtained = '2026-12-01T10:00:00.000Z';
const at = (minutes: number, seconds = 0) => Date.parse(obtained) + minutes * 60_000 + seconds * 1000;

describe('authorization code age', () => {
  it('is valid, then nearly expired in its last 3 minutes, then expired after 10 minutes', () => {
    expect(authCodeAgeOf(obtained, at(4))).toEqual({ kind: 'valid', ageMs: 4 * 60_000, leftMs: 6 * 60_000 });
    expect(authCodeAgeOf(obtained, at(7, 1)).kind).toBe('nearly-expired');
    expect(authCodeAgeOf(obtained, at(10)).kind).toBe('expired');
    expect(authCodeAgeOf(obtained, at(25))).toEqual({ kind: 'expired', ageMs: 25 * 60_000 });
    expect(authCodeAgeOf('', at(1))).toEqual({ kind: 'none' });
    expect(authCodeAgeOf('not a date', at(1))).toEqual({ kind: 'none' });
  });

  it('says how old it is in words', () => {
    expect(describeDuration(45_000)).toBe('45 seconds');
    expect(describeDuration(25 * 60_000)).toBe('25 minutes');
    expect(describeDuration(26 * 3600_000)).toBe('1 day 2 hours');
    expect(describeDuration(3600_000)).toBe('1 hour');
    expect(describeAuthCodeAge(authCodeAgeOf(obtained, at(4)))).toBe('obtained 4 minutes ago, about 6 minutes left');
    expect(describeAuthCodeAge(authCodeAgeOf(obtained, at(24 * 60)))).toMatch(/^obtained 1 day ago: expired/);
  });

  it('warns on export when the code is expired or nearly so, not while it is fresh', () => {
    expect(authCodeExportWarning(authCodeAgeOf(obtained, at(2)))).toBeNull();
    expect(authCodeExportWarning(authCodeAgeOf(obtained, at(8)))).toMatch(/^creds_auth_code: the authorization code expires in about 2 minutes/);
    expect(authCodeExportWarning(authCodeAgeOf(obtained, at(25)))).toMatch(/^creds_auth_code: the authorization code was obtained 25 minutes ago and has expired/);
  });
});
