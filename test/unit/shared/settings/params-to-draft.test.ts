import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { SecretField } from '../../../../shared/domain/secret-field';
import { isPlaceholder, keychainPlaceholder } from '../../../../shared/export/secret-fields';
import { buildInstanceParams } from '../../../../shared/settings/build-instance-params';
import { paramsToDraft } from '../../../../shared/settings/params-to-draft';
import { fakeOproxyValues } from '../oproxy/oproxy-fixtures';

const oproxy = fakeOproxyValues();

function withMailbox(d: ProfileDraft): ProfileDraft {
  return {
    ...d,
    mailbox: { ...d.mailbox, instanceName: 'SOC', mailboxToFetch: 'soc@contoso.example', folderToFetch: 'Inbox/Phishing', firstFetch: '3 days', fetchLimit: '20', isFetch: true, incidentType: 'Phishing', proxy: true, markFetchedRead: true },
  };
}

describe('paramsToDraft', () => {
  it.each([
    ['system-assigned managed identity', withMailbox({ ...emptyDraft(), method: AuthMethod.ManagedIdentity })],
    ['user-assigned managed identity', withMailbox({ ...emptyDraft(), method: AuthMethod.ManagedIdentity, managedIdentity: { kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } })],
    ['Cortex XSOAR app', withMailbox({ ...emptyDraft(), method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' } })],
  ])('rebuilds the draft of a %s from its parameters', (_what, draft) => {
    const secrets = draft.method === AuthMethod.XsoarApp ? { [SecretField.XsoarAppToken]: oproxy.token, [SecretField.XsoarAppKey]: oproxy.key } : {};
    const r = paramsToDraft(buildInstanceParams(draft, secrets), 'SOC', isPlaceholder);
    expect(r).toEqual({ ok: true, value: { draft, secrets } });
  });

  it('leaves placeholders out of the secrets', () => {
    const draft = withMailbox({ ...emptyDraft(), method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' } });
    const params = buildInstanceParams(draft, { [SecretField.XsoarAppToken]: keychainPlaceholder('SOC', 'oproxy-token'), [SecretField.XsoarAppKey]: oproxy.key });
    const r = paramsToDraft(params, 'SOC', isPlaceholder);
    expect(r.ok && r.value.secrets).toEqual({ [SecretField.XsoarAppKey]: oproxy.key });
  });

  it('uses the integration defaults for parameters the file leaves out', () => {
    const r = paramsToDraft({ use_managed_identities: true }, '', isPlaceholder);
    expect(r.ok && r.value.draft.mailbox).toEqual(emptyDraft().mailbox);
  });
});
