import type { AppError } from './errors/app-error';

/**
 * The outcome of every operation that can fail in an expected way.
 *
 * Errors are data: they cross IPC intact (unlike thrown errors, whose only
 * surviving field is `message`), and callers switch on `error.code`.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an {@link AppError} as a failed {@link Result}. */
export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}
