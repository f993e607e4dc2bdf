import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '../../../shared/domain/profile';

/** The profiles as the app wrote them to `profiles.json` in `dataDir` (what survives a restart). */
export async function profilesOnDisk(dataDir: string): Promise<Profile[]> {
  return (JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8')) as { profiles: Profile[] }).profiles;
}
