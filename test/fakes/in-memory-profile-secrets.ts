import type { ProfileSecretField } from '../../shared/domain/secret-field';
import type { ProfileSecrets } from '../../main/ports/profile-secrets';

/** {@link ProfileSecrets} over a Map, for unit tests of services around the keychain. */
export class InMemoryProfileSecrets implements ProfileSecrets {
  private readonly values = new Map<string, string>();

  put(profileId: string, field: ProfileSecretField, value: string): this {
    this.values.set(`${profileId}/${field}`, value);
    return this;
  }

  async storedFields(profileId: string): Promise<readonly ProfileSecretField[]> {
    return [...this.values.keys()].filter((k) => k.startsWith(`${profileId}/`)).map((k) => k.slice(profileId.length + 1) as ProfileSecretField);
  }

  async profileName(profileId: string): Promise<string> {
    return `Profile ${profileId}`;
  }

  async read(profileId: string, field: ProfileSecretField): Promise<string | null> {
    return this.values.get(`${profileId}/${field}`) ?? null;
  }
}
