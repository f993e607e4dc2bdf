import { fieldError } from '../../../shared/wizard/wizard-selectors';
import { fieldRequired } from '../../../shared/wizard/required-fields';
import { TextField } from '../../components/fields';
import type { EditingStepProps } from './step-props';

/** Step: system-assigned or user-assigned managed identity. */
export function ManagedIdentityStep({ state, dispatch }: EditingStepProps) {
  const mi = state.draft.managedIdentity;
  return (
    <div>
      <div className="notice">
        Managed identities work only when the integration runs on an Azure VM (for XSOAR 8: on an engine on an Azure VM). Anywhere else the
        integration cannot reach the Azure instance metadata service and every command fails.
      </div>
      <fieldset className="choice">
        <legend>Which identity?</legend>
        <label>
          <input
            type="radio"
            name="mi-kind"
            value="system-assigned"
            checked={mi.kind === 'system-assigned'}
            onChange={() => dispatch({ type: 'managed-identity-changed', patch: { kind: 'system-assigned' } })}
          />
          System-assigned — the VM’s own identity; leave “Azure Managed Identities Client ID” empty.
        </label>
        <label>
          <input
            type="radio"
            name="mi-kind"
            value="user-assigned"
            checked={mi.kind === 'user-assigned'}
            onChange={() => dispatch({ type: 'managed-identity-changed', patch: { kind: 'user-assigned' } })}
          />
          User-assigned — an identity you created and attached to the VM.
        </label>
      </fieldset>
      {mi.kind === 'user-assigned' && (
        <TextField
          name="managedIdentity.clientId"
          label="Azure Managed Identities Client ID"
          param="managed_identities_client_id"
          value={mi.clientId}
          placeholder="00000000-0000-0000-0000-000000000000"
          hint="Azure Portal → Managed Identities → your identity → Client ID."
          error={fieldError(state, 'managedIdentity.clientId')}
          required={fieldRequired(state, 'managedIdentity.clientId')}
          onChange={(clientId) => dispatch({ type: 'managed-identity-changed', patch: { clientId } })}
        />
      )}
    </div>
  );
}
