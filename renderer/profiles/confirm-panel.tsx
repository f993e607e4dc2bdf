import { useEffect, useRef, type ReactNode } from 'react';

/** An inline confirmation: nothing destructive happens without a second, explicit click. */
export function ConfirmPanel(props: { readonly children: ReactNode; readonly confirmLabel: string; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  // The question takes the focus (on the safe answer), so keyboard users land on it and Enter cancels.
  const cancel = useRef<HTMLButtonElement | null>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="confirm" role="alertdialog" aria-label="Confirm">
      <div>{props.children}</div>
      <div className="confirm-actions">
        <button type="button" name="cancel" onClick={props.onCancel} ref={cancel}>
          Cancel
        </button>
        <button type="button" name="confirm" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </div>
  );
}
