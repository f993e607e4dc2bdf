import type { ReactNode } from 'react';
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
export function ErrorView({ error, name }: { readonly error: AppError; readonly name: string }) {
  const aadsts = aadstsOf(error);
  if (aadsts === null) {
    return (
      <div className="op-error" role="alert" data-op-error={name} data-error-code={error.code}>
        {error.message}
      </div>
    );
  }
  const { explanation } = aadsts;
  return (
    <div className="op-error" role="alert" data-op-error={name} data-error-code={error.code} data-aadsts={aadsts.aadsts}>
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
      return <ErrorView error={state.error} name={props.name} />;
    case 'done':
      return <div data-op-done={props.name}>{props.renderDone(state.value)}</div>;
  }
}
