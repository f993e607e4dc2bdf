import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import { initialWizardState, wizardReducer } from '../../../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../../../shared/wizard/wizard-actions';
import { canJumpTo, stepRail } from '../../../../shared/wizard/wizard-selectors';
import type { StepId, WizardState } from '../../../../shared/wizard/wizard-state';

const run = (actions: WizardAction[], from: WizardState = initialWizardState()): WizardState => actions.reduce(wizardReducer, from);
const goTo = (step: StepId): WizardAction => ({ type: 'go-to', step });
const validMailbox: WizardAction = { type: 'mailbox-changed', patch: { mailboxToFetch: 'soc@contoso.com' } };
const USER_ASSIGNED_ID = '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10';

/** Managed identity walked to Export, then back to the method step with the rail. */
const walkedToExportThenBack = run([
  { type: 'method-chosen', method: AuthMethod.ManagedIdentity },
  { type: 'next' },
  { type: 'next' },
  validMailbox,
  { type: 'next' },
  { type: 'next' },
  goTo('method'),
]);

const jumpable = (s: WizardState) => stepRail(s).filter((r) => r.canJump).map((r) => r.step);
const completed = (s: WizardState) => stepRail(s).filter((r) => r.completed).map((r) => r.step);

describe('step rail: jumping forward to completed steps', () => {
  it('jumps forward to any step already completed, Export included', () => {
    const s = walkedToExportThenBack;
    expect(s.screen.step).toBe('method');
    expect(s.furthestStep).toBe('export');
    expect(jumpable(s)).toEqual(['managed-identity', 'mailbox', 'review', 'export']);
    expect(completed(s)).toEqual(['method', 'managed-identity', 'mailbox', 'review', 'export']);
    expect(run([goTo('review')], s).screen.step).toBe('review');
    expect(run([goTo('export')], s).screen).toEqual({ step: 'export', status: { kind: 'idle' } });
  });

  it('never jumps to a step Next has not reached, even when the steps before it are valid', () => {
    // Managed identity (system-assigned) has no problems and the mailbox is valid, yet Review was never reached.
    const s = run([{ type: 'method-chosen', method: AuthMethod.ManagedIdentity }, validMailbox, { type: 'next' }, { type: 'next' }, goTo('method')]);
    expect(s.furthestStep).toBe('mailbox');
    expect(jumpable(s)).toEqual(['managed-identity', 'mailbox']);
    expect(run([goTo('review')], s).screen.step).toBe('method');
    expect(canJumpTo(s, 'export')).toBe(false);
  });

  it('stops at the first step that has problems now: it can be reached to fix it, nothing past it', () => {
    // Back on the managed-identity step, a half-typed user-assigned client ID breaks it.
    const s = run([goTo('managed-identity'), { type: 'managed-identity-changed', patch: { kind: 'user-assigned', clientId: 'not-a-guid' } }, goTo('method')], walkedToExportThenBack);
    expect(s.screen.step).toBe('method');
    expect(jumpable(s)).toEqual(['managed-identity']);
    expect(completed(s)).toEqual(['method']);
    expect(run([goTo('review')], s).screen.step).toBe('method');
    // Fixed: the way to Export is open again.
    const fixed = run([{ type: 'managed-identity-changed', patch: { clientId: USER_ASSIGNED_ID } }], s);
    expect(jumpable(fixed)).toEqual(['managed-identity', 'mailbox', 'review', 'export']);
  });

  it('a problem on a later step stops the jump there, and earlier steps stay reachable', () => {
    const s = run([goTo('mailbox'), { type: 'mailbox-changed', patch: { fetchLimit: 'fifty' } }, goTo('method')], walkedToExportThenBack);
    expect(jumpable(s)).toEqual(['managed-identity', 'mailbox']);
    const atMailbox = run([goTo('mailbox')], s);
    expect(atMailbox.screen.step).toBe('mailbox');
    expect(jumpable(atMailbox)).toEqual(['method', 'managed-identity']);
  });

  it('another method starts over: its steps were never reached', () => {
    const s = run([{ type: 'method-chosen', method: AuthMethod.XsoarApp }], walkedToExportThenBack);
    expect(s.furthestStep).toBe('method');
    expect(jumpable(s)).toEqual([]);
    // Choosing the same method again keeps what was reached.
    const same = run([{ type: 'method-chosen', method: AuthMethod.ManagedIdentity }], walkedToExportThenBack);
    expect(same.furthestStep).toBe('export');
  });

  it('a resumed profile counts its saved step as reached', () => {
    const draft = { ...emptyDraft(), method: AuthMethod.ManagedIdentity, mailbox: { ...emptyDraft().mailbox, instanceName: 'SOC', mailboxToFetch: 'soc@contoso.com' } };
    const s = run([{ type: 'draft-loaded', draft, step: 'review' }, goTo('method')]);
    expect(jumpable(s)).toEqual(['managed-identity', 'mailbox', 'review']);
  });

  it('no jump while an export is being written', () => {
    const atExport = run([goTo('export'), { type: 'export-started', requestId: 1 }], walkedToExportThenBack);
    expect(jumpable(atExport)).toEqual([]);
    expect(run([goTo('review')], atExport).screen.step).toBe('export');
  });
});
