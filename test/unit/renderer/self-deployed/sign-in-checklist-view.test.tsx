// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { SignInChecklistView, type Verification } from '../../../../renderer/wizard/self-deployed/sign-in-checklist-view';

afterEach(cleanup);

function verification(checks: Verification['checks']): Verification {
  return { account: { username: 'soc@contoso.example' }, grantedScopes: [], checks, allPassed: checks.every((c) => c.passed) } as unknown as Verification;
}

describe('verified sign-in checklist', () => {
  it('marks a missing permission ✗ and says how to fix it', () => {
    const { container } = render(
      <SignInChecklistView
        verification={verification([
          {
            id: 'scopes',
            passed: false,
            label: 'Permissions granted',
            detail: 'Not granted: MailboxSettings.ReadWrite.',
            fix: 'Add the Microsoft Graph delegated permission MailboxSettings.ReadWrite under API permissions, grant admin consent, then sign in again.',
          },
          { id: 'account', passed: true, label: 'Signed in as the mailbox', detail: 'Signed in as soc@contoso.example.', fix: null },
        ])}
      />,
    );
    expect(container.querySelector('[data-all-passed=false]')).not.toBeNull();
    const scopes = container.querySelector('[data-check=scopes]');
    expect(scopes?.getAttribute('data-passed')).toBe('false');
    expect(scopes?.textContent).toContain('✗');
    expect(scopes?.querySelector('.fix')?.textContent).toContain('MailboxSettings.ReadWrite under API permissions');
    expect(container.querySelector('[data-check=account] .fix')).toBeNull();
    expect(container.querySelector('[data-check=account]')?.textContent).toContain('✓');
  });
});
