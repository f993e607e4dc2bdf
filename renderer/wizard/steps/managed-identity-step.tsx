import type { ManagedIdentityKind } from '../../../shared/domain/profile-draft';
import { TextField } from '../../components/fields';
import type { EditingStepProps } from './step-props';
import { wizardFieldProps } from './wizard-field-props';

/** The two kinds of managed identity, as the step explains them. */
const KINDS: readonly (readonly [ManagedIdentityKind, string])[] = [
  ['system-assigned', 'System-assigned — the VM’s own identity; leave “Azure Managed Identities Client ID” empty.'],
  ['user-assigned', 'User-assigned — an identity you created and attached to the VM.'],
];

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
        {KINDS.map(([kind, text]) => (
          <label key={kind}>
            <input type="radio" name="mi-kind" value={kind} checked={mi.kind === kind} onChange={() => dispatch({ type: 'managed-identity-changed', patch: { kind } })} />
            {text}
          </label>
        ))}
      </fieldset>
      {mi.kind === 'user-assigned' && (
        <TextField
          {...wizardFieldProps(state, 'managedIdentity.clientId')}
          label="Azure Managed Identities Client ID"
          param="managed_identities_client_id"
          value={mi.clientId}
          placeholder="00000000-0000-0000-0000-000000000000"
          hint="Azure Portal → Managed Identities → your identity → Client ID."
          onChange={(clientId) => dispatch({ type: 'managed-identity-changed', patch: { clientId } })}
        />
      )}
    </div>
  );
}
