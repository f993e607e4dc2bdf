import type { TestReport } from '../../shared/xsoar/xsoar-results';

/** The outcome of `!msgraph-mail-test`: passed, or the integration's error with cause and fix. */
export function TestReportView({ report }: { readonly report: TestReport }) {
  if (report.passed) {
    return (
      <div className="op-ok" data-xsoar-test="passed">
        ✓ <code>!msgraph-mail-test</code> passed for “{report.instanceName}” (playground {report.investigationId}): the instance obtained a token and read the mailbox.
      </div>
    );
  }
  const e = report.explanation;
  return (
    <div className="op-error" role="alert" data-xsoar-test="failed" data-explanation={e?.kind} data-aadsts={e?.aadsts?.code}>
      <strong>✗ {e?.title ?? 'The test failed'}</strong>
      {e !== null && (
        <>
          <div>
            <span className="label">Cause:</span> {e.cause}
          </div>
          <div data-fix>
            <span className="label">How to fix it:</span> {e.fix}
          </div>
        </>
      )}
      <details>
        <summary>What XSOAR printed</summary>
        <pre className="xsoar-output" data-xsoar-output>
          {report.output}
        </pre>
      </details>
    </div>
  );
}
