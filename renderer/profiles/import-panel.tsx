import { useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { SECRET_FIELD_LABELS } from '../../shared/domain/secret-field';
import { errorDetailLines } from '../../shared/errors/error-lines';
import { api } from '../ipc/api-client';
import type { ClashReason, ImportSideSummary } from '../../shared/export/import-clash-summary';
import { ImportClash } from './import-clash';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'passphrase'; readonly handle: string; readonly fileName: string; readonly error: string | null }
  /** `decrypting`: the bundle whose passphrase is being tried (scrypt takes a moment); `null` for other work. */
  | { readonly kind: 'working'; readonly decrypting: string | null }
  | { readonly kind: 'clash'; readonly handle: string; readonly fileName: string; readonly reason: ClashReason; readonly existing: ImportSideSummary; readonly incoming: ImportSideSummary }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'done'; readonly name: string; readonly replaced: boolean; readonly warnings: readonly string[]; readonly missing: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string; readonly details: readonly string[] };

/**
 * Import: a REST body, flat parameters (JSON/YAML) or an encrypted bundle
 * becomes a profile. Bundles ask for their passphrase; a wrong one can be
 * retried. When the file matches an existing profile (same id or same
 * instance), the main process answers with both sides and the panel asks:
 * replace, keep both, or cancel.
 */
export function ImportPanel({ onImported }: { readonly onImported: (profile: Profile) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');

  const finish = async (handle: string, fileName: string, pass?: string, decision?: 'replace' | 'as-new' | 'cancel'): Promise<void> => {
    setPhase({ kind: 'working', decrypting: pass === undefined ? null : fileName });
    const request = { handle, ...(pass === undefined ? {} : { passphrase: pass }), ...(decision === undefined ? {} : { decision }) };
    const r = await api.settings.import(request);
    setPassphrase('');
    if (r.ok) {
      const v = r.value;
      if (v.status === 'clash') return setPhase({ kind: 'clash', handle, fileName, reason: v.reason, existing: v.existing, incoming: v.incoming });
      if (v.status === 'cancelled') return setPhase({ kind: 'cancelled' });
      setPhase({ kind: 'done', name: v.profile.name, replaced: v.replaced, warnings: v.warnings, missing: v.missingSecrets.map((f) => SECRET_FIELD_LABELS[f]) });
      onImported(v.profile);
    } else if (r.error.code === 'bundle/wrong-passphrase' && pass !== undefined) {
      // The same file: its name stays in the prompt for the next try.
      setPhase({ kind: 'passphrase', handle, fileName, error: r.error.message });
    } else {
      setPhase({ kind: 'failed', message: r.error.message, details: errorDetailLines(r.error) });
    }
  };

  const start = async (): Promise<void> => {
    const chosen = await api.settings.chooseImport({});
    if (!chosen.ok) return setPhase({ kind: 'failed', message: chosen.error.message, details: [] });
    if (chosen.value.status === 'cancelled') return setPhase({ kind: 'idle' });
    if (chosen.value.kind === 'bundle') return setPhase({ kind: 'passphrase', handle: chosen.value.handle, fileName: chosen.value.fileName, error: null });
    return finish(chosen.value.handle, chosen.value.fileName);
  };

  return (
    <div className="import-panel" data-import={phase.kind} aria-busy={phase.kind === 'working' ? true : undefined}>
      <button type="button" name="import" onClick={() => void start()} disabled={phase.kind === 'working'}>
        Import settings or bundle…
      </button>
      {phase.kind === 'passphrase' && (
        <form
          className="import-passphrase"
          onSubmit={(e) => {
            e.preventDefault();
            void finish(phase.handle, phase.fileName, passphrase);
          }}
        >
          <label>
            Passphrase of {phase.fileName || 'the bundle'}{' '}
            <input type="password" name="import-passphrase" aria-required="true" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit" name="import-unlock" className="primary" disabled={passphrase === ''}>
            Import
          </button>
          <button type="button" name="import-cancel" onClick={() => setPhase({ kind: 'idle' })}>
            Cancel
          </button>
          {phase.error && (
            <div className="field-error" data-field-error="import-passphrase">
              {phase.error}
            </div>
          )}
        </form>
      )}
      {phase.kind === 'working' && (
        <p className="op-progress" role="status" data-import-working={phase.decrypting === null ? 'importing' : 'decrypting'}>
          <span className="spinner" aria-hidden="true" />
          {phase.decrypting === null ? 'Importing…' : <>Decrypting {phase.decrypting}…</>}
        </p>
      )}
      {phase.kind === 'clash' && (
        <ImportClash
          reason={phase.reason}
          existing={phase.existing}
          incoming={phase.incoming}
          onReplace={() => void finish(phase.handle, phase.fileName, undefined, 'replace')}
          onKeepBoth={() => void finish(phase.handle, phase.fileName, undefined, 'as-new')}
          onCancel={() => void finish(phase.handle, phase.fileName, undefined, 'cancel')}
        />
      )}
      {phase.kind === 'cancelled' && (
        <p className="hint" role="status" data-import-cancelled>
          Import cancelled; nothing was changed.
        </p>
      )}
      {phase.kind === 'done' && (
        <div className="success" role="status" data-imported={phase.name}>
          {phase.replaced ? 'Replaced' : 'Imported'} profile “{phase.name}”.
          {phase.missing.length > 0 && <> Still to enter (the file had placeholders): {phase.missing.join(', ')}.</>}
          {phase.warnings.length > 0 && (
            <ul className="export-warnings">
              {phase.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="field-error" role="alert" data-import-error>
          <p>{phase.message} Nothing was imported.</p>
          {phase.details.length > 0 && (
            <ul>
              {phase.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
