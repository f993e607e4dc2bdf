import type { ReactNode } from 'react';
import type { CheckStanding } from '../../../shared/domain/verified-check';
import type { SharedOperation } from '../operations/use-shared-operation';
import { CheckStandingView } from './check-standing-view';
import type { OperationState } from './use-operation';
import { OperationView } from './operation-view';

/** Props of {@link VerifyCheckRun}. */
export interface VerifyCheckRunProps<T> {
  /** Names the button and the operation's progress and result (test handles). */
  readonly name: string;
  readonly buttonText: string;
  readonly operation: Pick<SharedOperation<T>, 'state' | 'cancel'>;
  readonly onStart: () => void;
  /** What the profile remembers about this check, when it remembers it. */
  readonly standing: CheckStanding | undefined;
  readonly runningText: string;
  readonly renderDone: (value: T) => ReactNode;
}

/**
 * One check of the verify step: its button, its progress or result, and what the profile remembers about it.
 * The button is off while the check runs, so one check never runs twice at once.
 */
export function VerifyCheckRun<T>({ name, buttonText, operation, onStart, standing, runningText, renderDone }: VerifyCheckRunProps<T>) {
  // A result shown next to a remembered check that went stale would contradict it: the stale record wins.
  const shown: OperationState<T> = operation.state.kind === 'done' && standing?.stale === true ? { kind: 'idle' } : operation.state;
  return (
    <>
      <button type="button" name={name} disabled={operation.state.kind === 'running'} onClick={onStart}>
        {buttonText}
      </button>
      <OperationView name={name} state={shown} runningText={runningText} onCancel={operation.cancel} renderDone={renderDone} />
      {standing !== undefined && <CheckStandingView standing={standing} />}
    </>
  );
}
