import type { Result } from '../../../shared/result';
import { runCurrentRequest, settledState } from '../../ipc/current-request-runner';
import type { OperationState } from '../self-deployed/use-operation';

/** Why an operation finished, for listeners that act on results (the wizard of its profile). */
export interface SettledOperation {
  /** The profile it ran for (`null` before the configuration had one). */
  readonly profileId: string | null;
  /** Which operation: `admin-consent`, `capture-code`, … */
  readonly name: string;
  readonly result: Result<unknown>;
}

type Listener = () => void;
type SettledListener = (settled: SettledOperation) => void;

function keyOf(profileId: string | null, name: string): string {
  return `${profileId ?? 'unsaved'}:${name}`;
}

/**
 * The wizard's long-running operations (admin consent, sign-ins, code
 * capture), kept outside any screen: moving between steps, or leaving the
 * wizard and coming back, neither cancels an operation nor loses its result.
 * Only Cancel cancels. Each start gets a fresh request id; a result for a
 * request that is no longer the current one of its key is dropped.
 */
export class OperationStore {
  private readonly states = new Map<string, OperationState<unknown>>();
  private readonly current = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  private readonly settledListeners = new Set<SettledListener>();

  constructor(private readonly cancelRequest: (requestId: string) => void) {}

  /** The state of operation `name` of `profileId`. */
  get<T>(profileId: string | null, name: string): OperationState<T> {
    return (this.states.get(keyOf(profileId, name)) ?? IDLE) as OperationState<T>;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` whenever an operation finishes with a current result. */
  onSettled(listener: SettledListener): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** True while any operation of `profileId` runs. */
  anyRunning(profileId: string | null): boolean {
    const prefix = `${profileId ?? 'unsaved'}:`;
    return [...this.current.keys()].some((k) => k.startsWith(prefix));
  }

  /** Starts `run` as operation `name` of `profileId`; resolves with its result, or `null` when it was superseded. */
  start<T>(profileId: string | null, name: string, run: (requestId: string) => Promise<Result<T>>): Promise<Result<T> | null> {
    const key = keyOf(profileId, name);
    return runCurrentRequest(
      'op',
      {
        currentId: () => this.current.get(key),
        started: (requestId) => {
          this.current.set(key, requestId);
          this.set(key, { kind: 'running', requestId, label: '' });
        },
        settled: (result) => {
          this.current.delete(key);
          this.set(key, settledState(result));
          for (const l of this.settledListeners) l({ profileId, name, result });
        },
      },
      run,
    );
  }

  /** Cancels operation `name` of `profileId` if it runs (the main process aborts it and closes its listener). */
  cancel(profileId: string | null, name: string): void {
    const requestId = this.current.get(keyOf(profileId, name));
    if (requestId !== undefined) this.cancelRequest(requestId);
  }

  /** Forgets a finished operation's result (a new attempt starts clean). */
  reset(profileId: string | null, name: string): void {
    const key = keyOf(profileId, name);
    if (this.current.has(key)) return;
    this.states.delete(key);
    this.emit();
  }

  private set(key: string, state: OperationState<unknown>): void {
    this.states.set(key, state);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

const IDLE: OperationState<never> = { kind: 'idle' };
