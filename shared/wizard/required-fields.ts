import type { ProfileDraft } from '../domain/profile-draft';
import { problemsOfStep } from './wizard-selectors';
import type { StepId, WizardState } from './wizard-state';

/** The draft's blocks whose text values the wizard edits, as `block.key` field names use them. */
const BLOCKS = ['managedIdentity', 'xsoarApp', 'selfDeployed', 'mailbox'] as const;

/** `draft` with the text value at `block.key` emptied. */
function blanked(draft: ProfileDraft, block: (typeof BLOCKS)[number], key: string): ProfileDraft {
  return { ...draft, [block]: { ...draft[block], [key]: '' } };
}

/**
 * The fields of `step` that must not be left empty, by the field names problems use (`mailbox.instanceName`,
 * `xsoarApp.token`). Derived from the validation rules themselves, so a field is marked required exactly when
 * leaving it empty would keep the analyst on the step: a text field is required when emptying it makes the step
 * report a problem on that field, and a secret when the step reports it missing once nothing is stored.
 * Conditional fields follow the current choices (the client ID only for a user-assigned identity).
 */
export function requiredFields(step: StepId, state: Pick<WizardState, 'draft' | 'storedSecrets'>): ReadonlySet<string> {
  const required = new Set<string>();
  for (const block of BLOCKS) {
    for (const [key, value] of Object.entries(state.draft[block])) {
      if (typeof value !== 'string') continue;
      const field = `${block}.${key}`;
      if (problemsOfStep(step, { draft: blanked(state.draft, block, key), storedSecrets: state.storedSecrets }).some((p) => p.field === field)) required.add(field);
    }
  }
  // Secrets (and the certificate) live in the keychain, not in a draft text value: "empty" means nothing stored.
  const textFields = new Set(BLOCKS.flatMap((block) => Object.entries(state.draft[block]).flatMap(([key, value]) => (typeof value === 'string' ? [`${block}.${key}`] : []))));
  for (const p of problemsOfStep(step, { draft: state.draft, storedSecrets: [] })) {
    if (!textFields.has(p.field)) required.add(p.field);
  }
  return required;
}

/** Whether `field` is required on the step on screen (see {@link requiredFields}). */
export function fieldRequired(state: Pick<WizardState, 'draft' | 'storedSecrets' | 'screen'>, field: string): boolean {
  return requiredFields(state.screen.step, state).has(field);
}
