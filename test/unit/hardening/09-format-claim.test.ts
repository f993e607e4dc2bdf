import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';
import { claimedImportFormat } from '../../../shared/export/import-format-claim';

// Issue 11, item 9: a truncated `.json` file was reported as "not valid YAML",
// and each refusal's problems were in the message and again in the fields.
describe('item 9: the format the file claims', () => {
  it.each([
    ['x.params.json', '{"a": 1', 'params-json'],
    ['x.xsoar-instance.json', '{"brand": "MicrosoftGraphMail", "data": []}', 'rest'],
    ['x.JSON', '{"brand": "x", "data": [', 'params-json'],
    ['x.params.yaml', '{"a": 1}', 'params-yaml'],
    ['x.yml', 'a: 1', 'params-yaml'],
    ['x.txt', '{"a": 1}', 'params-json'],
    ['x', 'a: 1', 'params-yaml'],
  ])('%s → %s', (name, text, format) => {
    expect(claimedImportFormat(name, text)).toBe(format);
  });

  it('a truncated .json says JSON', () => {
    const result = importSettings('{"mailbox_to_fetch": "a@b.c", ', claimedImportFormat('cut.json', '{"mailbox_to_fetch": "a@b.c", '));
    expect(!result.ok && result.error.message).toMatch(/not valid JSON/);
  });

  it('the message summarizes and the fields carry each problem once', () => {
    const result = importSettings(JSON.stringify({ mailbox_to_fetch: 'nope', folder_to_fetch: 'Inbox', use_managed_identities: true, fetch_limit: 'many' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const fields = result.error.fields ?? [];
      expect(fields.length).toBe(2);
      for (const f of fields) expect(result.error.message).not.toContain(f.message);
    }
  });
});
