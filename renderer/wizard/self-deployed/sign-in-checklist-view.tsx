import type { ResponseOf } from '../../../shared/ipc/contract';

/** The verified sign-in as the main process reports it (no tokens). */
export type Verification = ResponseOf<'auth:verify-sign-in'>;

/** Who signed in and the ✓/✗ lines, each failed line with its fix. */
export function SignInChecklistView({ verification }: { readonly verification: Verification }) {
  return (
    <div data-all-passed={verification.allPassed}>
      <p>
        Signed in as <strong data-signed-in-as>{verification.account.username ?? 'unknown'}</strong>.
      </p>
      <ul className="checklist">
        {verification.checks.map((c) => (
          <li key={c.id} className={c.passed ? 'passed' : 'failed'} data-check={c.id} data-passed={c.passed}>
            <span className="mark">{c.passed ? '✓' : '✗'}</span>
            <strong>{c.label}</strong> — {c.detail}
            {c.fix && <div className="fix">Fix: {c.fix}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
