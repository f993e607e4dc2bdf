import { AuthMethod } from '../domain/auth-method';
import type { ProfileDraft } from '../domain/profile-draft';
import type { ProfileSecretField } from '../domain/secret-field';
import type { ParamsMode } from './export-mode';
import { secretSlotOfParam } from './secret-fields';
import { fieldOfSecretKind } from './secret-field-kinds';

/** The export mode a draft expresses, or `null` before a method is chosen. */
export function paramsModeOfDraft(draft: ProfileDraft): ParamsMode | null {
  switch (draft.method) {
    case AuthMethod.XsoarApp:
      return { method: 'xsoar-app' };
    case AuthMethod.SelfDeployed:
      return { method: 'self-deployed', credential: draft.selfDeployed.credentialKind };
    case AuthMethod.ManagedIdentity:
      return { method: 'managed-identity', identity: draft.managedIdentity.kind };
    case null:
      return null;
  }
}

/**
 * The keychain field behind a parameter's password box for the draft's
 * method, or `undefined` when that value is not a secret here (the tenant
 * ID in "Token or Tenant ID" is not; the oproxy Token is). The export's own
 * table of secret slots decides; this only maps its answer to a keychain field.
 */
export function secretFieldOfParam(draft: ProfileDraft, param: string): ProfileSecretField | undefined {
  const mode = paramsModeOfDraft(draft);
  const slot = mode === null ? undefined : secretSlotOfParam(mode, param);
  return slot === undefined ? undefined : fieldOfSecretKind(slot.kind);
}
