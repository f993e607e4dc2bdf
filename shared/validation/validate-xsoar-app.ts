import type { FieldProblem } from '../errors/app-error';
import type { ProfileDraft } from '../domain/profile-draft';
import { SecretField } from '../domain/secret-field';
import { checkOproxyId } from '../oproxy/oproxy-rules';

/**
 * Problems of the Cortex XSOAR application block: a valid ID and both
 * secrets stored in the keychain (their format was checked before storing).
 */
export function validateXsoarApp(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const id = checkOproxyId(draft.xsoarApp.id);
  if (id.error !== null) problems.push({ field: 'xsoarApp.id', message: id.error });
  if (!storedSecrets.includes(SecretField.XsoarAppToken)) problems.push({ field: 'xsoarApp.token', message: 'Enter the Token from the consent page.' });
  if (!storedSecrets.includes(SecretField.XsoarAppKey)) problems.push({ field: 'xsoarApp.key', message: 'Key must be provided. Enter the Key from the consent page.' });
  return problems;
}
