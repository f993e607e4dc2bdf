/** The fields of an XSOAR war-room entry the test result needs (spec A2). */
export interface XsoarEntry {
  readonly type: number;
  readonly contents: unknown;
}

/** Entry types that mean failure: 4 error, 8 playground error (CommonServerPython `EntryType`). */
export const ERROR_ENTRY_TYPES: readonly number[] = [4, 8];
/** Entry type of normal output. */
export const NOTE_ENTRY_TYPE = 1;

/** What `!msgraph-mail-test` printed. */
export type TestOutcome =
  | { readonly outcome: 'success'; readonly text: string }
  | { readonly outcome: 'failure'; readonly text: string }
  /** No entries at all: demisto-sdk's "Command did not run, make sure it was written correctly". */
  | { readonly outcome: 'no-output' }
  /** Entries, but neither an error nor the success line. */
  | { readonly outcome: 'unclear'; readonly text: string };

function textOf(contents: unknown): string {
  if (typeof contents === 'string') return contents;
  try {
    return JSON.stringify(contents);
  } catch {
    return String(contents);
  }
}

/**
 * Reads the entries `/entry/execute/sync` returned (spec A2): any error entry (type 4 or 8) is a failure and its
 * `contents` is the integration's message; otherwise a note (type 1) containing "Success" is a pass.
 */
export function interpretTestEntries(entries: readonly XsoarEntry[]): TestOutcome {
  if (entries.length === 0) return { outcome: 'no-output' };
  const errors = entries.filter((e) => ERROR_ENTRY_TYPES.includes(e.type));
  if (errors.length > 0) return { outcome: 'failure', text: errors.map((e) => textOf(e.contents)).join('\n') };
  const success = entries.find((e) => e.type === NOTE_ENTRY_TYPE && textOf(e.contents).includes('Success'));
  if (success !== undefined) return { outcome: 'success', text: textOf(success.contents) };
  return { outcome: 'unclear', text: entries.map((e) => textOf(e.contents)).join('\n') };
}

/** The command that proves an instance, quoted so names with spaces work (PAN-ENG `using=`). */
export function testCommand(instanceName: string): string {
  return `!msgraph-mail-test using="${instanceName.replaceAll('"', '\\"')}"`;
}

/** The command that empties the instance's integration context (drops a redeemed code's refresh token). */
export function authResetCommand(instanceName: string): string {
  return `!msgraph-mail-auth-reset using="${instanceName.replaceAll('"', '\\"')}"`;
}
