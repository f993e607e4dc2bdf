import { redactText } from '../diagnostics/redact';
import { stripUnsafeCharacters } from './unsafe-characters';

/** Longest excerpt of a user's value that a message quotes. */
export const EXCERPT_MAX_CHARS = 40;

/**
 * A user's value as a message may quote it: control and bidi-override
 * characters removed, cut to {@link EXCERPT_MAX_CHARS} characters (never in
 * the middle of a surrogate pair) with "…" and the full length when cut.
 *
 * Only for values that are not secrets: a message never quotes a secret
 * field, not even in part (see `shared/export/scrub-secret-values.ts`), and a
 * value shaped like a secret (the diagnostics redaction rules) is not quoted.
 */
export function quoteExcerpt(value: string, max: number = EXCERPT_MAX_CHARS): string {
  const clean = stripUnsafeCharacters(value);
  // A secret pasted into the wrong field is still a secret: a value with a secret's shape is described, not quoted.
  if (redactText(clean) !== clean) return `the value (${Array.from(clean).length} characters; it looks like a secret, so it is not shown)`;
  const chars = Array.from(clean);
  if (chars.length <= max) return `"${clean}"`;
  return `"${chars.slice(0, max).join('')}…" (${chars.length} characters)`;
}
