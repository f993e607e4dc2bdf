import { useState } from 'react';
import { useTypedInput } from '../use-typed-input';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { EXPORT_CHOICE_LABELS, EXPORT_CHOICES, type ExportChoice } from '../../../shared/export/export-choice';
import { estimatePassphrase } from '../../../shared/export/passphrase-strength';
import type { ExportStatus } from '../../../shared/wizard/wizard-state';
import type { ExportOptions } from '../use-wizard';
import { useFocusOnResult } from '../../components/use-focus-on-result';
import { CodeAgeLine } from '../self-deployed/code-age-line';
import { RequiredLegend, RequiredMark } from '../../components/fields';
import { ExportedActions } from './exported-actions';

/** Props of {@link ExportStep}. */
export interface ExportStepProps {
  readonly status: ExportStatus;
  readonly instanceName: string;
  /** False for methods without secrets (managed identity). */
  readonly hasSecrets: boolean;
  readonly onExport: (options: ExportOptions) => void;
  /** When the self-deployed authorization code was obtained (`''` for other methods): its age shows here. */
  readonly authCodeObtainedAt?: string;
  /** The self-deployed method (its code's 10 minutes belong in the next steps). */
  readonly selfDeployed?: boolean;
  /** The Send-to-XSOAR panel is shown below: the next steps point to it. */
  readonly sendToXsoarHere?: boolean;
}

/**
 * Export: the format, whether secrets go into the files (off by default,
 * with a warning), the bundle's passphrase with a strength meter, then the
 * native save dialog.
 */
export function ExportStep({
  status,
  instanceName,
  hasSecrets,
  onExport,
  unavailable = {},
  authCodeObtainedAt = '',
  selfDeployed = false,
  sendToXsoarHere = false,
}: ExportStepProps & { readonly unavailable?: Partial<Record<ExportChoice, string>> }) {
  // Remembered for the session (the passphrase is secret: never in the profile).
  const [format, setFormat] = useTypedInput<ExportChoice>('export-format', 'params');
  // The format of the export whose result is shown (the radio buttons may change afterwards).
  const [exported, setExported] = useState<ExportChoice>('params');
  const result = useFocusOnResult<HTMLDivElement>(status.kind, 'saving');
  const [includeSecrets, setIncludeSecrets] = useTypedInput('export-include-secrets', false);
  const [passphrase, setPassphrase] = useTypedInput('export-passphrase', '');
  const [confirmation, setConfirmation] = useTypedInput('export-passphrase-confirmation', '');
  const bundle = format === 'bundle';
  const strength = estimatePassphrase(passphrase);
  const passphraseProblem = !bundle ? null : !strength.acceptable ? strength.problems.join(' ') : passphrase !== confirmation ? 'The two passphrases differ.' : null;
  const options = (confirmRebind: boolean): ExportOptions =>
    bundle ? { format, includeSecrets: true, passphrase, confirmRebind } : { format, includeSecrets: hasSecrets && includeSecrets, confirmRebind };
  const start = (confirmRebind: boolean): void => {
    setExported(format);
    onExport(options(confirmRebind));
  };

  return (
    <div>
      {authCodeObtainedAt !== '' && <CodeAgeLine obtainedAt={authCodeObtainedAt} />}
      <fieldset className="choice format-choice">
        <legend>Format</legend>
        {EXPORT_CHOICES.map((c) => (
          <label key={c}>
            <input type="radio" name="export-format" value={c} checked={format === c} disabled={unavailable[c] !== undefined} onChange={() => setFormat(c)} />
            <strong>{EXPORT_CHOICE_LABELS[c].title}</strong> —{' '}
            <span className="hint-inline">{c === 'bundle' && !hasSecrets ? 'Move this profile to another analyst’s machine; protected by a passphrase.' : EXPORT_CHOICE_LABELS[c].use}</span>
          </label>
        ))}
      </fieldset>
      {bundle ? (
        <div className="bundle-passphrase">
          <p>
            {hasSecrets ? 'The bundle carries the profile and its secrets' : 'The bundle carries the profile (this method has no secrets)'}, encrypted (scrypt + AES-256-GCM). Give the
            passphrase to the other analyst through another channel.
          </p>
          <RequiredLegend />
          <label>
            Passphrase
            <RequiredMark required />{' '}
            <input type="password" name="bundle-passphrase" aria-required="true" value={passphrase} autoComplete="new-password" onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <label>
            Repeat
            <RequiredMark required />{' '}
            <input type="password" name="bundle-passphrase-repeat" aria-required="true" value={confirmation} autoComplete="new-password" onChange={(e) => setConfirmation(e.target.value)} />
          </label>
          <div className={`strength strength-${strength.rating}`} data-strength={strength.rating}>
            Strength: {strength.rating.replace('-', ' ')}
          </div>
          {passphrase !== '' && passphraseProblem && (
            <div className="field-error" data-field-error="bundle-passphrase">
              {passphraseProblem}
            </div>
          )}
        </div>
      ) : (
        hasSecrets && (
          <div className="field field-checkbox">
            <input id="include-secrets" name="include-secrets" type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
            <label htmlFor="include-secrets">Include secret values in the files</label>
            <div className="hint">
              {includeSecrets ? (
                <span className="warning-text">
                  The files will contain working credentials in plain text. Store them like passwords and delete them once XSOAR has them.
                </span>
              ) : (
                'Off: each secret is replaced by a placeholder that says where it lives; copy it from the Profiles screen when you fill in XSOAR.'
              )}
            </div>
          </div>
        )
      )}
      <button type="button" name="export" className="primary" onClick={() => start(false)} disabled={status.kind === 'saving' || passphraseProblem !== null}>
        {status.kind === 'saving' ? 'Saving…' : 'Export…'}
      </button>
      <div className="export-status" role="status" aria-live="polite" tabIndex={-1} ref={result}>
        {status.kind === 'saved' && (
          <div className="success">
            <p>
              Saved to <code data-export-path>{status.path}</code>
              {status.files.length > 1 && <> and {status.files.slice(1).map((f) => <code key={f} data-export-companion>{f}</code>)}</>}.
            </p>
            {status.containsSecrets && hasSecrets && <p className="warning-text">This export contains secrets; the files are readable only by you (mode 0600).</p>}
            {status.warnings.length > 0 && (
              <ul className="export-warnings">
                {status.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {status.kind === 'saved' && (
          <ExportedActions
            path={status.path}
            files={status.files}
            format={exported}
            instanceName={instanceName}
            selfDeployed={selfDeployed}
            containsSecrets={status.containsSecrets && hasSecrets}
            sendToXsoarHere={sendToXsoarHere}
          />
        )}
        {status.kind === 'cancelled' && <p>Export cancelled; nothing was written.</p>}
        {status.kind === 'failed' && (
          <div className="field-error" data-error-code={status.error.code}>
            <p>{status.error.message}</p>
            {status.error.fields && status.error.fields.length > 1 && (
              <ul>
                {status.error.fields.map((f) => (
                  <li key={`${f.field}:${f.message}`}>{f.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {status.kind === 'failed' && status.error.code === ErrorCode.InstanceBindingMismatch && (
          <button type="button" name="export-rebind" onClick={() => start(true)}>
            Export anyway for “{instanceName}”
          </button>
        )}
      </div>
    </div>
  );
}
