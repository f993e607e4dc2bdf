import { useEffect, useState } from 'react';
import { CREDENTIAL_LABELS } from '../../shared/domain/credential-end';
import { describeDaysLeft, expiringProfiles, type ExpiringProfile } from '../../shared/lifecycle/credential-expiry';
import { api } from '../ipc/api-client';

/**
 * The banner at start when a profile's client secret or certificate ends within 30 days or has ended: read once when
 * the app opens (the check is cheap and the dates change slowly), dismissible, with a way to the Profiles screen.
 */
export function ExpiryBanner({ onShowProfiles }: { readonly onShowProfiles: () => void }) {
  const [expiring, setExpiring] = useState<readonly ExpiringProfile[]>([]);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.profiles.list({}).then((r) => {
      if (live && r.ok) setExpiring(expiringProfiles(r.value.profiles, Date.now()));
    });
    return () => {
      live = false;
    };
  }, []);
  if (dismissed || expiring.length === 0) return null;
  const past = expiring.filter((e) => e.level === 'expired').length;
  return (
    <div className={`expiry-banner expiry-${expiring[0]?.level ?? 'warning'}`} role="alert" data-expiry-banner>
      <strong>
        {past > 0 ? `${past} profile${past === 1 ? ' has' : 's have'} a credential past its end` : 'Credentials end soon'}
        {past > 0 && expiring.length > past ? `, ${expiring.length - past} more end${expiring.length - past === 1 ? 's' : ''} soon` : ''}.
      </strong>{' '}
      The XSOAR instance stops fetching mail when its client secret or certificate ends.
      <ul>
        {expiring.map((e) => (
          <li key={e.id} data-expiring-profile={e.name} data-expiry-level={e.level}>
            {e.name}: {CREDENTIAL_LABELS[e.first.credential]} {describeDaysLeft(e.first)} ({e.first.endsAt.slice(0, 10)})
          </li>
        ))}
      </ul>
      <button type="button" name="expiry-show-profiles" onClick={() => { setDismissed(true); onShowProfiles(); }}>
        Show profiles
      </button>{' '}
      <button type="button" name="expiry-dismiss" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
