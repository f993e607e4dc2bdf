import type { ProfileDraft } from '../../../shared/domain/profile-draft';
import { buildInstanceParams, type SecretValues } from '../../../shared/settings/build-instance-params';
import { PROFILE_SECRET_FIELDS } from '../../../shared/domain/secret-field';
import { PARAM_TABLE, paramLabel } from '../../../shared/xsoar/param-table';
import type { ParamValue } from '../../../shared/xsoar/param-types';

/** What the Review step shows instead of a secret value. */
export const KEYCHAIN_PLACEHOLDER = '•••••• (stored in keychain)';

function show(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'true (ticked)' : 'false (not ticked)';
  if (typeof value === 'string') return value;
  return value.identifier === '' ? value.password : `${value.identifier} / ${value.password}`;
}

/** Review: the parameters exactly as XSOAR names them, with the dialog label beside each. */
export function ReviewStep({ draft }: { readonly draft: ProfileDraft }) {
  // Secrets stay in the keychain: the review shows where each one lives.
  const placeholders: SecretValues = Object.fromEntries(PROFILE_SECRET_FIELDS.map((f) => [f, KEYCHAIN_PLACEHOLDER]));
  const params = buildInstanceParams(draft, placeholders);
  const rows = PARAM_TABLE.filter((def) => params[def.name] !== undefined);
  return (
    <div>
      <p>
        These are the settings of instance <strong>{draft.mailbox.instanceName.trim()}</strong>. Parameters not listed stay empty: setting another
        method’s fields can make the integration pick the wrong sign-in.
      </p>
      <table className="review-table">
        <thead>
          <tr>
            <th>Parameter</th>
            <th>Label in XSOAR</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((def) => {
            const value = params[def.name];
            return (
              <tr key={def.name} data-param={def.name}>
                <td>
                  <code>{def.name}</code>
                </td>
                <td>{paramLabel(def)}</td>
                <td className="value">{value === undefined ? '' : show(value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
