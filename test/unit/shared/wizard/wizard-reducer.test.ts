import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { appError } from '../../../../shared/errors/app-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { initialWizardState, wizardReducer } from '../../../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../../../shared/wizard/wizard-actions';
import { currentProblems, fieldError, progress, stepsFor } from '../../../../shared/wizard/wizard-selectors';
import type { WizardState } from '../../../../shared/wizard/wizard-state';

const run = (actions: WizardAction[], from: WizardState = initialWizardState()): WizardState => actions.reduce(wizardReducer, from);

const validMailbox: WizardAction = { type: 'mailbox-changed', patch: { mailboxToFetch: 'soc@contoso.com' } };

describe('wizardReducer', () => {
  it('starts on the method step with no errors shown', () => {
    const s = initialWizardState();
    expect(s.screen.step).toBe('method');
    expect(s.showErrors).toBe(false);
    expect(fieldError(s, 'method')).toBeUndefined();
  });

  it('refuses Next without a method and shows why', () => {
    const s = run([{ type: 'next' }]);
    expect(s.screen.step).toBe('method');
    expect(fieldError(s, 'method')).toBe('Choose how the integration signs in.');
  });

  it('offers every method, the self-deployed app included', () => {
    const s = run([{ type: 'method-chosen', method: AuthMethod.SelfDeployed }, { type: 'next' }]);
    expect(s.screen.step).toBe('self-deployed-app');
    expect(stepsFor(AuthMethod.SelfDeployed)).toEqual([
      'method',
      'self-deployed-app',
      'self-deployed-credential',
      'self-deployed-setup',
      'mailbox',
      'self-deployed-verify',
      'self-deployed-code',
      'review',
      'export',
    ]);
  });

  it('walks the managed-identity path in order', () => {
    let s = run([{ type: 'method-chosen', method: AuthMethod.ManagedIdentity }, { type: 'next' }]);
    expect(s.screen.step).toBe('managed-identity');
    expect(progress(s)).toEqual({ index: 2, total: 5 });
    s = run([{ type: 'next' }, validMailbox, { type: 'next' }, { type: 'next' }], s);
    expect(s.screen).toEqual({ step: 'export', status: { kind: 'idle' } });
  });

  it('keeps a user-assigned identity on its step until the client ID is a GUID', () => {
    let s = run([
      { type: 'method-chosen', method: AuthMethod.ManagedIdentity },
      { type: 'next' },
      { type: 'managed-identity-changed', patch: { kind: 'user-assigned', clientId: 'nope' } },
      { type: 'next' },
    ]);
    expect(s.screen.step).toBe('managed-identity');
    expect(fieldError(s, 'managedIdentity.clientId')).toContain('must be a GUID');
    s = run([{ type: 'managed-identity-changed', patch: { clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } }, { type: 'next' }], s);
    expect(s.screen.step).toBe('mailbox');
    expect(s.showErrors).toBe(false);
  });

  it('lists every mailbox problem at once', () => {
    const s = run([
      { type: 'method-chosen', method: AuthMethod.ManagedIdentity },
      { type: 'next' },
      { type: 'next' },
      { type: 'mailbox-changed', patch: { fetchLimit: '0', firstFetch: 'soon', folderToFetch: '' } },
      { type: 'next' },
    ]);
    expect(s.screen.step).toBe('mailbox');
    expect(currentProblems(s).map((p) => p.field).sort()).toEqual(['mailbox.fetchLimit', 'mailbox.firstFetch', 'mailbox.folderToFetch', 'mailbox.mailboxToFetch']);
  });

  it('goes back and jumps only to earlier steps, keeping what was typed', () => {
    let s = run([{ type: 'method-chosen', method: AuthMethod.ManagedIdentity }, { type: 'next' }, { type: 'next' }, validMailbox, { type: 'next' }]);
    expect(s.screen.step).toBe('review');
    s = run([{ type: 'go-to', step: 'export' }], s);
    expect(s.screen.step).toBe('review');
    s = run([{ type: 'go-to', step: 'method' }], s);
    expect(s.screen.step).toBe('method');
    expect(s.draft.mailbox.mailboxToFetch).toBe('soc@contoso.com');
    s = run([{ type: 'back' }], s);
    expect(s.screen.step).toBe('method');
  });

  it('keeps both managed-identity kinds and the other blocks when switching', () => {
    const s = run([
      { type: 'method-chosen', method: AuthMethod.ManagedIdentity },
      { type: 'managed-identity-changed', patch: { kind: 'user-assigned', clientId: 'abc' } },
      { type: 'managed-identity-changed', patch: { kind: 'system-assigned' } },
    ]);
    expect(s.draft.managedIdentity).toEqual({ kind: 'system-assigned', clientId: 'abc' });
  });

  describe('export', () => {
    const atExport = run([{ type: 'method-chosen', method: AuthMethod.ManagedIdentity }, { type: 'next' }, { type: 'next' }, validMailbox, { type: 'next' }, { type: 'next' }]);

    it('records the saved path for the current request', () => {
      const s = run([{ type: 'export-started', requestId: 7 }, { type: 'export-finished', requestId: 7, result: { ok: true, value: { status: 'saved', path: '/tmp/x.json', files: ['/tmp/x.json'], warnings: [], containsSecrets: false } } }], atExport);
      expect(s.screen).toEqual({ step: 'export', status: { kind: 'saved', path: '/tmp/x.json', files: ['/tmp/x.json'], warnings: [], containsSecrets: false } });
    });

    it('drops a result for a request that is no longer current', () => {
      const s = run([
        { type: 'export-started', requestId: 1 },
        { type: 'export-started', requestId: 2 },
        { type: 'export-finished', requestId: 1, result: { ok: true, value: { status: 'saved', path: '/stale.json', files: ['/stale.json'], warnings: [], containsSecrets: false } } },
      ], atExport);
      expect(s.screen).toEqual({ step: 'export', status: { kind: 'saving', requestId: 2 } });
    });

    it('shows a failure as data and a cancel as cancelled', () => {
      const error = appError(ErrorCode.ExportWriteFailed, 'Could not write');
      expect(run([{ type: 'export-started', requestId: 3 }, { type: 'export-finished', requestId: 3, result: { ok: false, error } }], atExport).screen).toEqual({
        step: 'export',
        status: { kind: 'failed', error },
      });
      expect(run([{ type: 'export-started', requestId: 4 }, { type: 'export-finished', requestId: 4, result: { ok: true, value: { status: 'cancelled' } } }], atExport).screen).toEqual({
        step: 'export',
        status: { kind: 'cancelled' },
      });
    });

    it('does not leave the step while saving', () => {
      const s = run([{ type: 'export-started', requestId: 5 }, { type: 'back' }], atExport);
      expect(s.screen.step).toBe('export');
    });

    it('ignores export events on other steps', () => {
      const s = run([{ type: 'export-started', requestId: 5 }], initialWizardState());
      expect(s.screen).toEqual({ step: 'method' });
    });
  });

  it('resumes a loaded draft at a valid step only', () => {
    const draft = { ...initialWizardState().draft, method: AuthMethod.ManagedIdentity };
    expect(run([{ type: 'draft-loaded', draft, step: 'mailbox' }]).screen.step).toBe('mailbox');
    expect(run([{ type: 'draft-loaded', draft: initialWizardState().draft, step: 'managed-identity' }]).screen.step).toBe('method');
  });

  it('derives the steps from the method', () => {
    expect(stepsFor(AuthMethod.ManagedIdentity)).toContain('managed-identity');
    expect(stepsFor(null)).not.toContain('managed-identity');
  });
});
