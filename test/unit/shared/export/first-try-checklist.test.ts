import { describe, it } from 'vitest';
import { exportSettings } from '../../../../shared/export/export-formats';
import { FIXTURE_INSTANCE, FIXTURE_NAMES, FIXTURES } from '../../../fixtures/export-fixtures';
import { expectFirstTry } from '../../../support/first-try-checklist';

describe('spec §6 first-try checklist on every REST export', () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}`, () => {
      const r = exportSettings('rest', { instanceName: FIXTURE_INSTANCE, params: FIXTURES[name], secretsIncluded: true });
      if (!r.ok) throw new Error(r.error.message);
      expectFirstTry(JSON.parse(r.value.files[0]?.text ?? ''));
    });
  }
});
