import type { AppError } from './app-error';

/**
 * An error as lines for people: the message, then each field problem once.
 *
 * A field problem already spelled out in the message (some services join
 * them into it) is not repeated; one whose text does not name its field gets
 * the field in front, so "Enter the value" still says which.
 */
export function errorDetailLines(error: AppError): string[] {
  return (error.fields ?? [])
    .filter((f) => !error.message.includes(f.message))
    .map((f) => (f.field === '' || f.message.includes(f.field) ? f.message : `${f.field}: ${f.message}`));
}
