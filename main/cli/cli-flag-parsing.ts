import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that could not be understood, with what to do instead (printed on stderr, exit 2). */
export interface CliUsageError {
  readonly usageError: string;
}

/** The options `parseArgs` accepts for one command (`--name` → its type, short letter, …). */
export type CliFlagOptions = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseFlags} reads: the flags' values by long name and the positional arguments in order. */
export type ParsedFlags<O extends CliFlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/**
 * Reads `argv` strictly (an unknown flag or a flag without its value is an error) with positionals allowed.
 * `parseArgs` throws on a bad command line; every gma command turns that into a usage error that names the
 * help to read, `helpCommand` (e.g. `gma rotate --help`), so the error is data here too.
 */
export function parseFlags<O extends CliFlagOptions>(argv: readonly string[], options: O, helpCommand: string): ParsedFlags<O> | CliUsageError {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    return { usageError: `${(error as Error).message}. Run "${helpCommand}".` };
  }
}

/**
 * The one positional argument a command takes (a profile, a file, an instance), or `usageError` when there are
 * none or several. With `nonBlank`, one made only of white space counts as none.
 */
export function exactlyOne(positionals: readonly string[], usageError: string, nonBlank = false): string | CliUsageError {
  const [only] = positionals;
  if (positionals.length !== 1 || only === undefined || (nonBlank && only.trim() === '')) return { usageError };
  return only;
}

/** How a whole-number flag may be written and which values it takes. */
export interface WholeNumberRule {
  readonly min: number;
  readonly max: number;
  /** White space around the digits is allowed (it is ignored). */
  readonly trim?: boolean;
  /** At most this many digits (leading zeros count). */
  readonly maxDigits?: number;
}

/** `text` as a whole number written in digits only and within the rule's range; `null` when it is not one. */
export function parseWholeNumber(text: string, rule: WholeNumberRule): number | null {
  const digits = rule.trim === true ? text.trim() : text;
  if (!/^\d+$/.test(digits) || digits.length > (rule.maxDigits ?? Number.POSITIVE_INFINITY)) return null;
  const value = Number(digits);
  return value >= rule.min && value <= rule.max ? value : null;
}

/**
 * A whole-number flag's value: `fallback` when the flag was not given, else `text` read by `rule`; when it breaks
 * the rule, the usage error `problem` words for what was typed (each command keeps its own wording).
 */
export function wholeNumberFlag(text: string | undefined, fallback: number, rule: WholeNumberRule, problem: (text: string) => string): number | CliUsageError {
  if (text === undefined) return fallback;
  return parseWholeNumber(text, rule) ?? { usageError: problem(text) };
}
