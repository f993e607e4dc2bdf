/** How hard a passphrase is to guess, as the export dialog shows it. */
export type PassphraseRating = 'very-weak' | 'weak' | 'fair' | 'strong' | 'very-strong';

/** The verdict on a bundle passphrase. */
export interface PassphraseStrength {
  /** True when the bundle may be sealed with it. */
  readonly acceptable: boolean;
  /** Rough guessing entropy in bits (an estimate, not a guarantee). */
  readonly estimatedBits: number;
  readonly rating: PassphraseRating;
  /** Why it is refused or weak, in plain language (empty when strong). */
  readonly problems: readonly string[];
}

/** Shortest passphrase a bundle accepts. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** Below this estimate a passphrase is refused even if long enough. */
export const MIN_PASSPHRASE_BITS = 45;

// Words attackers try first; each counts as one guess from a small list
// instead of as many random characters.
const COMMON = [
  'password', 'passwort', 'passphrase', 'qwerty', 'azerty', 'letmein', 'welcome', 'admin', 'administrator', 'secret',
  'changeme', 'iloveyou', 'monkey', 'dragon', 'master', 'login', 'xsoar', 'cortex', 'demisto', 'microsoft', 'azure',
  'graph', 'mail', 'summer', 'winter', 'spring', 'autumn', 'football', 'baseball', 'abc123', 'trustno1',
];

// Brute-force alphabet: the sum of the character classes the passphrase uses.
function alphabetSize(chars: readonly string[]): number {
  const classes: ReadonlyArray<readonly [RegExp, number]> = [[/[a-z]/, 26], [/[A-Z]/, 26], [/[0-9]/, 10], [/[ -/:-@[-`{-~]/, 33], [/[^\x20-\x7e]/, 100]];
  return classes.reduce((sum, [re, size]) => (chars.some((c) => re.test(c)) ? sum + size : sum), 0);
}

/**
 * Estimates a passphrase's strength without any dictionary download.
 *
 * Each character adds log2 of the alphabet the passphrase draws from (the
 * sum of the character classes it uses), except repeats and
 * ascending/descending runs (`aaaa`, `1234`, `cba`), which add about one bit,
 * and common words, which add about as much as one pick from a short list.
 * Deliberately conservative for random-looking text and generous for long
 * word phrases, which is what we want to encourage.
 */
export function estimatePassphrase(passphrase: string): PassphraseStrength {
  const chars = [...passphrase.normalize('NFC')];
  const problems: string[] = [];
  if (chars.length < MIN_PASSPHRASE_LENGTH) problems.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${chars.length}).`);
  // Common words are blanked out with same-length markers so that indices
  // still match the original characters (whose case decides their class).
  let marked = chars.map((c) => c.toLowerCase());
  let bits = 0;
  let foundCommon = false;
  for (const word of COMMON) {
    const letters = [...word];
    for (let i = 0; i + letters.length <= marked.length; i++) {
      if (letters.every((l, j) => marked[i + j] === l)) {
        marked = [...marked.slice(0, i), ...letters.map(() => '\u0000'), ...marked.slice(i + letters.length)];
        bits += 6;
        foundCommon = true;
      }
    }
  }
  const perChar = Math.log2(Math.max(2, alphabetSize(chars)));
  let prev: number | null = null;
  marked.forEach((ch) => {
    if (ch === '\u0000') {
      prev = null;
      return;
    }
    const code = ch.codePointAt(0) ?? 0;
    const repeatOrRun = prev !== null && Math.abs(code - prev) <= 1;
    bits += repeatOrRun ? 1 : perChar;
    prev = code;
  });
  const original = chars.join('');
  if (foundCommon) problems.push('It contains a common word; add unrelated words or random characters.');
  if (/(.)\1{3,}/u.test(original)) problems.push('It repeats a character many times.');
  const estimatedBits = Math.round(bits);
  if (chars.length >= MIN_PASSPHRASE_LENGTH && estimatedBits < MIN_PASSPHRASE_BITS) problems.push('It is too easy to guess; use four or more unrelated words or random characters.');
  const rating: PassphraseRating = estimatedBits < MIN_PASSPHRASE_BITS ? 'very-weak' : estimatedBits < 60 ? 'weak' : estimatedBits < 80 ? 'fair' : estimatedBits < 100 ? 'strong' : 'very-strong';
  return { acceptable: chars.length >= MIN_PASSPHRASE_LENGTH && estimatedBits >= MIN_PASSPHRASE_BITS, estimatedBits, rating, problems };
}
