import { describe, expect, it } from 'vitest';
import { exportSettings, ExportFormat } from '../../../../shared/export/export-formats';
import { importSettings, detectImportFormat } from '../../../../shared/export/import-settings';
import { FIXTURE_INSTANCE, FIXTURE_NAMES, FIXTURES, redactedFixture } from '../../../fixtures/export-fixtures';

const TEXT_FORMATS = [ExportFormat.Rest, ExportFormat.Params, ExportFormat.ParamsYaml] as const;

describe('export → import → export is identical', () => {
  for (const name of FIXTURE_NAMES) {
    for (const included of [false, true]) {
      for (const format of TEXT_FORMATS) {
        it(`${name} ${format} (${included ? 'secrets included' : 'redacted'})`, () => {
          const input = { instanceName: FIXTURE_INSTANCE, params: included ? FIXTURES[name] : redactedFixture(name), secretsIncluded: included };
          const first = exportSettings(format, input);
          if (!first.ok) throw new Error(first.error.message);
          const text = first.value.files[0]?.text ?? '';
          const expectedFormat = format === 'rest' ? 'rest' : format === 'params' ? 'params-json' : 'params-yaml';
          expect(detectImportFormat(text)).toBe(expectedFormat);
          const imported = importSettings(text);
          if (!imported.ok) throw new Error(imported.error.message);
          // Only placeholders may be reported on a clean file.
          expect(imported.value.warnings.every((w) => w.code === 'secret-placeholder')).toBe(true);
          expect(imported.value.warnings.length > 0).toBe(!included && !name.startsWith('managed-identity'));
          expect(imported.value.instanceName).toBe(format === 'rest' ? FIXTURE_INSTANCE : null);
          const second = exportSettings(format, { ...input, params: imported.value.params });
          if (!second.ok) throw new Error(second.error.message);
          expect(second.value.files.map((f) => f.text)).toEqual(first.value.files.map((f) => f.text));
        });
      }
    }
  }
});
