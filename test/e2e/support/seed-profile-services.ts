import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { SystemClock } from '../../../main/adapters/system-clock';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { SecretVault } from '../../../main/secrets/secret-vault';
import { ProfilesService } from '../../../main/services/profiles-service';
import { SecretsService } from '../../../main/services/secrets-service';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import type { SeedContext } from './app-under-test';

/** The services a seed writes profiles and their secrets with. */
export interface SeedProfileServices {
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
}

/**
 * The real profile and secret services over a seed's data folder and keychain (real file system and clock), so a
 * seeded profile is saved exactly as the app saves one.
 */
export function seedProfileServices({ dataDir, secretStore }: SeedContext): SeedProfileServices {
  const clock = new SystemClock();
  const store = new ProfileStore(new NodeFileSystem(), dataDir, clock);
  const vault = new SecretVault(secretStore);
  return { profiles: new ProfilesService(store, vault, clock), secrets: new SecretsService(store, vault, new RecordingClipboard(), clock) };
}
