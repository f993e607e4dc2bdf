import { useId, useState } from 'react';
import { RequiredMark } from '../../components/fields';
import { useTypedInput } from '../use-typed-input';

/** What a secret input reports about its value. */
export interface SecretInputProps {
  /** Stable test and accessibility handle. */
  readonly name: string;
  readonly label: string;
  readonly param: string;
  /** True when the keychain holds a value. */
  readonly stored: boolean;
  /** The error to show (from the wizard or the last store attempt). */
  readonly error?: string;
  readonly hint?: string;
  /** Must be stored before Next: marked with an asterisk and `aria-required`. */
  readonly required?: boolean;
  /** Validates and stores a value; resolves with an error message or null. */
  readonly onStore: (value: string) => Promise<string | null>;
}

/**
 * A write-only secret field: the value is typed or pasted, stored in the
 * keychain when the field loses focus, then cleared from the page. Once
 * stored it shows "stored in keychain" and offers Replace. Callers key it
 * by the stored flag, so a value stored from elsewhere (the paste box)
 * resets whatever was typed here.
 */
export function SecretInput(props: SecretInputProps) {
  const id = useId();
  // A value not stored yet (refused, or the store still pending) survives navigation for the session; keyed by
  // the stored flag, so a value stored from elsewhere still starts this field empty.
  const [value, setValue] = useTypedInput(`secret:${props.name}:${String(props.stored)}`, '');
  const [replacing, setReplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const store = async (): Promise<void> => {
    if (value.trim() === '' || busy) return;
    setBusy(true);
    const problem = await props.onStore(value);
    setBusy(false);
    setLocalError(problem);
    if (problem === null) {
      setValue('');
      setReplacing(false);
    }
  };

  const error = localError ?? props.error;
  if (props.stored && !replacing) {
    return (
      <div className="field secret-field" data-secret-field={props.name} data-stored="true">
        <label>
          {props.label}
          <RequiredMark required={props.required} />
          <code className="param-name">{props.param}</code>
        </label>
        <div className="stored-secret">
          <span className="stored-badge">Stored in keychain</span>
          <button type="button" className="link" name={`${props.name}-replace`} onClick={() => setReplacing(true)}>
            Replace
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={`field secret-field${error ? ' field-invalid' : ''}`} data-secret-field={props.name} data-stored="false">
      <label htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required} />
        <code className="param-name">{props.param}</code>
      </label>
      <input
        id={id}
        name={props.name}
        type="password"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-required={props.required ? true : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setLocalError(null);
        }}
        onBlur={() => void store()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void store();
        }}
      />
      {busy && <div className="hint">Storing in the keychain…</div>}
      {props.hint && <div className="hint">{props.hint}</div>}
      {error && (
        <div className="field-error" role="alert" data-field-error={props.name}>
          {error}
        </div>
      )}
    </div>
  );
}
