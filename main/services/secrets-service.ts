import { createHash, randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { fail, type Result } from '../../shared/result';
import type { Clipboard } from '../ports/clipboard';
import type { Cancel, Clock } from '../ports/clock';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretVault } from '../secrets/secret-vault';
import { expected } from './expected-failure';
import { NO_ROTATIONS, type RotationHolds } from './rotation-holds';
import { checkSecretValue } from '../../shared/validation/secret-value-rules';
import { normalizeSecretValue } from '../../shared/validation/secret-value-normalize';

/** How long a copied secret may stay on the clipboard. */
export const CLIPBOARD_CLEAR_MS = 30_000;

/**
 * The secrets of profiles, for the renderer: set, reveal, copy, delete.
 *
 * There is deliberately no generic "get": a value leaves the main process
 * only when the user clicks Reveal (returned once) or Copy (written to the
 * clipboard here, never sent to the renderer).
 */
export class SecretsService {
  private pendingClear: Cancel | undefined;

  constructor(
    private readonly store: ProfileStore,
    private readonly vault: SecretVault,
    private readonly clipboard: Clipboard,
    private readonly clock: Clock,
    /** Unfinished credential rotations: the credential they rotate cannot be deleted meanwhile. */
    private readonly rotations: RotationHolds = NO_ROTATIONS,
  ) {}

  /** Stores a secret in the keychain, then records that it is set. */
  set(profileId: string, field: ProfileSecretField, value: string): Promise<Result<{ readonly secretFields: readonly ProfileSecretField[] }>> {
    return this.setMany(profileId, [[field, value]]);
  }

  /**
   * Stores several secrets of one profile (a wizard step that collects
   * more than one), then records them with a single profiles-file write.
   * If a keychain write fails, the secrets stored before it stay stored but
   * the file is not changed; storing them again overwrites them.
   */
  async setMany(profileId: string, given: ReadonlyArray<readonly [ProfileSecretField, string]>): Promise<Result<{ readonly secretFields: readonly ProfileSecretField[] }>> {
    const entries = given.map(([field, value]) => [field, normalizeSecretValue(field, value)] as const);
    // Refuse values the integration would reject before anything reaches the keychain.
    const problems = entries.flatMap(([field, value]) => {
      const message = checkSecretValue(field, value);
      return message === null ? [] : [{ field, message }];
    });
    if (problems.length > 0) return fail(appError(ErrorCode.ConfigInvalid, problems.map((p) => p.message).join(' '), { fields: problems }));
    const profile = await this.store.get(profileId);
    if (profile === undefined) return notFound();
    return expected(async () => {
      const stored: ProfileSecretField[] = [];
      try {
        for (const [field, value] of entries) {
          // A field the profile does not list was never stored: no previous value to look up in the keychain.
          await this.vault.set({ kind: 'profile', profileId }, field, value, profile.secretFields.includes(field) ? 'unknown' : 'absent');
          stored.push(field);
        }
      } catch (error) {
        // Record what did reach the keychain, so nothing stored is lost track of.
        if (stored.length > 0) await this.recordStored(profileId, stored);
        throw error;
      }
      return this.recordStored(profileId, stored);
    });
  }

  private recordStored(profileId: string, fields: readonly ProfileSecretField[]): Promise<{ readonly secretFields: readonly ProfileSecretField[] }> {
    const now = this.clock.now().toISOString();
    return this.store.mutate((all) => {
      const p = all.find((x) => x.id === profileId);
      if (p === undefined) return { profiles: all, result: { secretFields: [] } };
      const secretFields = [...p.secretFields, ...new Set(fields.filter((f) => !p.secretFields.includes(f)))];
      // A new version id per write: a passed check that used the old value is then stale.
      const secretVersions = { ...p.secretVersions, ...Object.fromEntries(fields.map((f) => [f, randomUUID()])) };
      return { profiles: all.map((x) => (x.id === profileId ? { ...x, secretFields, secretVersions, updatedAt: now } : x)), result: { secretFields } };
    });
  }

  /** The value, for an explicit Reveal. */
  async reveal(profileId: string, field: ProfileSecretField): Promise<Result<{ readonly value: string }>> {
    if ((await this.store.get(profileId)) === undefined) return notFound();
    return expected(async () => ({ value: await this.vault.require({ kind: 'profile', profileId }, field) }));
  }

  /**
   * Puts the value on the clipboard and clears it after
   * {@link CLIPBOARD_CLEAR_MS}, unless the user copied something else since.
   * Only a hash of the value is kept for that check.
   */
  async copy(profileId: string, field: ProfileSecretField): Promise<Result<{ readonly clearsAfterSeconds: number }>> {
    if ((await this.store.get(profileId)) === undefined) return notFound();
    return expected(async () => {
      const value = await this.vault.require({ kind: 'profile', profileId }, field);
      const digest = hash(value);
      this.pendingClear?.();
      await this.clipboard.writeText(value);
      this.pendingClear = this.clock.schedule(CLIPBOARD_CLEAR_MS, () => {
        this.pendingClear = undefined;
        void this.clearIfUnchanged(digest);
      });
      return { clearsAfterSeconds: CLIPBOARD_CLEAR_MS / 1000 };
    });
  }

  // Clears the clipboard only if it still holds the copied secret: whatever
  // the user copied since is theirs. Failures here have no one to report to.
  private async clearIfUnchanged(digest: string): Promise<void> {
    try {
      if (hash(await this.clipboard.readText()) === digest) await this.clipboard.writeText('');
    } catch {
      // The clipboard is gone (app quitting); nothing to clear.
    }
  }

  /**
   * Records that a secret is gone, then deletes it from the keychain. The
   * file write is the commit point: a crash after it leaves an item of a
   * profile the app shows (overwritten by the next value, removed with the
   * profile), never a profile that claims a secret the keychain lost. The
   * keychain is checked first, so a locked one changes nothing. The client
   * secret and the certificate's private key cannot be deleted while a
   * rotation of them runs or is unfinished (undoing it gives that value back
   * to the XSOAR instance).
   */
  async delete(profileId: string, field: ProfileSecretField): Promise<Result<{ readonly secretFields: readonly ProfileSecretField[] }>> {
    if ((await this.store.get(profileId)) === undefined) return notFound();
    const rotated = field === SecretField.SelfDeployedClientSecret || field === SecretField.SelfDeployedPrivateKey;
    return rotated ? this.rotations.whileNotRotating(profileId, () => this.deleteNow(profileId, field)) : this.deleteNow(profileId, field);
  }

  private deleteNow(profileId: string, field: ProfileSecretField): Promise<Result<{ readonly secretFields: readonly ProfileSecretField[] }>> {
    return expected(async () => {
      await this.vault.assertWritable();
      const now = this.clock.now().toISOString();
      const recorded = await this.store.mutate((all) => {
        const p = all.find((x) => x.id === profileId);
        if (p === undefined) return { profiles: all, result: { secretFields: [] } };
        const secretFields = p.secretFields.filter((f) => f !== field);
        const secretVersions = Object.fromEntries(Object.entries(p.secretVersions).filter(([f]) => f !== field));
        return { profiles: all.map((x) => (x.id === profileId ? { ...x, secretFields, secretVersions, updatedAt: now } : x)), result: { secretFields } };
      });
      await this.vault.delete({ kind: 'profile', profileId }, field);
      return recorded;
    });
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function notFound(): Result<never> {
  return fail(appError(ErrorCode.ProfileNotFound, 'This profile no longer exists; it may have been deleted in another window.'));
}
