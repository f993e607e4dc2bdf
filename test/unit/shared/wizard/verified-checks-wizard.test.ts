import { describe, expect, it } from 'vitest';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { checkInputsOf, fingerprintOf, type VerifiedCheck } from '../../../../shared/domain/verified-check';
import { initialWizardState, wizardReducer } from '../../../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../../../shared/wizard/wizard-actions';
import { checkStandings, standingOfKind } from '../../../../shared/wizard/wizard-selectors';
import type { WizardState } from '../../../../shared/wizard/wizard-state';

const run = (actions: WizardAction[], from: WizardState = initialWizardState()): WizardState => actions.reduce(wizardReducer, from);

const base = emptyDraft();
const sd: ProfileDraft = {
  ...base,
  method: 'self-deployed',
  selfDeployed: { ...base.selfDeployed, tenant: '8b1f6a2c-0f3e-4d8a-9b7c-1e2d3f4a5b6c', clientId: '0d7a3c55-3b1e-4f7e-8c2a-6b9d1e4f2a80', redirectUri: 'https://localhost' },
  mailbox: { ...base.mailbox, mailboxToFetch: 'soc@contoso.example' },
};
const check = (kind: VerifiedCheck['kind'], secretVersion: string | null = null): VerifiedCheck => ({
  kind,
  passedAt: '2026-12-01T10:00:00.000Z',
  fingerprint: fingerprintOf(kind, checkInputsOf(kind, sd)),
  secretVersion,
});
const facts = { verifiedChecks: [check('credential', 'v1'), check('admin-consent'), check('sign-in')], secretVersions: { 'self-deployed.client-secret': 'v1' } };

describe('remembered checks in the wizard', () => {
  it('an opened profile brings its passed checks; they survive Back and Next', () => {
    const opened = run([{ type: 'draft-loaded', draft: sd, step: 'self-deployed-verify', storedSecrets: ['self-deployed.client-secret'], facts }]);
    expect(checkStandings(opened).map((s) => [s.kind, s.stale])).toEqual([
      ['credential', false],
      ['admin-consent', false],
      ['sign-in', false],
    ]);
    const moved = run([{ type: 'back' }, { type: 'back' }, { type: 'next' }, { type: 'next' }], opened);
    expect(moved.screen.step).toBe('self-deployed-verify');
    expect(checkStandings(moved).every((s) => !s.stale)).toBe(true);
  });

  it('a check recorded by the main process arrives with the profile facts', () => {
    const s = run([{ type: 'draft-loaded', draft: sd, step: 'self-deployed-verify' }]);
    expect(checkStandings(s)).toEqual([]);
    const after = run([{ type: 'profile-facts-loaded', facts: { verifiedChecks: [check('admin-consent')], secretVersions: {} }, storedSecrets: ['self-deployed.client-secret'] }], s);
    expect(standingOfKind(after, 'admin-consent')?.stale).toBe(false);
    expect(after.storedSecrets).toEqual(['self-deployed.client-secret']);
    expect(after.screen.step).toBe('self-deployed-verify');
  });

  it('editing a verified value marks the checks that verified it stale, and changing it back makes them current again', () => {
    const opened = run([{ type: 'draft-loaded', draft: sd, step: 'mailbox', facts }]);
    const changed = run([{ type: 'mailbox-changed', patch: { mailboxToFetch: 'other@contoso.example' } }], opened);
    expect(checkStandings(changed).map((s) => [s.kind, s.stale])).toEqual([
      ['credential', false],
      ['admin-consent', false],
      ['sign-in', true],
    ]);
    const back = run([{ type: 'mailbox-changed', patch: { mailboxToFetch: 'soc@contoso.example' } }], changed);
    expect(checkStandings(back).every((s) => !s.stale)).toBe(true);
    const newApp = run([{ type: 'self-deployed-changed', patch: { clientId: '11111111-2222-3333-4444-555555555555' } }], opened);
    expect(checkStandings(newApp).every((s) => s.stale)).toBe(true);
  });

  it('a replaced secret makes the credential check stale', () => {
    const opened = run([{ type: 'draft-loaded', draft: sd, step: 'self-deployed-credential', facts }]);
    const replaced = run([{ type: 'profile-facts-loaded', facts: { ...facts, secretVersions: { 'self-deployed.client-secret': 'v2' } }, storedSecrets: ['self-deployed.client-secret'] }], opened);
    expect(standingOfKind(replaced, 'credential')?.stale).toBe(true);
    expect(standingOfKind(replaced, 'admin-consent')?.stale).toBe(false);
  });

  it('another method shows no self-deployed checks', () => {
    const opened = run([{ type: 'draft-loaded', draft: sd, facts }, { type: 'method-chosen', method: 'managed-identity' }]);
    expect(checkStandings(opened)).toEqual([]);
  });
});

describe('profile facts never replace the draft', () => {
  it('a whole profile handed in as facts changes checks and secrets only, not what the analyst typed', () => {
    const typed = run([{ type: 'draft-loaded', draft: sd, step: 'self-deployed-app' }, { type: 'self-deployed-changed', patch: { redirectUri: 'http://localhost:8443/xsoar' } }]);
    const savedProfile = { draft: sd, name: 'x', ...facts };
    const after = run([{ type: 'profile-facts-loaded', facts: savedProfile, storedSecrets: [] }], typed);
    expect(after.draft.selfDeployed.redirectUri).toBe('http://localhost:8443/xsoar');
    expect(after.verifiedChecks).toEqual(facts.verifiedChecks);
  });
});
