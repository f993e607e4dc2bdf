import type { ReactNode, Ref } from 'react';
import { useFocusOnResult } from '../../components/use-focus-on-result';
import type { AppError } from '../../../shared/errors/app-error';
import type { OperationState } from './use-operation';

interface AadstsDetails {
  readonly aadsts: number;
  readonly explanation: { readonly title: string; readonly meaning: string; readonly fix: string; readonly referenceUrl: string };
}

function aadstsOf(error: AppError): AadstsDetails | null {
  const e = error as AppError & Partial<AadstsDetails>;
  return typeof e.aadsts === 'number' && e.explanation !== undefined ? { aadsts: e.aadsts, explanation: e.explanation } : null;
}

/** An error, with the AADSTS explainer's meaning and fix laid out when Entra ID refused. */
export function ErrorView({ error, name, focusRef }: { readonly error: AppError; readonly name: string; readonly focusRef?: Ref<HTMLDivElement> }) {
  const aadsts = aadstsOf(error);
  if (aadsts === null) {
    return (
      <div className="op-error" role="alert" data-op-error={name} data-error-code={error.code} tabIndex={-1} ref={focusRef}>
        {error.message}
      </div>
    );
  }
  const { explanation } = aadsts;
  return (
    <div className="op-error" role="alert" data-op-error={name} data-error-code={error.code} data-aadsts={aadsts.aadsts} tabIndex={-1} ref={focusRef}>
      <strong>
        AADSTS{aadsts.aadsts}: {explanation.title}
      </strong>
      <div>
        <span className="label">What it means:</span> {explanation.meaning}
      </div>
      <div data-fix>
        <span className="label">How to fix it:</span> {explanation.fix}
      </div>
    </div>
  );
}

/** Progress with a Cancel button while running; the error when it failed; `done` renders the result. */
export function OperationView<T>(props: {
  readonly name: string;
  readonly state: OperationState<T>;
  readonly runningText: string;
  readonly onCancel: () => void;
  readonly renderDone: (value: T) => ReactNode;
}) {
  const { state } = props;
  // When an operation the user started ends, its result takes the focus (the progress line it replaces is
  // gone), so a screen reader reads it and Tab continues from there.
  const result = useFocusOnResult<HTMLDivElement>(state.kind, 'running');
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="op-progress" role="status" data-op-running={props.name}>
          <span className="spinner" aria-hidden="true" /> {props.runningText}{' '}
          <button type="button" name={`${props.name}-cancel`} onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      );
    case 'failed':
      return <ErrorView error={state.error} name={props.name} focusRef={result} />;
    case 'done':
      return (
        <div data-op-done={props.name} tabIndex={-1} ref={result}>
          {props.renderDone(state.value)}
        </div>
      );
  }
}
