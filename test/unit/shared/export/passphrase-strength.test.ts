import { describe, expect, it } from 'vitest';
import { estimatePassphrase } from '../../../../shared/export/passphrase-strength';

describe('estimatePassphrase', () => {
  it.each([
    ['short', false, 'very-weak'],
    ['aaaaaaaaaaaaaaaa', false, 'very-weak'],
    ['123456789012', false, 'very-weak'],
    ['password1234', false, 'very-weak'],
    ['Summer2026!x', true, 'weak'],
    ['tulip-orbit-gravel-pancake', true, 'very-strong'],
    ['q7#Vm2!xPz9$Lk4w', true, 'very-strong'],
  ] as const)('%s → acceptable %s, %s', (passphrase, acceptable, rating) => {
    const s = estimatePassphrase(passphrase);
    expect(s.acceptable).toBe(acceptable);
    expect(s.rating).toBe(rating);
    if (!acceptable) expect(s.problems.length).toBeGreaterThan(0);
    if (rating === 'very-strong') expect(s.problems).toEqual([]);
  });

  it('requires 12 characters, counting code points', () => {
    expect(estimatePassphrase('x7#Vm2!xPz9').problems[0]).toContain('at least 12');
    expect(estimatePassphrase('🙂🙃😉😊😇🥰😍🤩😘😗☺😚').acceptable).toBe(true);
  });
});
