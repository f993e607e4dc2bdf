import { randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import { recoveryOf, rotationMarker, type RotationJournal } from '../../shared/lifecycle/rotation-journal';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import type { SecretVault } from '../secrets/secret-vault';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';
import type { RegistrationGraph } from '../entra/registration-graph';
import { RotationEntraSteps } from './rotation-entra-steps';
import { RotationFinisher } from './rotation-finisher';
import { RotationClaimedError, ROTATIONS_DIR, type RotationJournalStore } from './rotation-journal-store';
import { checkRotationRequest, oldCredentialOf } from './rotation-preflight';
import { RotationRun, RotationStop } from './rotation-run';
import type { AdminTokenSource, RecoveryReport, RotationHooks, RotationProgress, RotationRequest, RotationResult } from './rotation-types';

/** What the service needs (ports and sibling services; no Electron). */
export interface RotationDeps {
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  /** Reads the current secret; its `rotation-<id>` scope holds the new value until the point of no return. */
  readonly vault: SecretVault;
  readonly journal: RotationJournalStore;
  readonly xsoar: XsoarService;
  readonly connections: { target(nameOrId: string): Promise<Result<XsoarTarget>> };
  readonly graphFor: (accessToken: string, signal: AbortSignal) => RegistrationGraph;
  readonly adminToken: AdminTokenSource;
  readonly now?: () => number;
  readonly hooks?: RotationHooks;
  /**
   * Waits between tests while Entra ID replicates the new credential (a new secret or key can be refused for a
   * while right after it was added: AADSTS7000215 / 700027). Default: the replication backoff (2-4-8-16-32 s).
   */
  readonly replicationWaitsMs?: readonly number[];
}

/**
 * Rotates a self-deployed profile's client secret or certificate across Entra ID and XSOAR, in the only safe order:
 * create the new credential in Entra ID → keep it in the keychain (a rotation slot) → give it to the XSOAR instance
 * (only that parameter changes; the refresh token the integration holds in its context is not touched) → run
 * `!msgraph-mail-test` → only then make it the profile's value and remove the old credential from Entra ID.
 *
 * Each phase is journaled (atomically, in the data folder, no secret) before it starts ({@link RotationRun}). A
 * failure before the test passed rolls back: the instance gets the old value again, the new credential is removed,
 * the old one was never touched. After a crash, {@link RotationService.recover} does the same from the journal (or
 * finishes a rotation whose test had passed), so there are never two valid credentials the app does not know about,
 * and never none. Whoever acts on a profile's rotation holds its claim, so the app and `gma` never run one rotation
 * twice, nor undo one that is alive in the other.
 */
export class RotationService {
  private readonly finisher: RotationFinisher;
  private readonly now: () => number;
  private readonly hooks: RotationHooks;

  constructor(private readonly deps: RotationDeps) {
    this.now = deps.now ?? Date.now;
    this.hooks = deps.hooks ?? {};
    this.finisher = new RotationFinisher({ ...deps, hooks: this.hooks });
  }

  /** Rotates one profile's credential; `progress` gets every step. */
  async rotate(request: RotationRequest, progress: (p: RotationProgress) => void = () => undefined, cancel?: AbortSignal): Promise<Result<RotationResult>> {
    try {
      return await this.deps.journal.whileClaimed(request.profileId, () => this.rotateClaimed(request, progress, cancel ?? new AbortController().signal));
    } catch (error) {
      if (error instanceof RotationClaimedError) return fail(appError(ErrorCode.RotationRefused, 'Another rotation of this profile is running right now (in the app or in gma); wait for it to end.', { retryable: true }));
      throw error;
    }
  }

  private async rotateClaimed(request: RotationRequest, progress: (p: RotationProgress) => void, signal: AbortSignal): Promise<Result<RotationResult>> {
    const pending = await this.deps.journal.read(request.profileId);
    if (pending !== null || (await this.deps.journal.exists(request.profileId))) {
      const since = pending === null ? '' : ` (started ${pending.startedAt})`;
      return fail(appError(ErrorCode.RotationRefused, `An earlier rotation of this profile${since} is unfinished; it is resumed or rolled back first. Restart the app or run "gma rotate --recover", then rotate again.`));
    }
    const checked = await checkRotationRequest(request, this.deps.profiles, this.deps.connections);
    if (!checked.ok) return checked;
    const { profile, target, credential } = checked.value;
    const sd = profile.draft.selfDeployed;

    progress({ step: 'sign-in', state: 'running', detail: 'Getting the administrator\'s Microsoft Graph token.' });
    const session = await this.deps.adminToken.token(sd.resolvedTenantId || sd.tenant.trim(), signal);
    if (!session.ok) {
      progress({ step: 'sign-in', state: 'failed', detail: session.error.message });
      return session;
    }
    progress({ step: 'sign-in', state: 'done', detail: `Signed in as ${session.value.username}.` });
    // Undoing and finishing must not be cut short by a cancel: they get a signal of their own.
    const entraFor = (s: AbortSignal): RotationEntraSteps => new RotationEntraSteps(this.deps.graphFor(session.value.accessToken, s));
    const entra = entraFor(signal);
    const app = await entra.application(sd.clientId.trim());
    if (!app.ok) return app;
    const old = oldCredentialOf(profile, credential, app.value);
    if (!old.ok) return old;

    const rotationId = randomUUID();
    const run = new RotationRun({ ...this.deps, hooks: this.hooks, now: this.now }, { request, profile, target, app: app.value, entra, progress, signal }, {
      version: 1, rotationId, profileId: profile.id, credential, phase: 'creating', startedAt: new Date(this.now()).toISOString(),
      appObjectId: app.value.id, tenantId: session.value.tenantId, connectionId: target.connection.id, instanceName: profile.draft.mailbox.instanceName.trim(),
      playgroundId: request.playgroundId ?? target.connection.playgroundId, oldKeyId: old.value.keyId, oldThumbprint: old.value.thumbprint,
      newMarker: rotationMarker(rotationId), newKeyId: null, newEndsAt: null, newCertificate: null,
    });
    try {
      await run.untilTested();
    } catch (error) {
      const why = error instanceof RotationStop ? error.error : appError(ErrorCode.Internal, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      progress({ step: 'roll-back', state: 'running', detail: 'Undoing: the old credential stays in use.' });
      const undoSignal = new AbortController().signal;
      const undone = await this.finisher.rollBack(run.journal, target, entraFor(undoSignal), undoSignal);
      if (!undone.ok) {
        progress({ step: 'roll-back', state: 'failed', detail: undone.error.message });
        return fail(appError(ErrorCode.RotationIncomplete, `${why.message} Undoing it did not finish (${undone.error.message}); both credentials stay valid and the next start (or "gma rotate --recover") finishes the undo.`));
      }
      progress({ step: 'roll-back', state: 'done', detail: 'The old credential is still in use and the instance has its previous value.' });
      return fail(appError(why.code === ErrorCode.Cancelled ? ErrorCode.Cancelled : ErrorCode.RotationRolledBack, `${why.message} The rotation was undone: the old credential is unchanged and the instance has its previous value.`));
    }

    // 5. Point of no return: the new value is the profile's, then the old credential goes.
    await run.commit();
    const journal = run.journal;
    progress({ step: 'remove-old', state: 'running', detail: 'Removing the old credential from Entra ID.' });
    const finished = await this.finisher.rollForward(journal, entraFor(new AbortController().signal));
    if (!finished.ok) {
      progress({ step: 'remove-old', state: 'failed', detail: finished.error.message });
      return finished;
    }
    progress({ step: 'remove-old', state: 'done', detail: journal.oldKeyId || journal.oldThumbprint ? 'The old credential was removed.' : 'There was no old credential to remove.' });
    return ok({ credential, instanceName: journal.instanceName, newEndsAt: journal.newEndsAt ?? '', newKeyId: journal.newKeyId, removedKeyId: journal.oldKeyId, removedThumbprint: journal.oldThumbprint });
  }

  /**
   * Finishes or undoes every rotation a crash left behind, each on its own: before the test passed, undone (the
   * instance gets the old value, the new credential is removed); after, finished. One that cannot be acted on now
   * (no token, XSOAR unreachable) or without the user (its profile is gone, an unreadable file) stays as it is,
   * with both credentials valid and the journal naming them, and does not hold up the others; one that another
   * process is running is left to it.
   */
  async recover(cancel?: AbortSignal): Promise<Result<readonly RecoveryReport[]>> {
    const signal = cancel ?? new AbortController().signal;
    const reports: RecoveryReport[] = [];
    const { journals, unreadable } = await this.deps.journal.scan();
    for (const journal of journals) {
      const report = await this.recoverOne(journal, signal);
      if (report !== null) reports.push(report);
    }
    for (const name of unreadable) {
      reports.push({ profileId: name.slice(0, -'.json'.length), outcome: 'needs-attention', reason: `${ROTATIONS_DIR}/${name} is not a rotation journal this version can act on (edited by hand, or from a newer version); it was left as it is.` });
    }
    return ok(reports);
  }

  /**
   * The unfinished rotations (the app lists what its start could not recover), and the journal files this version
   * cannot act on (hand-edited, or from a newer version).
   */
  pending(): Promise<{ readonly journals: readonly RotationJournal[]; readonly unreadable: readonly string[] }> {
    return this.deps.journal.scan();
  }

  // One journal, under its profile's claim; null when its own process finished it meanwhile.
  private async recoverOne(listed: RotationJournal, signal: AbortSignal): Promise<RecoveryReport | null> {
    const profileId = listed.profileId;
    try {
      return await this.deps.journal.whileClaimed(profileId, async (): Promise<RecoveryReport | null> => {
        const journal = await this.deps.journal.read(profileId);
        if (journal === null || journal.rotationId !== listed.rotationId) return null;
        const postponed = (reason: string): RecoveryReport => ({ profileId, outcome: 'postponed', reason });
        const profile = await this.deps.profiles.get(profileId);
        if (!profile.ok) {
          if (profile.error.code !== ErrorCode.ProfileNotFound) return postponed(profile.error.message);
          return { profileId, outcome: 'needs-attention', reason: orphanAdvice(journal) };
        }
        const session = await this.deps.adminToken.token(journal.tenantId, signal);
        if (!session.ok) return postponed(session.error.message);
        const entra = new RotationEntraSteps(this.deps.graphFor(session.value.accessToken, signal));
        if (recoveryOf(journal) === 'roll-forward') {
          const done = await this.finisher.rollForward(journal, entra);
          return done.ok ? { profileId, outcome: 'finished' } : postponed(done.error.message);
        }
        const target = await this.deps.connections.target(journal.connectionId);
        if (!target.ok) return postponed(target.error.message);
        const undone = await this.finisher.rollBack(journal, target.value, entra, signal);
        return undone.ok ? { profileId, outcome: 'rolled-back' } : postponed(undone.error.message);
      });
    } catch (error) {
      if (error instanceof RotationClaimedError) return { profileId, outcome: 'running-elsewhere' };
      throw error;
    }
  }
}

// What to do by hand when a journal's profile is gone: nothing here can undo or finish it without the profile.
function orphanAdvice(journal: RotationJournal): string {
  const which = journal.credential === 'client-secret' ? `the client secret named "${journal.newMarker}"` : `the certificate with thumbprint ${journal.newCertificate?.sha1Thumbprint ?? '?'}`;
  return `The profile of this rotation no longer exists, so it can be neither undone nor finished here. In Entra ID, the app registration (object id ${journal.appObjectId}) may hold ${which} besides the credential it replaced, and the instance "${journal.instanceName}" may use either: keep the one the instance uses, remove the other, then delete ${ROTATIONS_DIR}/${journal.profileId}.json from the data folder.`;
}
