import { dirname, join, resolve } from 'node:path';
import type { AppError } from '../../shared/errors/app-error';
import { errorDetailLines } from '../../shared/errors/error-lines';
import { terminalSafe } from '../../shared/text/unsafe-characters';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Profile } from '../../shared/domain/profile';
import type { Result } from '../../shared/result';
import type { FileSystem } from '../ports/file-system';
import type { ExportBuilder } from '../services/export-builder';
import type { ImportService } from '../services/import-service';
import type { ProfilesService } from '../services/profiles-service';
import { HELP_TEXT, parseCliArgs, type CliCommand } from './cli-args';
import type { CliIo } from './cli-io';
import { ENTRA_HELP_TEXT, parseEntraArgs, runEntraCommand } from './cli-entra';
import type { EntraProvisioningService } from '../entra/entra-provisioning-service';
import { runXsoarCli, type XsoarCliServices } from './xsoar-cli';
import { profileLine, runImport } from './cli-import';
import { listExpiring } from './cli-expiring';
import { parseRotateArgs, ROTATE_HELP_TEXT, runRotateCommand } from './cli-rotate';
import type { RotationService } from '../lifecycle/rotation-service';
import type { Logger } from '../ports/logger';

/** The services the CLI shares with the app. */
export interface CliServices extends XsoarCliServices {
  readonly profiles: ProfilesService;
  readonly exportBuilder: ExportBuilder;
  readonly imports: ImportService;
  readonly fs: FileSystem;
  readonly version: string;
  /** App registration through Microsoft Graph (`gma entra`); fails when GMA_IDENTITY_ENDPOINTS is malformed. */
  readonly entra?: (io: CliIo) => Result<EntraProvisioningService>;
  /** Credential rotation (`gma rotate`), unattended: the administrator's token only from the keychain's cache. */
  readonly rotation?: () => Result<RotationService>;
  /** The redacting diagnostics log (`logs/` in the data folder). */
  readonly log: Logger;
  /** The report `gma diagnostics` prints. */
  readonly diagnostics: { report(): Promise<string> };
}

/** Exit codes: success, failure, bad input, and `profiles list --expiring` found something. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, badInput: 2, expiring: 3 } as const);

// Errors caused by what the user gave us (exit 2), as opposed to the machine (exit 1).
const BAD_INPUT_PREFIXES = ['config/', 'import/', 'bundle/', 'export/', 'profile/not-found', 'ipc/'];

function exitFor(error: AppError): number {
  return BAD_INPUT_PREFIXES.some((p) => error.code.startsWith(p)) ? EXIT.badInput : EXIT.failure;
}

function report(io: CliIo, error: AppError, log?: Logger): number {
  log?.log('warn', 'cli', 'refused', { code: error.code });
  io.stderr(`gma: ${terminalSafe(error.message)}\n`);
  for (const line of errorDetailLines(error)) io.stderr(`  - ${terminalSafe(line)}\n`);
  return exitFor(error);
}

/**
 * Runs one `gma` command line and returns the exit code. Never throws for
 * expected failures: every problem is printed on stderr.
 */
export async function runCli(argv: readonly string[], services: () => Promise<CliServices>, io: CliIo): Promise<number> {
  if (argv[0] === 'entra') return entra(argv.slice(1), services, io);
  if (argv[0] === 'rotate') return rotate(argv.slice(1), services, io);
  const command = parseCliArgs(argv);
  if ('usageError' in command) {
    io.stderr(`gma: ${command.usageError}\n`);
    return EXIT.badInput;
  }
  if (command.kind === 'help') {
    io.stdout(`${HELP_TEXT}\n`);
    return EXIT.ok;
  }
  const s = await services();
  if (command.kind === 'version') {
    io.stdout(`${s.version}\n`);
    return EXIT.ok;
  }
  if (command.kind === 'diagnostics') {
    io.stdout(await s.diagnostics.report());
    return EXIT.ok;
  }
  // The command's kind and outcome only: arguments may name files or profiles, never secrets, but need not be logged.
  s.log.log('info', 'cli', `gma ${command.kind}`);
  const code = await run(command, s, io);
  s.log.log(code === EXIT.ok ? 'info' : 'warn', 'cli', `gma ${command.kind} exited ${code}`);
  return code;
}

async function run(command: Exclude<CliCommand, { kind: 'help' | 'version' | 'diagnostics' }>, s: CliServices, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'profiles-list': {
      const listing = await s.profiles.list();
      if (!listing.ok) return report(io, listing.error, s.log);
      // Names come from files anyone may have written: no escape sequence reaches the terminal, no newline breaks a row.
      for (const n of listing.value.notices) io.stderr(`gma: ${terminalSafe(n)}\n`);
      if (command.expiringDays !== null) {
        printNotices(io, listing.value.damaged.length);
        return listExpiring(listing.value.profiles, command.expiringDays, io);
      }
      if (listing.value.profiles.length === 0) io.stderr('gma: no profiles yet\n');
      for (const p of listing.value.profiles) io.stdout(`${profileLine(p)}\n`);
      printNotices(io, listing.value.damaged.length);
      return EXIT.ok;
    }
    case 'export':
      return exportProfile(command, s, io);
    case 'xsoar':
      return runXsoarCli(command.command, s, io);
    case 'import':
      return runImport(command.file, command.decision, s.imports, io, (prompt) => passphraseOf(io, prompt), (error) => report(io, error, s.log));
  }
}

