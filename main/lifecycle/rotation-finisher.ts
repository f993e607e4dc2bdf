import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Profile } from '../../shared/domain/profile';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { currentRecordOf } from '../../shared/lifecycle/credential-expiry';
import { rotationSlotId, xsoarMayHoldNew, type RotatedCredential, type RotationJournal } from '../../shared/lifecycle/rotation-journal';
import { fail, ok, type Result } from '../../shared/result';
import type { SecretVault } from '../secrets/secret-vault';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';
import type { RotationEntraSteps } from './rotation-entra-steps';
import type { RotationJournalStore } from './rotation-journal-store';
import type { RotationHooks } from './rotation-types';
import { currentCredentialParam, putInstanceCredential } from './rotation-xsoar-steps';

/** The profile's keychain field a rotated credential lives in. */
export function fieldOf(credential: RotatedCredential): ProfileSecretField {
  return credential === 'client-secret' ? SecretField.SelfDeployedClientSecret : SecretField.SelfDeployedPrivateKey;
}

/** The keychain scope where a rotation's new credential waits until the point of no return. */
export function slotOf(rotationId: string): { readonly kind: 'profile'; readonly profileId: string } {
  return { kind: 'profile', profileId: rotationSlotId(rotationId) };
}

/** What ending a rotation needs. */
export interface RotationFinisherDeps {
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  readonly vault: SecretVault;
  readonly journal: RotationJournalStore;
  readonly xsoar: XsoarService;
  readonly hooks: RotationHooks;
}

/**
 * Ends a rotation, from its journal, either way: undone (before its test passed) or finished (after). Both are
 * written to be repeated — every step finds out whether it was already done — because a crash can cut either short
 * and the next start runs it again from the same journal. The journal goes last, once nothing is left to do.
 */
export class RotationFinisher {
  constructor(private readonly deps: RotationFinisherDeps) {}

  /** Undoes a rotation that did not pass its test: the instance's old value back, then the new credential removed. */
  async rollBack(journal: RotationJournal, target: XsoarTarget, entra: RotationEntraSteps, signal: AbortSignal): Promise<Result<void>> {
    const profile = await this.deps.profiles.get(journal.profileId);
    if (!profile.ok) return profile;
    if (xsoarMayHoldNew(journal.phase)) {
      const current = await this.deps.vault.get({ kind: 'profile', profileId: journal.profileId }, fieldOf(journal.credential));
      if (current === null) return fail(appError(ErrorCode.SecretMissing, 'The current credential is no longer in the keychain, so the instance cannot be given it back.'));
      const param = currentCredentialParam(journal.credential, current, profile.value.draft.selfDeployed.certificate?.sha1Thumbprint ?? '');
      const restored = await putInstanceCredential(this.deps.xsoar, target, journal.instanceName, param, signal);
      if (!restored.ok) return restored;
      await this.deps.hooks.acted?.('xsoar-restored');
    }
    const removed = await entra.removeNew(journal, clientIdOf(profile.value));
    if (!removed.ok) return removed;
    await this.deps.hooks.acted?.('new-removed');
    return this.forget(journal);
  }

  /** Finishes a rotation whose test passed: the profile takes the new value, the old credential is removed. */
  async rollForward(journal: RotationJournal, entra: RotationEntraSteps): Promise<Result<void>> {
    const found = await this.deps.profiles.get(journal.profileId);
    if (!found.ok) return found;
    if (!promoted(found.value, journal)) {
      const done = await this.promote(found.value, journal);
      if (!done.ok) return done;
      await this.deps.hooks.acted?.('promoted');
    }
    const removed = await entra.removeOld(journal, clientIdOf(found.value));
    if (!removed.ok) return removed;
    await this.deps.hooks.acted?.('old-removed');
    return this.forget(journal);
  }

  // The new value becomes the profile's: the secret, the certificate's public facts, and the credential's end date.
  private async promote(profile: Profile, journal: RotationJournal): Promise<Result<void>> {
    const staged = await this.deps.vault.get(slotOf(journal.rotationId), fieldOf(journal.credential));
    if (staged === null) return fail(appError(ErrorCode.RotationIncomplete, 'The new credential is missing from the keychain\'s rotation slot; the rotation cannot be finished. Both credentials stay valid in Entra ID; run the rotation again.'));
    const set = await this.deps.secrets.set(profile.id, fieldOf(journal.credential), staged);
    if (!set.ok) return set;
    if (journal.credential === 'certificate' && journal.newCertificate !== null) {
      const current = await this.deps.profiles.get(profile.id);
      if (!current.ok) return current;
      const saved = await this.deps.profiles.saveDraft(profile.id, { ...current.value.draft, selfDeployed: { ...current.value.draft.selfDeployed, certificate: journal.newCertificate } }, current.value.resumeStep);
      if (!saved.ok) return saved;
    }
    const recorded = await this.deps.profiles.recordCredentialEnd(profile.id, { credential: journal.credential, endsAt: journal.newEndsAt ?? '', source: 'entra', keyId: journal.newKeyId });
    return recorded.ok ? ok(undefined) : recorded;
  }

  private async forget(journal: RotationJournal): Promise<Result<void>> {
    await this.deps.vault.deleteProfile(slotOf(journal.rotationId).profileId).catch(() => 0);
    await this.deps.journal.remove(journal.profileId);
    return ok(undefined);
  }
}

function clientIdOf(profile: Profile): string {
  return profile.draft.selfDeployed.clientId.trim();
}

// True when a crash came after the profile already took the new value.
function promoted(profile: Profile, journal: RotationJournal): boolean {
  return journal.credential === 'certificate'
    ? profile.draft.selfDeployed.certificate?.sha1Thumbprint === journal.newCertificate?.sha1Thumbprint
    : currentRecordOf(profile, 'client-secret')?.keyId === journal.newKeyId;
}
