import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { emptySelfDeployedDraft } from '../../../../shared/domain/self-deployed-draft';
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

  const IMPORTED_AT = '2026-11-26T12:00:00.000Z';
  const sd = (credentialKind: 'secret' | 'certificate') =>
    withMailbox({
      ...emptyDraft(),
      method: AuthMethod.SelfDeployed,
      selfDeployed: {
        ...emptySelfDeployedDraft(),
        tenant: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
        resolvedTenantId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
        clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d',
        redirectUri: 'https://xsoar.contoso.example/oauth',
        credentialKind,
        certificate: credentialKind === 'certificate' ? { sha1Thumbprint: 'A'.repeat(40), sha256Thumbprint: '', subject: '', notAfter: '', certificatePem: '' } : null,
        authCodeObtainedAt: IMPORTED_AT,
      },
    });

  it.each(['secret', 'certificate'] as const)('rebuilds a self-deployed draft with a %s, its code counted from the import', (kind) => {
    const draft = sd(kind);
    const secrets =
      kind === 'secret'
        ? { [SecretField.SelfDeployedClientSecret]: 'Qx8~abcDEFghiJKLmnoPQRstuVWXyz0123456789', [SecretField.SelfDeployedAuthCode]: '0.AXkAcode' }
        : { [SecretField.SelfDeployedPrivateKey]: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----', [SecretField.SelfDeployedAuthCode]: '0.AXkAcode' };
    const r = paramsToDraft(buildInstanceParams(draft, secrets), 'SOC', isPlaceholder, IMPORTED_AT);
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
