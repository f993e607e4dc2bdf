import type { FieldProblem } from '../errors/app-error';
import { AuthMethod } from '../domain/auth-method';
import type { ProfileDraft } from '../domain/profile-draft';
import type { SecretField } from '../domain/secret-field';
import { validateXsoarApp } from './validate-xsoar-app';
import { validateSelfDeployed } from './validate-self-deployed';
import {
  checkEmailAddress,
  checkFirstFetch,
  checkFolderPath,
  checkGuid,
  checkInstanceName,
  checkPositiveInteger,
} from './field-rules';

function collect(entries: ReadonlyArray<readonly [string, string | null]>): FieldProblem[] {
  return entries.flatMap(([field, message]) => (message === null ? [] : [{ field, message }]));
}

/** Problems of the method choice. */
export function validateMethod(draft: ProfileDraft): FieldProblem[] {
  return draft.method === null ? [{ field: 'method', message: 'Choose how the integration signs in.' }] : [];
}

/** Problems of the managed-identity block. */
export function validateManagedIdentity(draft: ProfileDraft): FieldProblem[] {
  const mi = draft.managedIdentity;
  if (mi.kind === 'system-assigned') return [];
  return collect([['managedIdentity.clientId', checkGuid(mi.clientId, 'client ID of the user-assigned managed identity')]]);
}

/** Problems of the mailbox and fetch settings. */
export function validateMailbox(draft: ProfileDraft): FieldProblem[] {
  const m = draft.mailbox;
  return collect([
    ['mailbox.instanceName', checkInstanceName(m.instanceName)],
    ['mailbox.mailboxToFetch', checkEmailAddress(m.mailboxToFetch)],
    ['mailbox.folderToFetch', checkFolderPath(m.folderToFetch)],
    ['mailbox.firstFetch', checkFirstFetch(m.firstFetch)],
    ['mailbox.fetchLimit', checkPositiveInteger(m.fetchLimit, 'maximum number of e-mails per fetch')],
    ['mailbox.incidentFetchInterval', checkPositiveInteger(m.incidentFetchInterval, 'fetch interval in minutes')],
  ]);
}

/**
 * Problems of the block that belongs to the chosen method. `storedSecrets`
 * names the secrets the keychain holds for the profile.
 */
export function validateMethodBlock(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  switch (draft.method) {
    case null:
      return validateMethod(draft);
    case AuthMethod.ManagedIdentity:
      return validateManagedIdentity(draft);
    case AuthMethod.XsoarApp:
      return validateXsoarApp(draft, storedSecrets);
    case AuthMethod.SelfDeployed:
      return validateSelfDeployed(draft, storedSecrets);
  }
}

/** Every problem that stops the draft from being exported. */
export function validateForExport(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  return [...validateMethodBlock(draft, storedSecrets), ...validateMailbox(draft)];
}
