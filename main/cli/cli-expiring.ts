import type { Profile } from '../../shared/domain/profile';
import { CREDENTIAL_END_SOURCE_LABELS } from '../../shared/domain/credential-end';
import { deadlinesOf, describeDaysLeft, endsWithin } from '../../shared/lifecycle/credential-expiry';
import { terminalSafe } from '../../shared/text/unsafe-characters';
import type { CliIo } from './cli-io';
import { profileLine } from './cli-import';

/**
 * `gma profiles list --expiring DAYS`: the profiles with a credential ending within DAYS days (or already ended),
 * one line each (the `profiles list` columns plus the credentials ending), exit 3 when there is any, 0 when none, so
 * that a scheduled task can alert on the exit code alone.
 */
export function listExpiring(profiles: readonly Profile[], days: number, io: CliIo, now: number = Date.now()): number {
  let listed = 0;
  for (const p of profiles) {
    const deadlines = deadlinesOf(p, now);
    if (!endsWithin(deadlines, days, now)) continue;
    const ending = deadlines
      .filter((d) => endsWithin([d], days, now))
      .map((d) => `${d.credential} ends ${d.endsAt.slice(0, 10)} (${describeDaysLeft(d)}, ${CREDENTIAL_END_SOURCE_LABELS[d.source]})`)
      .join('; ');
    io.stdout(`${profileLine(p)}\t${terminalSafe(ending)}\n`);
    listed += 1;
  }
  io.stderr(listed === 0 ? `gma: no credential ends within ${days} day${days === 1 ? '' : 's'}\n` : `gma: ${listed} profile${listed === 1 ? ' has a credential' : 's have credentials'} ending within ${days} day${days === 1 ? '' : 's'}\n`);
  return listed === 0 ? 0 : 3;
}
