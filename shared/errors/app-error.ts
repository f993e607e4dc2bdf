import { ErrorCode } from './error-codes';

/** A problem with one input field, keyed by the field's path in the draft. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `mailbox.fetchLimit`. */
  readonly field: string;
  /** What is wrong and how to fix it, in plain language. */
  readonly message: string;
}

/**
 * An expected failure, as data.
 *
 * `message` is for people; `code` is for code. `fields` lists per-field
 * problems when the whole request was rejected because of input.
 */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryable?: boolean;
  readonly fields?: readonly FieldProblem[];
}

/** Builds an {@link AppError}. */
export function appError(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): AppError {
  return { code, message, ...extra };
}

/**
 * Converts anything thrown into an `internal` {@link AppError}.
 *
 * The original message is kept only when it cannot carry a secret: callers
 * must never throw errors whose message embeds user secrets.
 */
export function toInternalError(thrown: unknown): AppError {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return appError(ErrorCode.Internal, `Unexpected error: ${detail}`);
}
