import { afterEach, describe, expect, it } from 'vitest';
import { importSettings } from '../../../shared/export/import-settings';

// Issue 11, item 2: an unknown YAML tag made the yaml library print the source
// line (secret included) as a process warning, and the import succeeded.
const SECRET = '0.FAKE-refresh-token-CANARY-7f3a9c';
const captured: string[] = [];
const onWarning = (w: Error): void => void captured.push(`${w.name}: ${w.message}`);

afterEach(() => {
  process.off('warning', onWarning);
  captured.length = 0;
});

describe('item 2: YAML parsing emits no library warnings', () => {
  it('an unknown tag on a secret line: refused by line number, nothing emitted', async () => {
    process.on('warning', onWarning);
    const text = [
      'mailbox_to_fetch: soc@contoso.example',
      'folder_to_fetch: Inbox',
      `creds_refresh_token: {credential: "", identifier: "", password: !x "${SECRET}", passwordChanged: false}`,
    ].join('\n');
    const result = importSettings(text, 'params-yaml');
    // Process warnings are delivered on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(captured).toEqual([]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/line 3/);
      expect(JSON.stringify(result.error)).not.toContain(SECRET);
    }
  });
});
