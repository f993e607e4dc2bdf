import { useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { CREDENTIAL_END_SOURCE_LABELS, CREDENTIAL_LABELS } from '../../shared/domain/credential-end';
import { deadlinesOf, describeDaysLeft, EXPIRY_CRITICAL_DAYS, EXPIRY_WARNING_DAYS, type CredentialDeadline } from '../../shared/lifecycle/credential-expiry';

/** Why a deadline is flagged, in words (the colour is never the only signal). */
function flag(d: CredentialDeadline): string {
  switch (d.level) {
    case 'expired':
      return 'Expired: ';
    case 'critical':
      return `Within ${EXPIRY_CRITICAL_DAYS} days: `;
    case 'warning':
      return `Within ${EXPIRY_WARNING_DAYS} days: `;
    case 'ok':
      return '';
  }
}

/** One credential's end: label, days left and the date, flagged at 30 and 7 days and once past. */
export function DeadlineLine({ deadline, withSource = false }: { readonly deadline: CredentialDeadline; readonly withSource?: boolean }) {
  return (
    <span className={`credential-expiry expiry-${deadline.level}`} data-expiry-level={deadline.level} data-credential={deadline.credential}>
      {flag(deadline)}
      {CREDENTIAL_LABELS[deadline.credential]} {describeDaysLeft(deadline)} ({deadline.endsAt.slice(0, 10)}
      {withSource ? `, ${CREDENTIAL_END_SOURCE_LABELS[deadline.source]}` : ''})
    </span>
  );
}

/** The profile's credentials and their ends, as the list row shows them (computed when the row is drawn). */
export function CredentialExpiry({ profile, withSource = false }: { readonly profile: Profile; readonly withSource?: boolean }) {
  const [now] = useState(() => Date.now());
  const deadlines = deadlinesOf(profile, now);
  if (deadlines.length === 0) return null;
  return (
    <span className="profile-meta credential-expiries" data-credential-expiries>
      {deadlines.map((d, i) => (
        <span key={d.credential}>
          {i > 0 && ' · '}
          <DeadlineLine deadline={d} withSource={withSource} />
        </span>
      ))}
    </span>
  );
}
