import { describe, expect, it } from 'vitest';
import { distinguishingIds, SHORT_ID_LENGTH } from '../../../../shared/domain/profile-tell-apart';

const A = '1a2b3c4d-0000-4000-8000-000000000001';
const B = '9f8e7d6c-0000-4000-8000-000000000002';
const C = '1a2b3c4d-ffff-4000-8000-000000000003';

describe('distinguishingIds', () => {
  it('leaves out profiles whose name is their own', () => {
    expect(distinguishingIds([{ id: A, name: 'SOC Prod' }, { id: B, name: 'SOC Prod (2)' }]).size).toBe(0);
  });

  it('shows the first group of the id for namesakes, names compared without case or surrounding spaces', () => {
    const shown = distinguishingIds([{ id: A, name: 'SOC Prod' }, { id: B, name: ' soc prod' }, { id: 'x', name: 'Lab' }]);
    expect(shown.get(A)).toBe(A.slice(0, SHORT_ID_LENGTH));
    expect(shown.get(B)).toBe(B.slice(0, SHORT_ID_LENGTH));
    expect(shown.has('x')).toBe(false);
  });

  it('takes as many characters as it needs when the first group is the same', () => {
    const shown = distinguishingIds([{ id: A, name: 'Same' }, { id: C, name: 'Same' }]);
    expect(shown.get(A)).toBe('1a2b3c4d-0');
    expect(shown.get(C)).toBe('1a2b3c4d-f');
    expect(new Set(shown.values()).size).toBe(2);
  });
});
