import type { ProfileSecretField } from '../../shared/domain/secret-field';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretVault } from './secret-vault';

/**
 * {@link ProfileSecrets} over the profile store (which fields are set) and
 * the vault (their values).
 */
export class VaultProfileSecrets implements ProfileSecrets {
  constructor(
    private readonly store: ProfileStore,
    private readonly vault: SecretVault,
  ) {}

  async storedFields(profileId: string): Promise<readonly ProfileSecretField[]> {
    return (await this.store.get(profileId))?.secretFields ?? [];
  }

  async profileName(profileId: string): Promise<string> {
    return (await this.store.get(profileId))?.name ?? '';
  }

  read(profileId: string, field: ProfileSecretField): Promise<string | null> {
    return this.vault.get({ kind: 'profile', profileId }, field);
  }
}
