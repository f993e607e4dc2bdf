import { ErrorCode } from '../../../shared/errors/error-codes';
import type { ExportStatus } from '../../../shared/wizard/wizard-state';

/** Export: writes the instance settings JSON through the native save dialog. */
export function ExportStep({ status, instanceName, onExport }: { readonly status: ExportStatus; readonly instanceName: string; readonly onExport: (options: { readonly confirmRebind: boolean }) => void }) {
  return (
    <div>
      <p>
        Save the instance settings as a JSON file keyed by XSOAR parameter name. Booleans are real JSON booleans and credential fields are
        objects, as XSOAR stores them; only the chosen method’s parameters are included.
      </p>
      <button type="button" name="export" className="primary" onClick={() => onExport({ confirmRebind: false })} disabled={status.kind === 'saving'}>
        {status.kind === 'saving' ? 'Saving…' : 'Export settings…'}
      </button>
      <div className="export-status" role="status" aria-live="polite">
        {status.kind === 'saved' && (
          <p className="success">
            Saved to <code data-export-path>{status.path}</code>. In XSOAR, open the instance and enter these values; for managed identities the
            Test button works.
          </p>
        )}
        {status.kind === 'cancelled' && <p>Export cancelled; nothing was written.</p>}
        {status.kind === 'failed' && (
          <p className="field-error" data-error-code={status.error.code}>
            {status.error.message}
          </p>
        )}
        {status.kind === 'failed' && status.error.code === ErrorCode.InstanceBindingMismatch && (
          <button type="button" name="export-rebind" onClick={() => onExport({ confirmRebind: true })}>
            Export anyway for “{instanceName}”
          </button>
        )}
      </div>
    </div>
  );
}
