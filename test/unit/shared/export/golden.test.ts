import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportSettings } from '../../../../shared/export/export-formats';
import { FIXTURE_INSTANCE, FIXTURE_NAMES, FIXTURES, redactedFixture } from '../../../fixtures/export-fixtures';

// Golden files: test/golden/<mode>/<redacted|included>/<format>/<file>.
// Regenerate with `npm run golden:update`, then read every changed file
// before committing: they are the reviewed reference output.
describe('golden files for every method × format × secrets choice', () => {
  for (const name of FIXTURE_NAMES) {
    for (const included of [false, true]) {
      const variant = included ? 'included' : 'redacted';
      for (const format of EXPORT_FORMATS) {
        it(`${name} ${format} (${variant})`, async () => {
          const result = exportSettings(format, { instanceName: FIXTURE_INSTANCE, params: included ? FIXTURES[name] : redactedFixture(name), secretsIncluded: included });
          const dir = `../../../golden/${name}/${variant}/${format}`;
          if (!result.ok) {
            await expect(`${result.error.code}\n${result.error.message}\n`).toMatchFileSnapshot(`${dir}/refused.txt`);
            return;
          }
          expect(result.value.warnings).toEqual([]);
          for (const file of result.value.files) {
            await expect(file.text).toMatchFileSnapshot(`${dir}/${file.fileName}`);
          }
        });
      }
    }
  }
});
