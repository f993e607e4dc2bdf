import { useEffect, useState } from 'react';
import type { ExportChoice } from '../../../shared/export/export-choice';
import { exportNextSteps } from '../../../shared/export/export-next-steps';
import { api } from '../../ipc/api-client';

/** Props of {@link ExportedActions}. */
export interface ExportedActionsProps {
  /** The main file just written. */
  readonly path: string;
  /** Every file written, the main one first. */
  readonly files: readonly string[];
  readonly format: ExportChoice;
  readonly instanceName: string;
  readonly selfDeployed: boolean;
  readonly containsSecrets: boolean;
  readonly sendToXsoarHere: boolean;
}

/** How long an action's feedback ("Copied.") stays. */
const FEEDBACK_MS = 4000;

const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * After an export: Show in folder (the main process opens the file manager,
 * and only on a file it wrote), Copy path, and what to do next in XSOAR with
 * this format.
 */
export function ExportedActions({ path, files, format, instanceName, selfDeployed, containsSecrets, sendToXsoarHere }: ExportedActionsProps) {
  const [feedback, setFeedback] = useState<string | null>(null);
  useEffect(() => {
    if (feedback === null) return undefined;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);
  const steps = exportNextSteps({ format, fileNames: files.map(fileNameOf), instanceName, selfDeployed, containsSecrets, sendToXsoarHere });

  const showInFolder = async (): Promise<void> => {
    const r = await api.shell.showInFolder({ path });
    setFeedback(r.ok ? 'Opened the folder in your file manager.' : r.error.message);
  };
  const copyPath = async (): Promise<void> => {
    const r = await api.clipboard.copyText({ text: path });
    setFeedback(r.ok ? 'Path copied.' : r.error.message);
  };

  return (
    <div className="exported" data-exported>
      <div className="exported-actions">
        <button type="button" name="show-in-folder" onClick={() => void showInFolder()}>
          Show in folder
        </button>
        <button type="button" name="copy-export-path" onClick={() => void copyPath()}>
          Copy path
        </button>
        <span className="hint" data-exported-feedback>
          {feedback}
        </span>
      </div>
      <h3 id="export-next-steps">Next steps</h3>
      <ol className="export-next-steps" aria-labelledby="export-next-steps">
        {steps.map((s) => (
          <li key={s.text}>
            {s.text}
            {s.code !== undefined && (
              <>
                {' '}
                <code>{s.code}</code>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
