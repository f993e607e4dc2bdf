import type { ReactNode } from 'react';
import type { XsoarOperation } from './use-xsoar-operation';

/** Progress with Cancel while running, the error when it failed, `children` with the value when done. */
export function XsoarOperationView<T>({ state, onCancel, name, children }: { readonly state: XsoarOperation<T>; readonly onCancel: () => void; readonly name: string; readonly children: (value: T) => ReactNode }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="op-running" data-op-running={name}>
          <span className="spinner" aria-hidden="true" /> {state.label}{' '}
          <button type="button" name={`cancel-${name}`} onClick={onCancel}>Cancel</button>
        </div>
      );
    case 'failed':
      return (
        <div className="op-error" role="alert" data-op-error={name} data-error-code={state.error.code}>
          {state.error.message}
        </div>
      );
    case 'done':
      return <>{children(state.value)}</>;
  }
}
