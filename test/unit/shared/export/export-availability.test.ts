import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import { unavailableExportChoices } from '../../../../shared/export/export-availability';

describe('unavailableExportChoices', () => {
  it('greys out both Terraform formats for a user-assigned managed identity, and only then', () => {
    const userAssigned = { ...emptyDraft(), method: 'managed-identity', managedIdentity: { kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } } as const;
    expect(Object.keys(unavailableExportChoices(userAssigned)).sort()).toEqual(['terraform-cortex', 'terraform-xsoar']);
    expect(unavailableExportChoices({ ...userAssigned, managedIdentity: { kind: 'system-assigned', clientId: '' } })).toEqual({});
    expect(unavailableExportChoices({ ...emptyDraft(), method: 'xsoar-app' })).toEqual({});
  });
});
