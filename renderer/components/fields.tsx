import { useId, type ReactNode } from 'react';

/** Props shared by the field components. */
interface FieldBase {
  /** The XSOAR label, shown as the field label. */
  readonly label: string;
  /** The XSOAR parameter name, shown beside the label. */
  readonly param?: string;
  readonly hint?: ReactNode;
  readonly error?: string;
  /** Stable test and accessibility handle. */
  readonly name: string;
  /** Must not be left empty: marked with an asterisk and `aria-required`. */
  readonly required?: boolean;
}

/**
 * The visible mark of a required field. Hidden from assistive technology, which hears `aria-required` on the
 * input instead (the step's legend explains the asterisk to sighted users).
 */
export function RequiredMark({ required }: { readonly required: boolean | undefined }) {
  return required ? (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  ) : null;
}

/** The line that explains the asterisk, shown on steps with required fields. */
export function RequiredLegend() {
  return (
    <p className="hint required-legend" data-required-legend>
      Fields marked <span className="required-mark">*</span> are required.
    </p>
  );
}

/** A labelled text input with its XSOAR parameter name, hint and error. */
export function TextField(props: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly placeholder?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required} />
        {props.param && <code className="param-name">{props.param}</code>}
      </label>
      <input
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-required={props.required ? true : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && <div className="hint">{props.hint}</div>}
      {props.error && (
        <div id={errorId} className="field-error" role="alert" data-field-error={props.name}>
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A labelled checkbox with its XSOAR parameter name. */
export function CheckboxField(props: FieldBase & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} name={props.name} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>
        {props.label}
        {props.param && <code className="param-name">{props.param}</code>}
      </label>
      {props.hint && <div className="hint">{props.hint}</div>}
    </div>
  );
}
