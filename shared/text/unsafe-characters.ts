/**
 * Characters that must never reach a terminal, a file name or a quoted
 * message from untrusted input: C0 and C1 controls (ESC sequences can clear
 * or rewrite a terminal, a newline breaks a listing's rows), DEL, and the
 * Unicode bidi controls that make text display in another order than it is
 * stored (the "Trojan Source" trick: `gpj.exe` shown as `exe.jpg`).
 */
// Exactly the control ranges are what must go, hence the control-character class.
// oxlint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** True when `text` holds a character of the unsafe set. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** `text` with every unsafe character removed. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * `text` made safe for one terminal field: unsafe characters become `?`
 * (visible, so two names that differ only in hidden characters still differ),
 * lone surrogates too.
 */
export function terminalSafe(text: string): string {
  return replaceLoneSurrogates(text.replace(UNSAFE, '?'), '?');
}

/** Replaces each unpaired UTF-16 surrogate (which no encoding can write) with `replacement`. */
export function replaceLoneSurrogates(text: string, replacement: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, replacement);
}

/** True when `text` has no unpaired surrogate, so `encodeURIComponent` and UTF-8 encoding cannot fail on it. */
export function isWellFormedText(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
