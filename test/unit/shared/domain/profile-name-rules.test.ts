import { describe, expect, it } from 'vitest';
import { checkProfileName, cleanProfileName, distinctProfileName, FALLBACK_PROFILE_NAME } from '../../../../shared/domain/profile-name-rules';
import { MAX_PROFILE_NAME } from '../../../../shared/domain/profile';
import { ProfileNameSchema } from '../../../../shared/domain/profile-schema';

describe('checkProfileName', () => {
  it('accepts an ordinary name, judged after trimming', () => {
    expect(checkProfileName('  SOC Prod  ')).toBeNull();
    expect(checkProfileName('a'.repeat(MAX_PROFILE_NAME))).toBeNull();
  });

  it.each([
    ['empty', '   ', 'needs a name'],
    ['too long', 'a'.repeat(MAX_PROFILE_NAME + 1), `at most ${MAX_PROFILE_NAME} characters; this one has 121`],
    ['a C0 control', 'SOC\u0007Prod', 'control'],
    ['a newline', 'SOC\nProd', 'control'],
    ['a C1 control', 'SOC\u0085Prod', 'control'],
    ['DEL', 'SOC\u007fProd', 'control'],
    ['a bidi override', 'SOC \u202egnp.exe', 'text-direction'],
    ['a bidi isolate', 'SOC \u2067x\u2069', 'text-direction'],
  ])('refuses %s', (_what, name, message) => {
    expect(checkProfileName(name)).toContain(message);
  });
});

describe('cleanProfileName', () => {
  it('leaves a valid name alone apart from surrounding spaces, with no note', () => {
    expect(cleanProfileName('  Graph Mail SOC ')).toEqual({ name: 'Graph Mail SOC', notes: [] });
  });

  it('shortens an over-long name to the limit and says so', () => {
    const long = `Graph Mail ${'x'.repeat(189)}`;
    const cleaned = cleanProfileName(long);
    expect(cleaned.name).toHaveLength(MAX_PROFILE_NAME);
    expect(long.startsWith(cleaned.name)).toBe(true);
    expect(cleaned.notes).toEqual([`the name had 200 characters and was shortened to the first ${MAX_PROFILE_NAME}`]);
    expect(checkProfileName(cleaned.name)).toBeNull();
    expect(ProfileNameSchema.safeParse(cleaned.name).success).toBe(true);
  });

  it('never cuts a code point in half', () => {
    const cleaned = cleanProfileName(`${'a'.repeat(MAX_PROFILE_NAME - 1)}🔑🔑`);
    expect(cleaned.name).toBe('a'.repeat(MAX_PROFILE_NAME - 1));
    expect(cleaned.name.length).toBeLessThanOrEqual(MAX_PROFILE_NAME);
  });

  it('replaces control and bidi characters and collapses the gaps', () => {
    expect(cleanProfileName('SOC\u0000\u0001 Prod\u202e\tEU')).toEqual({ name: 'SOC Prod EU', notes: ['control or text-direction characters were removed from the name'] });
  });

  it('falls back to a plain name when nothing is left', () => {
    expect(cleanProfileName('\u0000\u202e ')).toEqual({ name: FALLBACK_PROFILE_NAME, notes: expect.arrayContaining([expect.stringContaining('empty')]) });
  });
});

describe('distinctProfileName', () => {
  it('keeps a free name and numbers a taken one (case-insensitive)', () => {
    expect(distinctProfileName('SOC', ['Other'])).toBe('SOC');
    expect(distinctProfileName('SOC', ['soc'])).toBe('SOC (2)');
    expect(distinctProfileName('SOC', ['SOC', 'SOC (2)'])).toBe('SOC (3)');
  });

  it('stays within the limit', () => {
    const full = 'n'.repeat(MAX_PROFILE_NAME);
    const next = distinctProfileName(full, [full]);
    expect(next).toHaveLength(MAX_PROFILE_NAME);
    expect(next.endsWith(' (2)')).toBe(true);
  });
});
