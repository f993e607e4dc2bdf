import type { Profile } from '../../shared/domain/profile';
import { fail, ok, type Result } from '../../shared/result';
import { paramsToDraft } from '../../shared/settings/params-to-draft';
import type { InstanceParams } from '../../shared/settings/build-instance-params';
import { nonSecretParams } from '../../shared/xsoar/instance-update';
import type { ProfilesService } from '../services/profiles-service';
import type { XsoarService, XsoarTarget } from './xsoar-service';

/** What a pull made. */
export interface PulledProfile {
  readonly profile: Profile;
  /** Secrets the server never returns (masked): the analyst enters them again. */
  readonly secretsToEnter: true;
}

/**
 * Imports one instance's non-secret settings into a new profile (to repair, re-verify or rotate): the server masks
 * secrets, so none are carried; the method, mailbox, folder, fetch settings, redirect URI, client and tenant IDs
 * that are plain values, and a certificate thumbprint come across. The profile is named after the instance (with
 * " (2)", " (3)" … when taken).
 */
export async function pullInstance(xsoar: XsoarService, profiles: ProfilesService, target: XsoarTarget, instanceName: string, signal?: AbortSignal): Promise<Result<PulledProfile>> {
  const stored = await xsoar.readInstance(target, instanceName, signal);
  if (!stored.ok) return stored;
  const rebuilt = paramsToDraft(nonSecretParams(stored.value) as InstanceParams, stored.value.name, () => true);
  if (!rebuilt.ok) return rebuilt;
  const listing = await profiles.list();
  if (!listing.ok) return listing;
  const taken = new Set(listing.value.profiles.map((p) => p.name.toLowerCase()));
  let name = stored.value.name;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stored.value.name} (${n})`;
  const created = await profiles.create(name, rebuilt.value.draft.method);
  if (!created.ok) return created;
  const saved = await profiles.saveDraft(created.value.id, rebuilt.value.draft, 'review');
  if (!saved.ok) return fail(saved.error);
  return ok({ profile: saved.value, secretsToEnter: true });
}
