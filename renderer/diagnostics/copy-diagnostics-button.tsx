import { useState } from 'react';
import { api } from '../ipc/api-client';

/**
 * "Copy diagnostics": the main process puts a redacted report (versions, OS,
 * keychain status, identity endpoints, last log lines) on the clipboard for
 * a bug report. The page never sees the report.
 */
export function CopyDiagnosticsButton() {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async () => {
    const r = await api.diagnostics.copy({});
    setStatus(r.ok ? `Diagnostics copied (${r.value.lines} lines, secrets removed). Paste them into your report.` : r.error.message);
  };
  return (
    <div className="diagnostics">
      <button type="button" name="copy-diagnostics" onClick={() => void copy()}>
        Copy diagnostics
      </button>
      {status !== null ? <p role="status">{status}</p> : null}
    </div>
  );
}
