import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import { EXPORT_FORMATS, exportSettings } from '../../../../shared/export/export-formats';
import { buildInstanceParams } from '../../../../shared/settings/build-instance-params';

// The wizard's own builder feeds the exporters: what it produces must pass
// the rule book unchanged (no warnings) in every format.
describe('buildInstanceParams → every export format', () => {
  for (const kind of ['system-assigned', 'user-assigned'] as const) {
    it(`managed identity (${kind})`, () => {
      const base = emptyDraft();
      const draft = {
        ...base,
        method: AuthMethod.ManagedIdentity,
        managedIdentity: { kind, clientId: kind === 'user-assigned' ? '00000000-0000-4000-8000-0000000001d1' : '' },
        mailbox: { ...base.mailbox, mailboxToFetch: 'soc@contoso.example' },
      };
      const params = buildInstanceParams(draft);
      for (const format of EXPORT_FORMATS) {
        const r = exportSettings(format, { instanceName: draft.mailbox.instanceName, params, secretsIncluded: false });
        if (kind === 'user-assigned' && format.startsWith('terraform')) {
          expect(!r.ok && r.error.code).toBe('export/unsupported');
          continue;
        }
        if (!r.ok) throw new Error(`${format}: ${r.error.message}`);
        expect(r.value.warnings, format).toEqual([]);
      }
    });
  }
});
