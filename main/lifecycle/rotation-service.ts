import { randomUUID, X509Certificate } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { Profile } from '../../shared/domain/profile';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { currentRecordOf } from '../../shared/lifecycle/credential-expiry';
import { credentialUpdateBody, type CredentialParam } from '../../shared/lifecycle/credential-update';
import { recoveryOf, rotationMarker, xsoarMayHoldNew, type RotatedCredential, type RotationJournal, type RotationPhase } from '../../shared/lifecycle/rotation-journal';
import type { GraphApplication } from '../../shared/entra/registration-model';
import { REPLICATION_BACKOFF_MS } from '../../shared/entra/graph-retry-policy';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import type { SecretVault } from '../secrets/secret-vault';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';
import type { RegistrationGraph } from '../entra/registration-graph';
import type { GraphCall } from '../entra/graph-admin-client';
import { generateSelfSignedCertificate } from '../certs/self-signed-generator';
import { normalizeSecretValue } from '../../shared/validation/secret-value-normalize';
import type { RotationJournalStore } from './rotation-journal-store';

/** One rotation as asked for. */
export interface RotationRequest {
  readonly profileId: string;
  /** The saved XSOAR connection (name or id) holding the profile's instance. */
  readonly connection: string;
  /** Where `!msgraph-mail-test` runs; `null`: the connection's saved playground (or found, on XSOAR 6). */
  readonly playgroundId: string | null;
  /** Validity of a new client secret, in days (1–730). */
  readonly secretDays: number;
  /** Validity of a new certificate, in days (1–365). */
  readonly certificateDays: number;
}

/** The steps as people see them. */
export const ROTATION_STEPS = ['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old'] as const;

/** One of {@link ROTATION_STEPS}, or the undoing of a failed rotation. */
export type RotationStep = (typeof ROTATION_STEPS)[number] | 'roll-back';

/** A progress report. */
export interface RotationProgress {
  readonly step: RotationStep;
  readonly state: 'running' | 'done' | 'failed';
  readonly detail: string;
}

/** What a finished rotation did (never a secret). */
export interface RotationResult {
  readonly credential: RotatedCredential;
  readonly instanceName: string;
  readonly newEndsAt: string;
  readonly newKeyId: string | null;
  readonly removedKeyId: string | null;
  readonly removedThumbprint: string | null;
}

/** What a recovery at start did. */
export interface RecoveryReport {
  readonly profileId: string;
  readonly outcome: 'rolled-back' | 'finished';
}

/** The administrator's Graph token, interactively or from the keychain's cache (the caller decides). */
export interface AdminTokenSource {
  token(tenant: string, cancel?: AbortSignal): Promise<Result<{ readonly accessToken: string; readonly tenantId: string; readonly username: string }>>;
}

/** Test hooks: called after each journal write and after each outside action (crash tests pause there). */
export interface RotationHooks {
  readonly journaled?: (phase: RotationPhase) => Promise<void>;
  readonly acted?: (what: 'created' | 'staged' | 'xsoar-updated' | 'tested' | 'promoted' | 'old-removed' | 'xsoar-restored' | 'new-removed') => Promise<void>;
}

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

/** Entra's answers meaning "this client secret / key is not (yet) known": worth waiting for replication. */
const NOT_YET_REPLICATED = /AADSTS(7000215|700027)\b/;

const DAY_MS = 86_400_000;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function refused(message: string, field?: string): Result<never> {
  return fail(appError(ErrorCode.ConfigInvalid, message, field ? { fields: [{ field, message }] } : {}));
}

class Stop extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

function fieldOf(c: RotatedCredential): ProfileSecretField {
  return c === 'client-secret' ? SecretField.SelfDeployedClientSecret : SecretField.SelfDeployedPrivateKey;
}

function stagingScope(rotationId: string): { readonly kind: 'profile'; readonly profileId: string } {
  return { kind: 'profile', profileId: `rotation-${rotationId}` };
}

function graphError(what: string, call: GraphCall<unknown> & { ok: false }): AppError {
  const f = call.failure;
  const status = f.status === null ? f.kind : `HTTP ${f.status}${f.code ? ` ${f.code}` : ''}`;
  return appError(f.status === 403 ? ErrorCode.EntraDenied : ErrorCode.EntraRequestFailed, `Microsoft Graph refused to ${what} (${status}).`);
}

