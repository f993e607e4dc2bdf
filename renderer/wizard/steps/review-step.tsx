import { useState } from 'react';
import type { ProfileDraft } from '../../../shared/domain/profile-draft';
import { PROFILE_SECRET_FIELDS, type ProfileSecretField } from '../../../shared/domain/secret-field';
import { secretFieldOfParam } from '../../../shared/export/secret-param-fields';
import { buildInstanceParams, type SecretValues } from '../../../shared/settings/build-instance-params';
import { PARAM_TABLE, paramLabel } from '../../../shared/xsoar/param-table';
import type { ParamValue } from '../../../shared/xsoar/param-types';
import type { CheckStanding } from '../../../shared/domain/verified-check';
import { VerifiedChecksSummary } from '../self-deployed/check-standing-view';
import { CodeAgeLine } from '../self-deployed/code-age-line';
import { useRovingFocus } from '../../components/use-roving-focus';

/** What the Review step shows instead of a secret value. */
export const KEYCHAIN_PLACEHOLDER = '•••••• (stored in keychain)';

/** Copy actions; both resolve with a short status for the row. */
export interface ReviewCopy {
  readonly copyText: (text: string) => Promise<string>;
  readonly copySecret: (field: ProfileSecretField) => Promise<string>;
}

function show(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'true (ticked)' : 'false (not ticked)';
  if (typeof value === 'string') return value;
  return value.identifier === '' ? value.password : `${value.identifier} / ${value.password}`;
}

/** The plain text a Copy button puts on the clipboard for a non-secret value. */
function copyable(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return value.identifier === '' ? value.password : value.identifier;
}

/** How long "Copied" stays beside a Copy button. */
const COPIED_FEEDBACK_MS = 4000;

/**
 * Review: the parameters exactly as XSOAR names them, with the dialog label
 * beside each and a Copy button. Secrets are copied by the main process
 * (and cleared from the clipboard after 30 s); they never enter this page.
 */
export function ReviewStep({ draft, copy, standings = [] }: { readonly draft: ProfileDraft; readonly copy: ReviewCopy; readonly standings?: readonly CheckStanding[] }) {
  const [copied, setCopied] = useState<{ readonly param: string; readonly status: string } | null>(null);
  const placeholders: SecretValues = Object.fromEntries(PROFILE_SECRET_FIELDS.map((f) => [f, KEYCHAIN_PLACEHOLDER]));
  const params = buildInstanceParams(draft, placeholders);
  const rows = PARAM_TABLE.flatMap((def) => {
    const value = params[def.name];
    return value === undefined ? [] : [{ def, value }];
  });
  // The Copy buttons are one Tab stop; the arrow keys move between them.
  const roving = useRovingFocus(rows.length);
  const onCopy = async (param: string, value: ParamValue): Promise<void> => {
    const field = secretFieldOfParam(draft, param);
    const status = field === undefined ? await copy.copyText(copyable(value)) : await copy.copySecret(field);
    setCopied({ param, status });
    setTimeout(() => setCopied((now) => (now?.param === param ? null : now)), COPIED_FEEDBACK_MS);
  };
  return (
    <div>
      <p>
        These are the settings of instance <strong>{draft.mailbox.instanceName.trim()}</strong>. Parameters not listed stay empty: setting another
        method’s fields can make the integration pick the wrong sign-in.
      </p>
      <p className="hint" id="review-copy-keys">
        In the table, Tab reaches one Copy button; the arrow keys (and Home, End) move between them.
      </p>
      <table className="review-table" aria-describedby="review-copy-keys">
        <thead>
          <tr>
            <th>Parameter</th>
            <th>Label in XSOAR</th>
            <th>Value</th>
            <th>
              <span className="visually-hidden">Copy</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ def, value }, i) => {
            return (
              <tr key={def.name} data-param={def.name}>
                <td>
                  <code>{def.name}</code>
                </td>
                <td>{paramLabel(def)}</td>
                <td className="value">{show(value)}</td>
                <td className="copy-cell">
                  <button type="button" name={`copy-${def.name}`} className="small" aria-label={`Copy ${paramLabel(def)}`} {...roving(i)} onClick={() => void onCopy(def.name, value)}>
                    Copy
                  </button>
                  {copied?.param === def.name && (
                    <span className="hint" data-copied={def.name}>
                      {copied.status}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {draft.method === 'self-deployed' && (
        <>
          <CodeAgeLine obtainedAt={draft.selfDeployed.authCodeObtainedAt} />
          <VerifiedChecksSummary standings={standings} />
        </>
      )}
    </div>
  );
}
