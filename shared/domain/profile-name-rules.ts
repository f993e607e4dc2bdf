import { MAX_PROFILE_NAME } from './profile';

// C0 and C1 control characters, DEL, and the Unicode bidi controls (embeddings,
// overrides, isolates, marks): a name with them can display as something
// other than what it is, so the list could no longer tell two profiles apart.
const FORBIDDEN = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** The name a profile gets when a file offers nothing usable. */
export const FALLBACK_PROFILE_NAME = 'Imported profile';

/**
 * Why `name` cannot be a profile name as given, or `null` when it can.
 * The name is judged after trimming; the caller stores the trimmed form.
 */
export function checkProfileName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'A profile needs a name.';
  if (FORBIDDEN.test(trimmed)) return 'A profile name cannot contain control or text-direction characters.';
  const length = trimmed.length;
  if (length > MAX_PROFILE_NAME) return `A profile name has at most ${MAX_PROFILE_NAME} characters; this one has ${length}.`;
  return null;
}

/** A name made valid, with what was changed in plain language. */
export interface CleanedProfileName {
  readonly name: string;
  /** Empty when the name was already valid (apart from surrounding spaces). */
  readonly notes: readonly string[];
}

/**
 * Makes any name from outside (an imported file, an instance name) a valid
 * profile name: control and text-direction characters become spaces, runs
 * of white space collapse, the result is trimmed and cut to
 * {@link MAX_PROFILE_NAME} characters (UTF-16 units, as the schema counts,
 * but never inside a code point, so no half of an emoji survives). Every change is reported so the user can be told.
 */
export function cleanProfileName(raw: string): CleanedProfileName {
  const notes: string[] = [];
  let name = raw;
  if (FORBIDDEN.test(name)) {
    name = name.replace(FORBIDDEN_ALL, ' ').replace(/\s+/gu, ' ');
    notes.push('control or text-direction characters were removed from the name');
  }
  name = name.trim();
  if (name.length > MAX_PROFILE_NAME) {
    notes.push(`the name had ${name.length} characters and was shortened to the first ${MAX_PROFILE_NAME}`);
    name = cut(name, MAX_PROFILE_NAME).trimEnd();
  }
  if (name === '') {
    name = FALLBACK_PROFILE_NAME;
    notes.push(`the name was empty and is now "${FALLBACK_PROFILE_NAME}"`);
  }
  return { name, notes };
}

/**
 * A name no profile in `taken` has (case-insensitive): `name`, else
 * `name (2)`, `name (3)`, …, each cut so the result stays within
 * {@link MAX_PROFILE_NAME}.
 */
export function distinctProfileName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${cut(name, MAX_PROFILE_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

// The longest prefix of whole code points within `max` UTF-16 units.
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
