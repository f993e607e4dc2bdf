import type { ProfileDraft } from '../domain/profile-draft';
import type { ExportChoice } from './export-choice';

/**
 * Export formats that cannot carry this draft, each with the reason, so the Export step can grey them out
 * instead of refusing them after Export… (the exporters still refuse them: this only tells the user first).
 */
export function unavailableExportChoices(draft: ProfileDraft): Partial<Record<ExportChoice, string>> {
  if (draft.method === 'managed-identity' && draft.managedIdentity.kind === 'user-assigned') {
    const reason = 'Not for a user-assigned managed identity: its client ID goes into a credential parameter, and Terraform sends plain strings only.';
    return { 'terraform-xsoar': reason, 'terraform-cortex': reason };
  }
  return {};
}
