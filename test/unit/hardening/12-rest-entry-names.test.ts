import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';
import { INTEGRATION_BRAND } from '../../../shared/xsoar/param-table';
import { MAILBOX_PARAMS } from '../../fixtures/export-fixtures';

// Issue 11, item 12: REST data[] entries named like Object.prototype members
// were refused as "appears twice" (the duplicate check used `in`).
function body(extra: ReadonlyArray<{ name: string; value: unknown }>): string {
  const data = [
    ...Object.entries({ ...MAILBOX_PARAMS, use_managed_identities: true }).map(([name, value]) => ({ name, value })),
    ...extra,
  ];
  return JSON.stringify({ name: 'SOC', brand: INTEGRATION_BRAND, data });
}

describe('item 12: prototype member names in data[]', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%s is an unknown parameter, not a duplicate', (name) => {
    const imported = importSettings(body([{ name, value: 'x' }]));
    if (!imported.ok) throw new Error(imported.error.message);
    const about = imported.value.warnings.filter((w) => w.param === name);
    expect(about.map((w) => w.code)).toEqual(['unknown-param']);
    expect(Object.getPrototypeOf(imported.value.params)).toBe(Object.prototype);
  });

  it('a real duplicate is still refused', () => {
    const imported = importSettings(body([{ name: 'fetch_limit', value: '10' }]));
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error.message + JSON.stringify(imported.error.fields)).toContain('appears twice');
  });
});
