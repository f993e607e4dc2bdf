import type { ProfileSecretField } from '../../shared/domain/secret-field';

/**
 * Read access to a profile's secrets for exports. The keychain vault
 * implements it; exports are the one place secret values leave the
 * keychain, and only because the user asked.
 */
export interface ProfileSecrets {
  /** Which of the profile's secret fields hold a value. */
  storedFields(profileId: string): Promise<readonly ProfileSecretField[]>;
  /** The profile's display name (for placeholders that say where a secret lives), or `''`. */
  profileName(profileId: string): Promise<string>;
  /** One secret's value, or `null` when it is not stored. */
  read(profileId: string, field: ProfileSecretField): Promise<string | null>;
}
