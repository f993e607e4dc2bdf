import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { SecretField, type SecretField as SecretFieldName } from '../../../../shared/domain/secret-field';
import { requiredFields } from '../../../../shared/wizard/required-fields';
import type { StepId } from '../../../../shared/wizard/wizard-state';

const of = (step: StepId, draft: ProfileDraft, storedSecrets: readonly SecretFieldName[] = []) => [...requiredFields(step, { draft, storedSecrets })].sort();

describe('requiredFields', () => {
  it('marks the mailbox step’s fields the integration cannot do without, and not the optional incident type', () => {
    expect(of('mailbox', emptyDraft())).toEqual([
      'mailbox.fetchLimit',
      'mailbox.firstFetch',
      'mailbox.folderToFetch',
      'mailbox.incidentFetchInterval',
      'mailbox.instanceName',
      'mailbox.mailboxToFetch',
    ]);
  });

  it('marks the client ID of a managed identity only when it is user-assigned', () => {
    const d = { ...emptyDraft(), method: AuthMethod.ManagedIdentity };
    expect(of('managed-identity', d)).toEqual([]);
    expect(of('managed-identity', { ...d, managedIdentity: { kind: 'user-assigned', clientId: '' } })).toEqual(['managedIdentity.clientId']);
  });

  it('marks the XSOAR app’s ID, Token and Key, whether or not the secrets are stored yet', () => {
    const d = { ...emptyDraft(), method: AuthMethod.XsoarApp };
    expect(of('xsoar-app-credentials', d)).toEqual(['xsoarApp.id', 'xsoarApp.key', 'xsoarApp.token']);
    expect(of('xsoar-app-credentials', d, [SecretField.XsoarAppToken, SecretField.XsoarAppKey])).toEqual(['xsoarApp.id', 'xsoarApp.key', 'xsoarApp.token']);
  });

  it('marks the self-deployed registration and the credential of the chosen kind', () => {
    const d = { ...emptyDraft(), method: AuthMethod.SelfDeployed };
    expect(of('self-deployed-app', d)).toEqual(['selfDeployed.clientId', 'selfDeployed.redirectUri', 'selfDeployed.tenant']);
    expect(of('self-deployed-credential', d)).toEqual(['selfDeployed.clientSecret']);
    expect(of('self-deployed-credential', { ...d, selfDeployed: { ...d.selfDeployed, credentialKind: 'certificate' } })).toEqual(['selfDeployed.certificate']);
  });

  it('steps without input have no required field', () => {
    expect(of('review', { ...emptyDraft(), method: AuthMethod.ManagedIdentity }).length).toBeGreaterThan(0);
    for (const step of ['self-deployed-setup', 'self-deployed-verify', 'export', 'xsoar-app-consent'] as const) expect(of(step, emptyDraft())).toEqual([]);
  });
});
