import type { AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { ADMIN_SIGN_IN_SCOPES, APP_REQUIRED_SCOPES, DEFAULT_BOOTSTRAP_CLIENT_ID, MAILBOX_USER_LOOKUP_SCOPE } from '../../shared/entra/entra-constants';
import { PROVISIONING_STEP_LABELS } from '../../shared/entra/provisioning-steps';
import type { ConsentMode } from '../../shared/entra/registration-model';
import type { EntraProvisioningService } from '../entra/entra-provisioning-service';
import type { ProvisioningMode } from '../entra/registration-service';
import { exactlyOne, parseFlags, wholeNumberFlag, type CliUsageError } from './cli-flag-parsing';
import type { CliIo } from './cli-io';

/** `gma entra …` options. */
export interface EntraCliCommand {
  readonly mode: ProvisioningMode;
  readonly profile: string;
  readonly consent: ConsentMode;
  readonly secretDays: number;
  readonly bootstrapClientId: string | null;
}

/** Help for `gma entra`. */
export const ENTRA_HELP_TEXT = `gma entra create|check|repair PROFILE [--consent tenant|mailbox-user]
          [--secret-days N] [--bootstrap-client-id GUID]

create  finds the profile's app registration (by its client id or the tag the
        assistant puts on it) or creates it, then brings it in line: XSOAR Web
        redirect, Mobile-and-desktop http://localhost, exactly the delegated
        permissions the integration needs, service principal, a client secret
        (stored in the keychain, shown only on Reveal) or the profile's
        certificate (public part only), and consent.
check   compares the registration with what the integration needs; writes nothing.
        Exit 1 when something needs repairing.
repair  fixes what check reports on an existing registration.

An administrator signs in in the browser (the address is also printed). The
sign-in client is Microsoft Graph Command Line Tools (${DEFAULT_BOOTSTRAP_CLIENT_ID})
unless --bootstrap-client-id or GMA_BOOTSTRAP_CLIENT_ID names your own.
--consent mailbox-user grants consent for the mailbox user only (least
privilege); tenant (default) for every user. --secret-days: expiry of a new
client secret, 1-730 (default 180). GMA_NO_BROWSER=1 only prints the address.
Exit codes: 0 success, 2 bad input, 1 other failures.`;

/** Parses the arguments after `entra`. */
export function parseEntraArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): EntraCliCommand | CliUsageError {
  const parsed = parseFlags(argv, { consent: { type: 'string' }, 'secret-days': { type: 'string' }, 'bootstrap-client-id': { type: 'string' } }, 'gma entra --help');
  if ('usageError' in parsed) return parsed;
  const [mode, ...rest] = parsed.positionals;
  if (mode !== 'create' && mode !== 'check' && mode !== 'repair') return { usageError: 'Use "gma entra create|check|repair PROFILE".' };
  const profile = exactlyOne(rest, `Name exactly one profile: gma entra ${mode} PROFILE.`);
  if (typeof profile !== 'string') return profile;
  const consent = parsed.values.consent ?? 'tenant';
  if (consent !== 'tenant' && consent !== 'mailbox-user') return { usageError: `--consent is "tenant" or "mailbox-user", not "${consent}".` };
  const secretDays = wholeNumberFlag(parsed.values['secret-days'], 180, { min: 1, max: 730 }, (text) => `--secret-days is a whole number from 1 to 730, not "${text}".`);
  if (typeof secretDays !== 'number') return secretDays;
  const bootstrap = parsed.values['bootstrap-client-id'] ?? env['GMA_BOOTSTRAP_CLIENT_ID'] ?? '';
  return { mode, profile, consent, secretDays, bootstrapClientId: bootstrap.trim() === '' ? null : bootstrap.trim() };
}

const MARK = { ok: '✓', warning: '!', problem: '✗' } as const;

/** Runs `gma entra` against an already-found profile id; returns the exit code. */
export async function runEntraCommand(command: EntraCliCommand, profileId: string, entra: EntraProvisioningService, io: CliIo, signal: AbortSignal, exitFor: (e: AppError) => number): Promise<number> {
  if (command.mode !== 'check') {
    io.stderr('gma: the administrator signs in with these delegated permissions:\n');
    for (const s of [...ADMIN_SIGN_IN_SCOPES, ...(command.consent === 'mailbox-user' ? [MAILBOX_USER_LOOKUP_SCOPE] : [])]) io.stderr(`  - ${s.value}: to ${s.why}\n`);
    io.stderr('gma: the app will require exactly these delegated Microsoft Graph permissions:\n');
    for (const s of APP_REQUIRED_SCOPES) io.stderr(`  - ${s.value}: to ${s.why}\n`);
  }
  const result = await entra.run({ profileId, mode: command.mode, consent: command.consent, secretExpiryDays: command.secretDays, bootstrapClientId: command.bootstrapClientId }, (p) => {
    if (p.state === 'running' && p.detail === '') return;
    io.stderr(`gma: [${PROVISIONING_STEP_LABELS[p.step]}] ${p.state}${p.detail ? `: ${p.detail}` : ''}\n`);
  }, signal);
  if (!result.ok) {
    io.stderr(`gma: ${result.error.message}\n`);
    for (const f of result.error.fields ?? []) io.stderr(`  - ${f.message}\n`);
    return result.error.code === ErrorCode.Cancelled ? 1 : exitFor(result.error);
  }
  const r = result.value;
  io.stdout(`app\t${r.displayName}\nclient-id\t${r.clientId}\ntenant-id\t${r.tenantId}\nadministrator\t${r.administrator}\n`);
  if (command.mode !== 'check') io.stdout('checked\tbefore this run\n');
  for (const f of r.findings) io.stdout(`${MARK[f.status]} ${f.id}\t${f.detail}${f.fix && f.status !== 'ok' ? ` — ${f.fix}` : ''}\n`);
  io.stdout(r.writes.length ? r.writes.map((w) => `wrote\t${w}\n`).join('') : 'wrote\tnothing\n');
  if (r.secretStored) io.stderr('gma: the new client secret is in the keychain; reveal it in the app if you need to see it\n');
  if (command.mode === 'check' && r.findings.some((f) => f.status === 'problem')) {
    io.stderr(`gma: the registration needs repairing: gma entra repair ${command.profile}\n`);
    return 1;
  }
  return 0;
}
