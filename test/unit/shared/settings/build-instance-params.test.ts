import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { buildInstanceParams } from '../../../../shared/settings/build-instance-params';
import { PARAM_TABLE } from '../../../../shared/xsoar/param-table';
import { ParamType } from '../../../../shared/xsoar/param-types';

function miDraft(patch: Partial<ProfileDraft['managedIdentity']> = {}): ProfileDraft {
  const d = emptyDraft();
  return { ...d, method: AuthMethod.ManagedIdentity, managedIdentity: { ...d.managedIdentity, ...patch }, mailbox: { ...d.mailbox, mailboxToFetch: ' soc@contoso.com ', firstFetch: '7   days' } };
}

describe('buildInstanceParams', () => {
  it('encodes every value with the type its parameter declares', () => {
    const params = buildInstanceParams(miDraft({ kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' }));
    for (const [name, value] of Object.entries(params)) {
      const def = PARAM_TABLE.find((p) => p.name === name);
      expect(def, name).toBeDefined();
      if (def?.type === ParamType.Boolean) expect(typeof value, name).toBe('boolean');
      else if (def?.type === ParamType.Auth) expect(value, name).toMatchObject({ credential: '', passwordChanged: false });
      else expect(typeof value, name).toBe('string');
    }
  });

  it('sets only the managed-identity parameters for that method', () => {
    const params = buildInstanceParams(miDraft({ kind: 'user-assigned', clientId: ' 6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10 ' }));
    expect(params.use_managed_identities).toBe(true);
    expect(params.managed_identities_client_id).toEqual({ credential: '', identifier: '', password: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10', passwordChanged: false });
    expect(params).not.toHaveProperty('self_deployed');
    expect(params).not.toHaveProperty('creds_auth_id');
  });

  it('omits the client ID for a system-assigned identity even if one was typed before', () => {
    const params = buildInstanceParams(miDraft({ kind: 'system-assigned', clientId: 'left over' }));
    expect(params).not.toHaveProperty('managed_identities_client_id');
  });

  it('trims text, normalizes spacing and keeps defaults', () => {
    const params = buildInstanceParams(miDraft());
    expect(params.mailbox_to_fetch).toBe('soc@contoso.com');
    expect(params.first_fetch).toBe('7 days');
    expect(params.folder_to_fetch).toBe('Inbox');
    expect(params.fetch_limit).toBe('50');
    expect(params.incidentFetchInterval).toBe('1');
    expect(params).not.toHaveProperty('incidentType');
    expect(params.insecure).toBe(false);
    expect(params.proxy).toBe(false);
  });
});
