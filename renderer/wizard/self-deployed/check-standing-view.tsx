import type { CheckStanding } from '../../../shared/domain/verified-check';
import { VERIFIED_CHECK_LABELS } from '../../../shared/domain/verified-check';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM` in local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * What the profile remembers about one check: passed (when), or passed for
 * values that changed since (stale, with what changed).
 */
export function CheckStandingView({ standing }: { readonly standing: CheckStanding }) {
  const when = localTime(standing.check.passedAt);
  return standing.stale ? (
    <div className="check-standing stale" data-check-standing={standing.kind} data-stale="true">
      ⚠ {VERIFIED_CHECK_LABELS[standing.kind]} passed on {when} for earlier values. {standing.reason} Run it again.
    </div>
  ) : (
    <div className="check-standing" data-check-standing={standing.kind} data-stale="false">
      ✓ {VERIFIED_CHECK_LABELS[standing.kind]} passed on {when}.
    </div>
  );
}

/** Review's list of the checks that passed, stale ones marked. */
export function VerifiedChecksSummary({ standings }: { readonly standings: readonly CheckStanding[] }) {
  return (
    <section className="verified-checks" data-verified-checks>
      <h3>Verified checks</h3>
      {standings.length === 0 ? (
        <p className="hint" data-no-verified-checks>
          No check passed yet for this configuration. The Verify step can prove the credential, the admin consent and the sign-in before XSOAR tries.
        </p>
      ) : (
        <ul>
          {standings.map((s) => (
            <li key={s.kind} data-verified-check={s.kind} data-stale={String(s.stale)}>
              <CheckStandingView standing={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