/**
 * Rotates a self-deployed profile's client secret or certificate across Entra ID and XSOAR, in the only safe order:
 * create the new credential in Entra ID → keep it in the keychain (a rotation slot) → give it to the XSOAR instance
 * (only that parameter changes; the refresh token the integration holds in its context is not touched) → run
 * `!msgraph-mail-test` → only then make it the profile's value and remove the old credential from Entra ID.
 *
 * Each phase is journaled (atomically, in the data folder, no secret) before it starts. A failure before the test
 * passed rolls back: the instance gets the old value again, the new credential is removed, the old one was never
 * touched. After a crash, {@link RotationService.recover} does the same from the journal (or finishes a rotation
 * whose test had passed), so there are never two valid credentials the app does not know about, and never none.
 */
export class RotationService {
  private readonly now: () => number;
  private readonly hooks: RotationHooks;

  constructor(private readonly deps: RotationDeps) {
    this.now = deps.now ?? Date.now;
    this.hooks = deps.hooks ?? {};
  }

  /** Rotates one profile's credential; `progress` gets every step. */
  async rotate(request: RotationRequest, progress: (p: RotationProgress) => void = () => undefined, cancel?: AbortSignal): Promise<Result<RotationResult>> {
    const signal = cancel ?? new AbortController().signal;
    const pending = await this.deps.journal.read(request.profileId);
    if (pending !== null) {
      return fail(appError(ErrorCode.RotationRefused, `An earlier rotation of this profile (started ${pending.startedAt}) is unfinished; it is resumed or rolled back first. Restart the app or run "gma rotate --recover", then rotate again.`));
    }
    const checked = await this.preflight(request);
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
    const graph = this.deps.graphFor(session.value.accessToken, signal);
    const app = await graph.applicationByAppId(sd.clientId.trim());
    if (!app.ok) return fail(graphError(`read the app registration ${sd.clientId}`, app));
    const old = this.oldCredential(profile, credential, app.value);
    if (!old.ok) return old;

    const rotationId = randomUUID();
    let journal: RotationJournal = {
      version: 1, rotationId, profileId: profile.id, credential, phase: 'creating', startedAt: new Date(this.now()).toISOString(),
      appObjectId: app.value.id, tenantId: session.value.tenantId, connectionId: target.connection.id, instanceName: profile.draft.mailbox.instanceName.trim(),
      playgroundId: request.playgroundId ?? target.connection.playgroundId, oldKeyId: old.value.keyId, oldThumbprint: old.value.thumbprint,
      newMarker: rotationMarker(rotationId), newKeyId: null, newEndsAt: null, newCertificate: null,
    };
    const advance = async (phase: RotationPhase, patch: Partial<RotationJournal> = {}): Promise<void> => {
      journal = { ...journal, ...patch, phase };
      await this.deps.journal.write(journal);
      await this.hooks.journaled?.(phase);
    };

    const stopIfCancelled = (): void => {
      if (signal.aborted) throw new Stop(appError(ErrorCode.Cancelled, 'The rotation was cancelled.'));
    };
    try {
      stopIfCancelled();
      // 1. The new credential in Entra ID (found by its marker or thumbprint if a crash follows at once).
      progress({ step: 'create', state: 'running', detail: credential === 'client-secret' ? 'Adding a new client secret.' : 'Uploading a new certificate.' });
      let newValue: string;
      if (credential === 'client-secret') {
        await advance('creating');
        const end = new Date(this.now() + request.secretDays * DAY_MS).toISOString();
        const added = await graph.addPassword(app.value.id, journal.newMarker, end);
        if (!added.ok) throw new Stop(graphError('add a client secret', added));
        await this.hooks.acted?.('created');
        newValue = added.value.secretText;
        journal = { ...journal, newKeyId: added.value.keyId, newEndsAt: added.value.endDateTime };
      } else {
        const cn = (/CN=([^,\n]+)/.exec(sd.certificate?.subject ?? '')?.[1] ?? 'xsoar-graph-mail').trim();
        const generated = await generateSelfSignedCertificate({ commonName: cn, validityDays: request.certificateDays, keySize: 2048, now: new Date(this.now()) });
        if (!generated.ok) throw new Stop(generated.error);
        const info = generated.value.info;
        const newCertificate = { sha1Thumbprint: info.sha1Thumbprint, sha256Thumbprint: info.sha256Thumbprint, subject: info.subject, notAfter: info.notAfter, certificatePem: generated.value.certificatePem };
        await advance('creating', { newCertificate, newEndsAt: info.notAfter });
        const kept = app.value.keyCredentials.filter((k) => typeof k.key === 'string' && k.key !== '').map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName }));
        const der = new X509Certificate(generated.value.certificatePem).raw.toString('base64');
        const patched = await graph.patchApplication(app.value.id, { keyCredentials: [...kept, { type: 'AsymmetricX509Cert', usage: 'Verify', key: der, displayName: journal.newMarker }] });
        if (!patched.ok) throw new Stop(graphError('upload the new certificate', patched));
        await this.hooks.acted?.('created');
        // As the profile will store it (the vault keeps private keys in their repaired PEM form), so XSOAR gets the same text.
        newValue = normalizeSecretValue(SecretField.SelfDeployedPrivateKey, generated.value.privateKeyPem);
      }
      progress({ step: 'create', state: 'done', detail: `Valid until ${(journal.newEndsAt ?? '').slice(0, 10)}.` });

      stopIfCancelled();
      // 2. Into the keychain, beside the current value (which stays the profile's until the test passed).
      progress({ step: 'store', state: 'running', detail: 'Storing it in the keychain.' });
      try {
        await this.deps.vault.set(stagingScope(rotationId), fieldOf(credential), newValue, 'absent');
      } catch (error) {
        throw new Stop(appError(ErrorCode.KeychainUnavailable, `The new credential could not be stored in the keychain: ${error instanceof Error ? error.message : String(error)}`));
      }
      await this.hooks.acted?.('staged');
      await advance('created');
      progress({ step: 'store', state: 'done', detail: 'Stored in the keychain.' });

      stopIfCancelled();
      // 3. The instance gets the new value, nothing else.
      progress({ step: 'update-xsoar', state: 'running', detail: `Updating "${journal.instanceName}" on ${target.connection.name}.` });
      await advance('updating-xsoar');
      const updated = await this.putCredential(target, journal.instanceName, this.param(journal, newValue), signal);
      if (!updated.ok) throw new Stop(updated.error);
      await this.hooks.acted?.('xsoar-updated');
      await advance('testing');
      progress({ step: 'update-xsoar', state: 'done', detail: 'Only the credential changed; the integration keeps its refresh token.' });

      stopIfCancelled();
      // 4. The test must pass before anything old goes.
      progress({ step: 'test', state: 'running', detail: 'Running !msgraph-mail-test.' });
      let test = await this.deps.xsoar.runTest(target, journal.instanceName, journal.playgroundId, signal);
      for (const wait of this.deps.replicationWaitsMs ?? REPLICATION_BACKOFF_MS) {
        if (!test.ok || test.value.passed || !NOT_YET_REPLICATED.test(test.value.output)) break;
        progress({ step: 'test', state: 'running', detail: `Entra ID does not know the new credential yet (replication); testing again in ${Math.round(wait / 1000)} s.` });
        await pause(wait, signal);
        stopIfCancelled();
        test = await this.deps.xsoar.runTest(target, journal.instanceName, journal.playgroundId, signal);
      }
      if (!test.ok) throw new Stop(test.error);
      if (!test.value.passed) throw new Stop(appError(ErrorCode.XsoarTestFailed, `!msgraph-mail-test failed with the new credential: ${test.value.output}`));
      await this.hooks.acted?.('tested');
      // The last moment a cancel counts: from here on the rotation finishes.
      stopIfCancelled();
      progress({ step: 'test', state: 'done', detail: 'Passed with the new credential.' });
    } catch (error) {
      const why = error instanceof Stop ? error.error : appError(ErrorCode.Internal, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      progress({ step: 'roll-back', state: 'running', detail: 'Undoing: the old credential stays in use.' });
      // Undoing must not be cut short by the cancel that may have caused it.
      const undoSignal = new AbortController().signal;
      const undone = await this.rollBack(journal, target, this.deps.graphFor(session.value.accessToken, undoSignal), undoSignal);
      if (!undone.ok) {
        progress({ step: 'roll-back', state: 'failed', detail: undone.error.message });
        return fail(appError(ErrorCode.RotationIncomplete, `${why.message} Undoing it did not finish (${undone.error.message}); both credentials stay valid and the next start (or "gma rotate --recover") finishes the undo.`));
      }
      progress({ step: 'roll-back', state: 'done', detail: 'The old credential is still in use and the instance has its previous value.' });
      return fail(appError(why.code === ErrorCode.Cancelled ? ErrorCode.Cancelled : ErrorCode.RotationRolledBack, `${why.message} The rotation was undone: the old credential is unchanged and the instance has its previous value.`));
    }

    // 5. Point of no return: the new value is the profile's, then the old credential goes.
    await advance('committing');
    progress({ step: 'remove-old', state: 'running', detail: 'Removing the old credential from Entra ID.' });
    const finished = await this.rollForward(journal, this.deps.graphFor(session.value.accessToken, new AbortController().signal));
    if (!finished.ok) {
      progress({ step: 'remove-old', state: 'failed', detail: finished.error.message });
      return finished;
    }
    progress({ step: 'remove-old', state: 'done', detail: journal.oldKeyId || journal.oldThumbprint ? 'The old credential was removed.' : 'There was no old credential to remove.' });
    return ok({ credential, instanceName: journal.instanceName, newEndsAt: journal.newEndsAt ?? '', newKeyId: journal.newKeyId, removedKeyId: journal.oldKeyId, removedThumbprint: journal.oldThumbprint });
  }

  /**
   * Finishes or undoes every rotation a crash left behind: before the test passed, undone (the instance gets the old
   * value, the new credential is removed); after, finished. A journal that cannot be acted on now (no token, XSOAR
   * unreachable) stays for the next try: both credentials are valid meanwhile, and the journal names them.
   */
  async recover(cancel?: AbortSignal): Promise<Result<readonly RecoveryReport[]>> {
    const signal = cancel ?? new AbortController().signal;
    const reports: RecoveryReport[] = [];
    for (const journal of await this.deps.journal.list()) {
      const session = await this.deps.adminToken.token(journal.tenantId, signal);
      if (!session.ok) return session;
      const graph = this.deps.graphFor(session.value.accessToken, signal);
      if (recoveryOf(journal) === 'roll-forward') {
        const done = await this.rollForward(journal, graph);
        if (!done.ok) return done;
        reports.push({ profileId: journal.profileId, outcome: 'finished' });
        continue;
      }
      const target = await this.deps.connections.target(journal.connectionId);
      if (!target.ok) return target;
      const undone = await this.rollBack(journal, target.value, graph, signal);
      if (!undone.ok) return undone;
      reports.push({ profileId: journal.profileId, outcome: 'rolled-back' });
    }
    return ok(reports);
  }

  /** Profiles with an unfinished rotation (the app offers to recover them at start). */
  async pending(): Promise<readonly RotationJournal[]> {
    return this.deps.journal.list();
  }

  private async preflight(request: RotationRequest): Promise<Result<{ readonly profile: Profile; readonly target: XsoarTarget; readonly credential: RotatedCredential }>> {
    if (!Number.isInteger(request.secretDays) || request.secretDays < 1 || request.secretDays > 730) return refused('A new client secret is valid for 1 to 730 days.', 'secretDays');
    if (!Number.isInteger(request.certificateDays) || request.certificateDays < 1 || request.certificateDays > 365) return refused('A new certificate is valid for 1 to 365 days.', 'certificateDays');
    const found = await this.deps.profiles.get(request.profileId);
    if (!found.ok) return found;
    const profile = found.value;
    const sd = profile.draft.selfDeployed;
    if (profile.draft.method !== 'self-deployed') return refused('Rotation is for the self-deployed Entra ID app method (the Cortex XSOAR app and managed identities have no credential of yours to rotate).', 'method');
    if (sd.clientId.trim() === '' || sd.tenant.trim() === '') return refused('The profile needs its tenant and client ID first.', 'selfDeployed.clientId');
    if (profile.draft.mailbox.instanceName.trim() === '') return refused('The profile needs its instance name first.', 'mailbox.instanceName');
    const credential: RotatedCredential = sd.credentialKind === 'certificate' ? 'certificate' : 'client-secret';
    if (!profile.secretFields.includes(fieldOf(credential))) return refused(`The profile holds no ${credential === 'certificate' ? 'certificate private key' : 'client secret'} to rotate.`, 'secretFields');
    if (credential === 'certificate' && sd.certificate === null) return refused('The profile has no certificate to rotate.', 'selfDeployed.certificate');
    const target = await this.deps.connections.target(request.connection);
    if (!target.ok) return target;
    return ok({ profile, target: target.value, credential });
  }

  /** The Entra credential the profile uses now: by the key id recorded for the stored value, else the secret's hint. */
  private oldCredential(profile: Profile, credential: RotatedCredential, app: GraphApplication): Result<{ readonly keyId: string | null; readonly thumbprint: string | null }> {
    if (credential === 'certificate') {
      const thumbprint = (profile.draft.selfDeployed.certificate?.sha1Thumbprint ?? '').toUpperCase();
      const present = app.keyCredentials.some((k) => (k.customKeyIdentifier ?? '').toUpperCase() === thumbprint);
      return ok({ keyId: null, thumbprint: present ? thumbprint : null });
    }
    const recorded = currentRecordOf(profile, 'client-secret')?.keyId ?? null;
    if (recorded !== null && app.passwordCredentials.some((p) => p.keyId === recorded)) return ok({ keyId: recorded, thumbprint: null });
    return fail(appError(ErrorCode.RotationRefused, 'Which of the app\'s client secrets this profile holds is not recorded yet. Run Check (Create the app for me → Check, or "gma entra check PROFILE") once: it records it, so that the rotation removes exactly that one.'));
  }

  private param(journal: RotationJournal, value: string): CredentialParam {
    return journal.credential === 'client-secret' ? { kind: 'client-secret', secret: value } : { kind: 'certificate', sha1Thumbprint: journal.newCertificate?.sha1Thumbprint ?? '', privateKeyPem: value };
  }

  private async putCredential(target: XsoarTarget, instanceName: string, param: CredentialParam, signal: AbortSignal): Promise<Result<void>> {
    for (let round = 0; round < 3; round += 1) {
      const stored = await this.deps.xsoar.readInstance(target, instanceName, signal);
      if (!stored.ok) return stored;
      const put = await this.deps.xsoar.client(target).call('PUT', '/settings/integration', credentialUpdateBody(stored.value, param), { signal });
      if (put.kind === 'answer') return ok(undefined);
      if (put.kind === 'refused' && /version/i.test(put.refusal.text)) continue;
      if (put.kind === 'refused') return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR refused the update of "${instanceName}" (${put.refusal.status}): ${put.refusal.text}`));
      return fail(put.error);
    }
    return fail(appError(ErrorCode.XsoarVersionConflict, `"${instanceName}" kept changing on the server; try again in a moment.`, { retryable: true }));
  }

  /** Undoes a rotation that did not pass its test: the instance's old value back, then the new credential removed. */
  private async rollBack(journal: RotationJournal, target: XsoarTarget, graph: RegistrationGraph, signal: AbortSignal): Promise<Result<void>> {
    if (xsoarMayHoldNew(journal.phase)) {
      const current = await this.deps.vault.get({ kind: 'profile', profileId: journal.profileId }, fieldOf(journal.credential));
      if (current === null) return fail(appError(ErrorCode.SecretMissing, 'The current credential is no longer in the keychain, so the instance cannot be given it back.'));
      const profile = await this.deps.profiles.get(journal.profileId);
      if (!profile.ok) return profile;
      const param: CredentialParam = journal.credential === 'client-secret'
        ? { kind: 'client-secret', secret: current }
        : { kind: 'certificate', sha1Thumbprint: profile.value.draft.selfDeployed.certificate?.sha1Thumbprint ?? '', privateKeyPem: current };
      const restored = await this.putCredential(target, journal.instanceName, param, signal);
      if (!restored.ok) return restored;
      await this.hooks.acted?.('xsoar-restored');
    }
    const removed = await this.removeNew(journal, graph);
    if (!removed.ok) return removed;
    await this.hooks.acted?.('new-removed');
    await this.deps.vault.deleteProfile(stagingScope(journal.rotationId).profileId).catch(() => 0);
    await this.deps.journal.remove(journal.profileId);
    return ok(undefined);
  }

  /** Finishes a rotation whose test passed: the profile takes the new value, the old credential is removed. */
  private async rollForward(journal: RotationJournal, graph: RegistrationGraph): Promise<Result<void>> {
    const found = await this.deps.profiles.get(journal.profileId);
    if (!found.ok) return found;
    const profile = found.value;
    const promoted = journal.credential === 'certificate'
      ? profile.draft.selfDeployed.certificate?.sha1Thumbprint === journal.newCertificate?.sha1Thumbprint
      : currentRecordOf(profile, 'client-secret')?.keyId === journal.newKeyId;
    if (!promoted) {
      const staged = await this.deps.vault.get(stagingScope(journal.rotationId), fieldOf(journal.credential));
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
      if (!recorded.ok) return recorded;
      await this.hooks.acted?.('promoted');
    }
    const removed = await this.removeOld(journal, graph);
    if (!removed.ok) return removed;
    await this.hooks.acted?.('old-removed');
    await this.deps.vault.deleteProfile(stagingScope(journal.rotationId).profileId).catch(() => 0);
    await this.deps.journal.remove(journal.profileId);
    return ok(undefined);
  }

  private async removeNew(journal: RotationJournal, graph: RegistrationGraph): Promise<Result<void>> {
    const app = await graph.applicationByAppId(await this.clientIdOf(journal));
    if (!app.ok) return fail(graphError('read the app registration', app));
    if (journal.credential === 'client-secret') {
      const mine = app.value.passwordCredentials.filter((p) => p.keyId === journal.newKeyId || p.displayName === journal.newMarker);
      for (const p of mine) {
        const r = await graph.removePassword(app.value.id, p.keyId);
        if (!r.ok && !(r.failure.status === 400 || r.failure.status === 404)) return fail(graphError('remove the new client secret', r));
      }
      return ok(undefined);
    }
    const thumbprint = journal.newCertificate?.sha1Thumbprint.toUpperCase() ?? '';
    return this.patchKeys(app.value, graph, (k) => (k.customKeyIdentifier ?? '').toUpperCase() !== thumbprint, 'remove the new certificate');
  }

  private async removeOld(journal: RotationJournal, graph: RegistrationGraph): Promise<Result<void>> {
    if (journal.oldKeyId === null && journal.oldThumbprint === null) return ok(undefined);
    const app = await graph.applicationByAppId(await this.clientIdOf(journal));
    if (!app.ok) return fail(graphError('read the app registration', app));
    if (journal.credential === 'client-secret') {
      if (!app.value.passwordCredentials.some((p) => p.keyId === journal.oldKeyId)) return ok(undefined);
      const r = await graph.removePassword(app.value.id, journal.oldKeyId ?? '');
      return r.ok || r.failure.status === 400 ? ok(undefined) : fail(graphError('remove the old client secret', r));
    }
    const old = (journal.oldThumbprint ?? '').toUpperCase();
    return this.patchKeys(app.value, graph, (k) => (k.customKeyIdentifier ?? '').toUpperCase() !== old, 'remove the old certificate');
  }

  private async patchKeys(app: GraphApplication, graph: RegistrationGraph, keep: (k: GraphApplication['keyCredentials'][number]) => boolean, what: string): Promise<Result<void>> {
    if (app.keyCredentials.every(keep)) return ok(undefined);
    const kept = app.keyCredentials.filter(keep).filter((k) => typeof k.key === 'string' && k.key !== '').map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName }));
    const r = await graph.patchApplication(app.id, { keyCredentials: kept });
    return r.ok ? ok(undefined) : fail(graphError(what, r));
  }

  private async clientIdOf(journal: RotationJournal): Promise<string> {
    const p = await this.deps.profiles.get(journal.profileId);
    return p.ok ? p.value.draft.selfDeployed.clientId.trim() : '';
  }
}