function printNotices(io: CliIo, damaged: number): void {
  if (damaged > 0) io.stderr(`gma: ${damaged} damaged profile entr${damaged === 1 ? 'y is' : 'ies are'} set aside in the profiles file; open the app's Profiles screen to export or delete ${damaged === 1 ? 'it' : 'them'}\n`);
}

async function rotate(argv: readonly string[], services: () => Promise<CliServices>, io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${ROTATE_HELP_TEXT}\n`);
    return EXIT.ok;
  }
  const command = parseRotateArgs(argv);
  if ('usageError' in command) {
    io.stderr(`gma: ${command.usageError}\n`);
    return EXIT.badInput;
  }
  const s = await services();
  const service = s.rotation?.();
  if (!service) return EXIT.failure;
  if (!service.ok) return report(io, service.error);
  s.log.log('info', 'cli', `gma rotate ${command.kind}`);
  const code = await runRotateCommand(command, {
    rotation: service.value,
    findProfile: (nameOrId) => findProfile(s, nameOrId),
    connectionNames: async () => {
      const all = await s.xsoarConnections.store.list();
      return all.ok ? { ok: true, value: all.value.map((c) => c.name) } : all;
    },
  }, io);
  s.log.log(code === EXIT.ok ? 'info' : 'warn', 'cli', `gma rotate exited ${code}`);
  return code;
}

async function entra(argv: readonly string[], services: () => Promise<CliServices>, io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${ENTRA_HELP_TEXT}\n`);
    return EXIT.ok;
  }
  const command = parseEntraArgs(argv, io.env);
  if ('usageError' in command) {
    io.stderr(`gma: ${command.usageError}\n`);
    return EXIT.badInput;
  }
  const s = await services();
  const service = s.entra?.(io);
  if (!service) return EXIT.failure;
  if (!service.ok) return report(io, service.error);
  const found = await findProfile(s, command.profile);
  if (!found.ok) return report(io, found.error);
  return runEntraCommand(command, found.value.id, service.value, io, io.cancel ?? new AbortController().signal, exitFor);
}

async function exportProfile(command: Extract<CliCommand, { kind: 'export' }>, s: CliServices, io: CliIo): Promise<number> {
  const found = await findProfile(s, command.profile);
  if (!found.ok) return report(io, found.error, s.log);
  const profile = found.value;
  if (command.format === 'bundle' && command.out === null) {
    io.stderr('gma: a bundle is binary: name a file with --out\n');
    return EXIT.badInput;
  }
  let passphrase: string | undefined;
  if (command.format === 'bundle') {
    const p = await passphraseOf(io, 'New bundle passphrase: ');
    if (p === null) {
      io.stderr('gma: set GMA_BUNDLE_PASSPHRASE or run in a terminal to be asked for the bundle passphrase\n');
      return EXIT.badInput;
    }
    passphrase = p;
  }
  const built = await s.exportBuilder.build({ draft: profile.draft, profileId: profile.id, format: command.format, includeSecrets: command.includeSecrets, passphrase, confirmRebind: command.rebind });
  if (!built.ok) return report(io, built.error, s.log);
  for (const w of built.value.warnings) io.stderr(`gma: warning: ${terminalSafe(w)}\n`);
  const [main, ...companions] = built.value.files;
  if (main === undefined) return EXIT.failure;
  if (command.out === null) {
    io.stdout(main.data);
    if (companions.length > 0) io.stderr(`gma: not written (use --out): ${companions.map((c) => c.fileName).join(', ')}\n`);
  } else {
    const out = resolve(command.out);
    try {
      await s.fs.writeFileAtomic(out, main.data);
      for (const c of companions) await s.fs.writeFileAtomic(join(dirname(out), c.fileName), c.data);
    } catch (error) {
      io.stderr(`gma: could not write ${out} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})\n`);
      return EXIT.failure;
    }
    io.stderr(`gma: wrote ${[out, ...companions.map((c) => join(dirname(out), c.fileName))].join(', ')}\n`);
  }
  if (built.value.files.some((f) => f.containsSecrets)) io.stderr('gma: warning: the export contains secrets\n');
  if (built.value.boundInstanceName !== undefined && built.value.boundInstanceName !== profile.draft.xsoarApp.boundInstanceName) {
    const draft = { ...profile.draft, xsoarApp: { ...profile.draft.xsoarApp, boundInstanceName: built.value.boundInstanceName } };
    await s.profiles.saveDraft(profile.id, draft, profile.resumeStep);
  }
  return EXIT.ok;
}

async function findProfile(s: CliServices, nameOrId: string): Promise<Result<Profile>> {
  const listing = await s.profiles.list();
  if (!listing.ok) return listing;
  const all = listing.value.profiles;
  const exact = all.filter((p) => p.id === nameOrId || p.name === nameOrId);
  const loose = exact.length > 0 ? exact : all.filter((p) => p.name.toLowerCase() === nameOrId.toLowerCase());
  if (loose.length === 1 && loose[0] !== undefined) return { ok: true, value: loose[0] };
  const names = all.map((p) => `"${terminalSafe(p.name)}"`).join(', ') || 'none';
  return {
    ok: false,
    error: { code: ErrorCode.ProfileNotFound, message: loose.length > 1 ? `Several profiles are named "${nameOrId}"; use the id.` : `No profile "${nameOrId}". Profiles: ${names}.` },
  };
}

async function passphraseOf(io: CliIo, prompt: string): Promise<string | null> {
  const fromEnv = io.env['GMA_BUNDLE_PASSPHRASE'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return io.askSecret(prompt);
}
