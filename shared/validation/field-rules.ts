import { quoteExcerpt } from '../text/excerpt';
/**
 * Single-field rules. Each returns `null` when the value is acceptable, or a
 * message that says what is wrong and what a good value looks like.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID in the 8-4-4-4-12 hexadecimal form Entra ID shows. */
export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** A GUID such as an application (client) ID or a managed identity's client ID. */
export function checkGuid(value: string, what: string): string | null {
  const v = value.trim();
  if (v === '') return `Enter the ${what}.`;
  if (!isGuid(v)) return `The ${what} must be a GUID like 00000000-0000-0000-0000-000000000000; ${quoteExcerpt(v)} is not.`;
  return null;
}

/** A single mailbox address such as `analyst@contoso.com`. */
export function checkEmailAddress(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the e-mail address of the mailbox the integration uses.';
  if (/\s/.test(v)) return 'An e-mail address cannot contain spaces.';
  if (!/^[^@]+@[^@]+\.[^@.]+$/.test(v)) return `${quoteExcerpt(v)} is not an e-mail address (expected name@domain, e.g. soc@contoso.com).`;
  return null;
}

// CommonServerPython's parse_date_range accepts these units, singular or plural.
const FIRST_FETCH = /^\s*(\d+)\s+(minute|hour|day|week|month|year)s?\s*$/i;

/** `first_fetch`: `<number> <time unit>` as the integration parses it. */
export function checkFirstFetch(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter how far back the first fetch goes, e.g. "15 minutes" or "7 days".';
  const m = FIRST_FETCH.exec(v);
  if (!m) return `Use "<number> <time unit>", e.g. "12 hours" or "7 days"; ${quoteExcerpt(v)} cannot be parsed.`;
  if (Number(m[1]) === 0) return 'The number must be at least 1.';
  return null;
}

/**
 * A positive whole number kept as a string, as the integration calls `int()`
 * on it (an empty or non-numeric value would crash every command).
 */
export function checkPositiveInteger(value: string, what: string): string | null {
  const v = value.trim();
  if (v === '') return `Enter the ${what}.`;
  if (!/^\d+$/.test(v)) return `The ${what} must be a whole number such as 50; ${quoteExcerpt(v)} is not.`;
  if (Number(v) < 1) return `The ${what} must be at least 1.`;
  return null;
}

/**
 * `folder_to_fetch`: a well-known folder name, a folder ID, or a path of
 * sub-folders separated by `/` (backslash is also accepted by the integration).
 */
export function checkFolderPath(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the folder to fetch from, e.g. Inbox or Inbox/Phishing.';
  const segments = v.split(/[/\\]/);
  if (segments.some((s) => s.trim() === '')) return `${quoteExcerpt(v)} has an empty folder name; separate sub-folders with a single "/", e.g. Inbox/Phishing.`;
  return null;
}

/** An XSOAR instance name: required, one line. */
export function checkInstanceName(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the name of the XSOAR instance these settings are for.';
  if (/[\r\n\t]/.test(v)) return 'The instance name must fit on one line.';
  return null;
}
