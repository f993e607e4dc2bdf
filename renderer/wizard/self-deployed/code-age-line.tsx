import { useEffect, useState } from 'react';
import { authCodeAgeOf, authCodeExportWarning, describeAuthCodeAge } from '../../../shared/domain/auth-code-age';

/**
 * The self-deployed authorization code's age, ticking: where it matters
 * (Review, Export) the analyst sees how much of its ~10-minute life is left,
 * and a warning once it is nearly or fully expired.
 */
export function CodeAgeLine({ obtainedAt }: { readonly obtainedAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const age = authCodeAgeOf(obtainedAt, now);
  if (age.kind === 'none') return null;
  const warning = authCodeExportWarning(age);
  return (
    <div className={`code-age ${warning === null ? 'notice' : 'field-error'}`} data-code-age={age.kind} role={warning === null ? undefined : 'alert'}>
      <strong>Authorization code:</strong> {describeAuthCodeAge(age)}.
      {warning !== null && <div data-code-age-warning>{warning.replace(/^creds_auth_code: /, '')}</div>}
    </div>
  );
}
