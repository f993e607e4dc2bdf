import { useEffect, useId, useState } from 'react';
import { SECRET_FIELD_LABELS, type ProfileSecretField } from '../../shared/domain/secret-field';
import type { Result } from '../../shared/result';
import { api } from '../ipc/api-client';
import { ConfirmPanel } from './confirm-panel';

/** How long a revealed secret stays on screen. */
export const REVEAL_MS = 30_000;

/** How long "Copied; the clipboard is cleared in 30 s" stays beside Copy. */
export const COPIED_FEEDBACK_MS = 4000;

interface Props {
  readonly profileId: string;
  readonly field: ProfileSecretField;
  readonly stored: boolean;
  /** Runs an action and reports its error to the screen; resolves with the value or `null`. */
  readonly run: <T>(action: () => Promise<Result<T>>) => Promise<T | null>;
}

/**
 * One secret of a profile. A stored secret is shown only as "stored in
 * keychain"; its value reaches the renderer on an explicit Reveal and is
 * dropped again after 30 s. Copy happens in the main process, which also
 * clears the clipboard.
 */
export function SecretFieldRow({ profileId, field, stored, run }: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [copied, setCopied] = useState<{ readonly clearsAfterSeconds: number } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const label = SECRET_FIELD_LABELS[field];
  // Buttons are named after the secret ("Copy Token"), without the label's parenthesis.
  const short = label.replace(/\s*\(.*\)$/, '');

  useEffect(() => {
    if (revealed === null) return undefined;
    // One timer hides the value; the countdown beside it only tells when.
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    const tick = setInterval(() => setSecondsLeft((s) => Math.max(s - 1, 0)), 1000);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [revealed]);

  useEffect(() => {
    if (copied === null) return undefined;
    const timer = setTimeout(() => setCopied(null), COPIED_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const save = async () => {
    if ((await run(() => api.secrets.set({ profileId, field, value: draft }))) !== null) setDraft('');
  };
  const reveal = async () => {
    const r = await run(() => api.secrets.reveal({ profileId, field }));
    if (r !== null) {
      setSecondsLeft(REVEAL_MS / 1000);
      setRevealed(r.value);
    }
  };
  const copy = async () => {
    const r = await run(() => api.secrets.copy({ profileId, field }));
    // A new object each time, so a second Copy restarts the feedback's timer.
    if (r !== null) setCopied({ clearsAfterSeconds: r.clearsAfterSeconds });
  };
  const remove = async () => {
    setConfirmRemove(false);
    setRevealed(null);
    await run(() => api.secrets.delete({ profileId, field }));
  };

  return (
    <div className="secret-row" data-secret-field={field} data-stored={stored}>
      <label htmlFor={id}>{label}</label>
      {stored ? (
        <div className="secret-stored">
          <span className="keychain-badge">stored in keychain</span>
          {revealed === null ? (
            <button type="button" name="reveal" aria-label={`Reveal ${short}`} onClick={() => void reveal()}>
              Reveal
            </button>
          ) : (
            <button type="button" name="hide" aria-label={`Hide ${short}`} onClick={() => setRevealed(null)}>
              Hide
            </button>
          )}
          <button type="button" name="copy" aria-label={`Copy ${short}`} onClick={() => void copy()}>
            Copy
          </button>
          <button type="button" name="remove-secret" className="link" aria-label={`Remove ${short}`} onClick={() => setConfirmRemove(true)}>
            Remove
          </button>
          {confirmRemove && (
            <ConfirmPanel confirmLabel="Remove from keychain" onConfirm={() => void remove()} onCancel={() => setConfirmRemove(false)}>
              Remove the stored {label.toLowerCase()} from the keychain? You will have to enter it again.
            </ConfirmPanel>
          )}
          {copied !== null && <span className="hint" data-copied>Copied; the clipboard is cleared in {copied.clearsAfterSeconds} s.</span>}
          {revealed !== null && (
            <>
              <pre className="revealed" id={id} data-revealed>
                {revealed}
              </pre>
              <span className="hint reveal-countdown" data-reveal-countdown={secondsLeft}>
                Hides again in {secondsLeft} s
              </span>
            </>
          )}
        </div>
      ) : (
        <div className="secret-entry">
          {field.endsWith('private-key') ? (
            <textarea id={id} name="secret-value" rows={4} value={draft} spellCheck={false} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
          ) : (
            <input id={id} name="secret-value" type="password" value={draft} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
          )}
          <button type="button" name="save-secret" disabled={draft === ''} onClick={() => void save()}>
            Store in keychain
          </button>
        </div>
      )}
    </div>
  );
}
