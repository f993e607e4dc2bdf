import type { AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { terminalSafe } from '../../shared/text/unsafe-characters';
import type { Result } from '../../shared/result';
import type { RotationService } from '../lifecycle/rotation-service';
import { recoveryLeftOver, type RecoveryReport } from '../lifecycle/rotation-types';
import { exactlyOne, parseFlags, wholeNumberFlag } from './cli-flag-parsing';
import type { CliIo } from './cli-io';

/** A parsed `gma rotate …` command line. */
export type RotateCliCommand =
  | { readonly kind: 'rotate'; readonly profile: string; readonly connection: string | null; readonly playground: string | null; readonly secretDays: number; readonly certificateDays: number }
  | { readonly kind: 'recover' };

/** The `gma rotate --help` text. */
export const ROTATE_HELP_TEXT = `gma rotate PROFILE [--connection NAME] [--playground ID] [--secret-days N] [--certificate-days N]
gma rotate --recover

Rotates the self-deployed app's client secret or certificate of PROFILE: creates the new one in Entra ID, stores it
in the keychain, gives it to the profile's XSOAR instance (only that value changes; the integration keeps its refresh
token), runs !msgraph-mail-test, and only then removes the old one from Entra ID. Any failure leaves the old
credential valid and the instance on its previous value. Every step is journaled in the data folder (rotations/),
so a crash is finished or undone at the next start or by "gma rotate --recover".

--connection: the saved XSOAR connection holding the instance (default: the only one saved).
--playground: where the test runs (default: the connection's saved playground; found on XSOAR 6).
--secret-days: validity of the new client secret, 1-730 (default 180).
--certificate-days: validity of the new certificate, 1-365 (default 365).

Runs unattended (for scheduled tasks) when the administrator's sign-in cached in the keychain is still usable;
otherwise it exits 1 saying that an interactive sign-in is needed (sign in once with "gma entra check PROFILE").
Exit codes: 0 rotated (or nothing to recover), 2 bad input, 1 failure (rolled back, or stopped with its journal kept;
for --recover: a journal that could not be acted on now, or needs you).`;

type Usage = { readonly usageError: string };

function days(text: string | undefined, fallback: number, max: number, flag: string): number | Usage {
  return wholeNumberFlag(text, fallback, { min: 1, max, trim: true, maxDigits: 4 }, (typed) => `${flag} takes a whole number of days from 1 to ${max}, not "${typed}".`);
}

/** Parses the arguments after `gma rotate`. */
export function parseRotateArgs(argv: readonly string[]): RotateCliCommand | Usage {
  const parsed = parseFlags(
    argv,
    {
      connection: { type: 'string' },
      playground: { type: 'string' },
      'secret-days': { type: 'string' },
      'certificate-days': { type: 'string' },
      recover: { type: 'boolean' },
    },
    'gma rotate --help',
  );
  if ('usageError' in parsed) return parsed;
  const { values: v, positionals } = parsed;
  if (v.recover) {
    if (positionals.length > 0 || v.connection !== undefined || v.playground !== undefined || v['secret-days'] !== undefined || v['certificate-days'] !== undefined) return { usageError: 'Use "gma rotate --recover" alone.' };
    return { kind: 'recover' };
  }
  const profile = exactlyOne(positionals, 'Name exactly one profile: gma rotate PROFILE.', true);
  if (typeof profile !== 'string') return profile;
  const secretDays = days(v['secret-days'], 180, 730, '--secret-days');
  if (typeof secretDays !== 'number') return secretDays;
  const certificateDays = days(v['certificate-days'], 365, 365, '--certificate-days');
  if (typeof certificateDays !== 'number') return certificateDays;
  return { kind: 'rotate', profile, connection: v.connection ?? null, playground: v.playground ?? null, secretDays, certificateDays };
}

// What the user typed was wrong (exit 2); everything else exits 1.
const BAD_INPUT: readonly string[] = [ErrorCode.ConfigInvalid, ErrorCode.ProfileNotFound, ErrorCode.XsoarConnectionNotFound, ErrorCode.XsoarPlaygroundNeeded, ErrorCode.XsoarInstanceNotFound];

function report(io: CliIo, error: AppError): number {
  io.stderr(`gma: ${terminalSafe(error.message)}\n`);
  for (const f of error.fields ?? []) io.stderr(`  - ${terminalSafe(f.message)}\n`);
  return BAD_INPUT.includes(error.code) ? 2 : 1;
}

/** One line of `gma rotate --recover` about one journal (terminal-safe). */
export function recoveryLine(rep: RecoveryReport): string {
  switch (rep.outcome) {
    case 'finished':
      return `finished the interrupted rotation of profile ${rep.profileId}`;
    case 'rolled-back':
      return `rolled back the interrupted rotation of profile ${rep.profileId}`;
    case 'running-elsewhere':
      return `the rotation of profile ${rep.profileId} is running in another process (the app or gma); left to it`;
    case 'postponed':
      return `the interrupted rotation of profile ${rep.profileId} could not be recovered now (${terminalSafe(rep.reason)}); both credentials stay valid and it is tried again at the next start or "gma rotate --recover"`;
    case 'needs-attention':
      return `the interrupted rotation of profile ${rep.profileId} needs you: ${terminalSafe(rep.reason)}`;
  }
}

/** What `gma rotate` needs. */
export interface RotateCliDeps {
  readonly rotation: RotationService;
  /** Finds a profile by name or id. */
  readonly findProfile: (nameOrId: string) => Promise<Result<{ readonly id: string; readonly name: string }>>;
  /** The saved connections' names (to default to the only one). */
  readonly connectionNames: () => Promise<Result<readonly string[]>>;
}

/** Runs `gma rotate`; returns the exit code. */
export async function runRotateCommand(command: RotateCliCommand, deps: RotateCliDeps, io: CliIo): Promise<number> {
  const cancel = io.cancel ?? new AbortController().signal;
  if (command.kind === 'recover') {
    const r = await deps.rotation.recover(cancel);
    if (!r.ok) return report(io, r.error);
    if (r.value.length === 0) io.stderr('gma: no interrupted rotation to recover\n');
    for (const rep of r.value) (recoveryLeftOver(rep) ? io.stderr : io.stdout)(`${recoveryLine(rep)}\n`);
    return r.value.some(recoveryLeftOver) ? 1 : 0;
  }
  const profile = await deps.findProfile(command.profile);
  if (!profile.ok) return report(io, profile.error);
  let connection = command.connection;
  if (connection === null) {
    const names = await deps.connectionNames();
    if (!names.ok) return report(io, names.error);
    if (names.value.length !== 1) {
      return report(io, { code: ErrorCode.ConfigInvalid, message: names.value.length === 0 ? 'No XSOAR connection is saved: add one with "gma xsoar connections add".' : `Name the XSOAR connection holding the instance: --connection ${names.value.map((n) => `"${n}"`).join(' or ')}.` });
    }
    connection = names.value[0] ?? '';
  }
  // Finish or undo anything a crash left behind first: a rotation never starts over an unfinished one.
  // (Another profile's journal that cannot be acted on now is reported and does not stop this rotation.)
  const recovered = await deps.rotation.recover(cancel);
  if (!recovered.ok) return report(io, recovered.error);
  for (const rep of recovered.value) io.stderr(`gma: ${recoveryLine(rep)}\n`);
  const r = await deps.rotation.rotate(
    { profileId: profile.value.id, connection, playgroundId: command.playground, secretDays: command.secretDays, certificateDays: command.certificateDays },
    (p) => io.stderr(`gma: ${p.step}: ${p.state}${p.detail ? ` — ${terminalSafe(p.detail.split('\n')[0] ?? '')}` : ''}\n`),
    cancel,
  );
  if (!r.ok) return report(io, r.error);
  io.stdout(`rotated the ${r.value.credential} of "${terminalSafe(profile.value.name)}": the new one is valid until ${r.value.newEndsAt.slice(0, 10)}, !msgraph-mail-test passed on "${terminalSafe(r.value.instanceName)}" and the old one was removed from Entra ID\n`);
  return 0;
}
