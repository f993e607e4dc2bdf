import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { SecretField } from '../../../../shared/domain/secret-field';
import { initialWizardState, wizardReducer } from '../../../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../../../shared/wizard/wizard-actions';
import { currentProblems, fieldError, progress, xsoarAppIdHints } from '../../../../shared/wizard/wizard-selectors';
import type { WizardState } from '../../../../shared/wizard/wizard-state';
import { buildInstanceParams } from '../../../../shared/settings/build-instance-params';

const run = (actions: WizardAction[], from: WizardState = initialWizardState()): WizardState => actions.reduce(wizardReducer, from);
const ID = '3b0c9f63-1d6e-4c0a-8a9e-6c1b2d3e4f50';

describe('Cortex XSOAR application path', () => {
  const atCredentials = run([{ type: 'method-chosen', method: AuthMethod.XsoarApp }, { type: 'next' }, { type: 'next' }]);

  it('goes method → consent → credentials', () => {
    expect(atCredentials.screen.step).toBe('xsoar-app-credentials');
    expect(progress(atCredentials)).toEqual({ index: 3, total: 6 });
  });

  it('blocks Next until the ID is valid and Token and Key are in the keychain', () => {
    let s = run([{ type: 'next' }], atCredentials);
    expect(s.screen.step).toBe('xsoar-app-credentials');
    expect(currentProblems(s).map((p) => p.field)).toEqual(['xsoarApp.id', 'xsoarApp.token', 'xsoarApp.key']);
    expect(fieldError(s, 'xsoarApp.key')).toContain('Key must be provided');
    s = run([{ type: 'xsoar-app-changed', patch: { id: ID } }, { type: 'stored-secrets-changed', storedSecrets: [SecretField.XsoarAppToken] }, { type: 'next' }], s);
    expect(currentProblems(s).map((p) => p.field)).toEqual(['xsoarApp.key']);
    s = run([{ type: 'stored-secrets-changed', storedSecrets: [SecretField.XsoarAppToken, SecretField.XsoarAppKey] }, { type: 'next' }], s);
    expect(s.screen.step).toBe('mailbox');
  });

  it('refuses an ID whose token URL is not https', () => {
    const s = run([{ type: 'xsoar-app-changed', patch: { id: `${ID}@http://proxy.example/obtain-token` } }, { type: 'next' }], atCredentials);
    expect(fieldError(s, 'xsoarApp.id')).toContain('https:');
  });

  it('hints when the ID repeats a self-deployed client ID typed into the same profile later', () => {
    expect(xsoarAppIdHints(run([{ type: 'xsoar-app-changed', patch: { id: ID } }], atCredentials))).toEqual([]);
  });

  it('keeps the XSOAR-app block when switching methods and back', () => {
    const s = run([{ type: 'xsoar-app-changed', patch: { id: ID } }, { type: 'go-to', step: 'method' }, { type: 'method-chosen', method: AuthMethod.ManagedIdentity }, { type: 'method-chosen', method: AuthMethod.XsoarApp }], atCredentials);
    expect(s.draft.xsoarApp.id).toBe(ID);
  });

  it('exports only the chosen method even when another block has values', () => {
    const s = run([
      { type: 'xsoar-app-changed', patch: { id: ID } },
      { type: 'managed-identity-changed', patch: { kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } },
    ], atCredentials);
    const params = buildInstanceParams(s.draft, { [SecretField.XsoarAppToken]: 't', [SecretField.XsoarAppKey]: 'k' });
    expect(Object.keys(params)).not.toContain('managed_identities_client_id');
    expect(Object.keys(params)).not.toContain('use_managed_identities');
    expect(params.self_deployed).toBe(false);
    const mi = buildInstanceParams({ ...s.draft, method: AuthMethod.ManagedIdentity });
    expect(Object.keys(mi).filter((k) => k.startsWith('creds_') || k === 'self_deployed')).toEqual([]);
  });

  it('remembers the instance an export bound the values to', () => {
    const atExport = run([
      { type: 'xsoar-app-changed', patch: { id: ID } },
      { type: 'stored-secrets-changed', storedSecrets: [SecretField.XsoarAppToken, SecretField.XsoarAppKey] },
      { type: 'next' },
      { type: 'mailbox-changed', patch: { mailboxToFetch: 'soc@contoso.example' } },
      { type: 'next' },
      { type: 'next' },
      { type: 'export-started', requestId: 1 },
      { type: 'export-finished', requestId: 1, result: { ok: true, value: { status: 'saved', path: '/x.json', files: ['/x.json'], warnings: [], containsSecrets: true, boundInstanceName: 'SOC' } } },
    ], atCredentials);
    expect(atExport.draft.xsoarApp.boundInstanceName).toBe('SOC');
  });
});
