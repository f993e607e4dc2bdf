import { exactlyOne, parseFlags, type CliUsageError } from './cli-flag-parsing';
import { parseXsoarArgs, XSOAR_HELP_TEXT, type XsoarCliCommand } from './xsoar-cli-args';
import { parseExpiringDays } from '../../shared/lifecycle/credential-expiry';

/** Export formats the CLI offers. */
export const CLI_FORMATS = ['rest', 'params', 'params-yaml', 'terraform-xsoar', 'terraform-cortex', 'checklist-md', 'checklist-html', 'bundle'] as const;

/** One of {@link CLI_FORMATS}. */
export type CliFormat = (typeof CLI_FORMATS)[number];

/** A parsed command line. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** `expiringDays`: only profiles with a credential ending within that many days (`--expiring DAYS`), else all. */
  | { readonly kind: 'profiles-list'; readonly expiringDays: number | null }
  | { readonly kind: 'export'; readonly profile: string; readonly format: CliFormat; readonly includeSecrets: boolean; readonly out: string | null; readonly rebind: boolean }
  | { readonly kind: 'import'; readonly file: string; readonly decision: 'replace' | 'as-new' | null }
  | { readonly kind: 'xsoar'; readonly command: XsoarCliCommand }
  | { readonly kind: 'diagnostics' };

// Still exported here, where it was first defined, for modules that import it from the command line's parser.
export type { CliUsageError } from './cli-flag-parsing';

/** The `--help` text. */
export const HELP_TEXT = `gma — Graph Mail Auth Assistant on the command line

Usage:
  gma profiles list [--expiring DAYS]
  gma export <profile> --format <format> [--include-secrets] [--out FILE] [--rebind]
  gma import FILE [--replace | --as-new]
  gma entra create|check|repair PROFILE [--consent tenant|mailbox-user]
            [--secret-days N] [--bootstrap-client-id GUID]   (gma entra --help)
  gma rotate PROFILE [--connection NAME] [--playground ID]   (gma rotate --help)
${XSOAR_HELP_TEXT}
  gma diagnostics
  gma --help | --version

Formats: ${CLI_FORMATS.join(', ')}

Secrets stay in the OS keychain unless --include-secrets is given; the bundle
format always carries them, encrypted with a passphrase read from the
GMA_BUNDLE_PASSPHRASE environment variable or asked for on the terminal.
Without --out the export goes to standard output.
"profiles list" prints one line per profile, tab-separated: name, instance
name, method, mailbox, stored secrets, last change, id. With --expiring DAYS
it lists only the profiles with a client secret or certificate ending within
DAYS days (or already ended), each line followed by a column naming those
credentials and their end dates, and exits 3 when it listed any, 0 when none
(for scheduled tasks).
An import that matches an existing profile (same id or same instance name)
is refused with exit code 2 and both profiles described: --replace replaces
the existing profile, --as-new keeps both. --rebind confirms exporting
Cortex XSOAR app values for an instance other than the one they were bound to.
Data folder and keychain are the installed app's; GMA_DATA_DIR overrides the
folder, GMA_KEYCHAIN_PREFIX=dev selects a development build's keychain items.
"gma diagnostics" prints versions, OS, keychain status, identity endpoints and
the last log lines (logs/ in the data folder), with secrets removed.
Exit codes: 0 success, 2 bad input (the problem is printed on stderr), 1 other failures,
3 "profiles list --expiring" found a credential ending within DAYS.`;

/** Parses `argv` (without node and script) into a command. */
export function parseCliArgs(argv: readonly string[]): CliCommand | CliUsageError {
  if (argv[0] === 'xsoar') {
    const xsoar = parseXsoarArgs(argv.slice(1));
    return 'usageError' in xsoar ? xsoar : { kind: 'xsoar', command: xsoar };
  }
  const parsed = parseFlags(
    argv,
    {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      'include-secrets': { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      rebind: { type: 'boolean' },
      replace: { type: 'boolean' },
      'as-new': { type: 'boolean' },
      expiring: { type: 'string' },
    },
    'gma --help',
  );
  if ('usageError' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (values.expiring !== undefined && command !== 'profiles') return { usageError: '--expiring goes with "gma profiles list".' };
  const importFlags = values.replace === true || values['as-new'] === true;
  const exportOnly = (): CliUsageError | null =>
    importFlags ? { usageError: '--replace and --as-new go with "gma import".' } : values.format !== undefined || values['include-secrets'] || values.out !== undefined || values.rebind ? { usageError: '--format, --include-secrets, --out and --rebind go with "gma export".' } : null;
  switch (command) {
    case undefined:
      return { usageError: 'No command given. Run "gma --help".' };
    case 'profiles': {
      if (rest.length !== 1 || rest[0] !== 'list') return { usageError: 'Use "gma profiles list [--expiring DAYS]".' };
      const refused = exportOnly();
      if (refused !== null) return refused;
      if (values.expiring === undefined) return { kind: 'profiles-list', expiringDays: null };
      const days = parseExpiringDays(values.expiring);
      return days.ok ? { kind: 'profiles-list', expiringDays: days.days } : { usageError: days.problem };
    }
    case 'export': {
      const profile = exactlyOne(rest, 'Name exactly one profile: gma export <profile> --format <format>.');
      if (typeof profile !== 'string') return profile;
      if (importFlags) return { usageError: '--replace and --as-new go with "gma import".' };
      const format = values.format;
      if (format === undefined) return { usageError: `--format is required: one of ${CLI_FORMATS.join(', ')}.` };
      if (!(CLI_FORMATS as readonly string[]).includes(format)) return { usageError: `Unknown format "${format}": use one of ${CLI_FORMATS.join(', ')}.` };
      return { kind: 'export', profile, format: format as CliFormat, includeSecrets: values['include-secrets'] === true, out: values.out ?? null, rebind: values.rebind === true };
    }
    case 'import': {
      const file = exactlyOne(rest, 'Name exactly one file: gma import FILE.');
      if (typeof file !== 'string') return file;
      if (values.replace === true && values['as-new'] === true) return { usageError: 'Choose one: --replace or --as-new.' };
      const decision = values.replace === true ? 'replace' : values['as-new'] === true ? 'as-new' : null;
      if (values.format !== undefined || values['include-secrets'] || values.out !== undefined || values.rebind) return { usageError: '--format, --include-secrets, --out and --rebind go with "gma export".' };
      return { kind: 'import', file, decision };
    }
    case 'diagnostics': {
      if (rest.length !== 0) return { usageError: 'Use "gma diagnostics" without arguments.' };
      return exportOnly() ?? { kind: 'diagnostics' };
    }
    default:
      return { usageError: `Unknown command "${command}". Run "gma --help".` };
  }
}
