import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Profile } from '../../shared/domain/profile';
import { SecretField } from '../../shared/domain/secret-field';
import type { GraphApplication } from '../../shared/entra/registration-model';
import { REPLICATION_BACKOFF_MS } from '../../shared/entra/graph-retry-policy';
import type { RotationJournal, RotationPhase } from '../../shared/lifecycle/rotation-journal';
import { normalizeSecretValue } from '../../shared/validation/secret-value-normalize';
import { generateSelfSignedCertificate } from '../certs/self-signed-generator';
import type { SecretVault } from '../secrets/secret-vault';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';
import type { RotationEntraSteps } from './rotation-entra-steps';
import { fieldOf, slotOf } from './rotation-finisher';
import type { RotationJournalStore } from './rotation-journal-store';
import type { RotationHooks, RotationProgress, RotationRequest } from './rotation-types';
import { newCredentialParam, putInstanceCredential } from './rotation-xsoar-steps';
import { abortableDelay } from '../../shared/async/abortable-delay';

/** Entra's answers meaning "this client secret / key is not (yet) known": worth waiting for replication. */
const NOT_YET_REPLICATED = /AADSTS(7000215|700027)\b/;

const DAY_MS = 86_400_000;

/** Why a rotation stopped before its test passed (it is then undone). */
export class RotationStop extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}


/** What one run of the forward steps needs. */
export interface RotationRunDeps {
  readonly vault: SecretVault;
  readonly journal: RotationJournalStore;
  readonly xsoar: XsoarService;
  readonly hooks: RotationHooks;
  readonly now: () => number;
  /** Waits between tests while Entra ID replicates the new credential. */
  readonly replicationWaitsMs?: readonly number[];
}

/** Where a run works: the checked profile, its instance's server, the app registration and the caller's reports. */
export interface RotationRunScope {
  readonly request: RotationRequest;
  readonly profile: Profile;
  readonly target: XsoarTarget;
  readonly app: GraphApplication;
  readonly entra: RotationEntraSteps;
  readonly progress: (p: RotationProgress) => void;
  readonly signal: AbortSignal;
}

/**
 * The forward steps of one rotation up to its point of no return, each journaled before it starts: create the new
 * credential in Entra ID → keep it in the keychain's rotation slot → give it to the XSOAR instance → run
 * `!msgraph-mail-test` (waiting out Entra's replication). Any failure or cancel throws {@link RotationStop}; the
 * journal ({@link journal}) then says exactly what to undo.
 */
export class RotationRun {
  private current: RotationJournal;

  constructor(
    private readonly deps: RotationRunDeps,
    private readonly scope: RotationRunScope,
    initial: RotationJournal,
  ) {
    this.current = initial;
  }

  /** The journal as last written (or about to be). */
  get journal(): RotationJournal {
    return this.current;
  }

  /** Runs every step until the test passed; throws {@link RotationStop} otherwise. */
  async untilTested(): Promise<void> {
    this.stopIfCancelled();
    const value = await this.create();
    this.stopIfCancelled();
    await this.store(value);
    this.stopIfCancelled();
    await this.updateXsoar(value);
    this.stopIfCancelled();
    await this.test();
    // The last moment a cancel counts: from here on the rotation finishes.
    this.stopIfCancelled();
    this.scope.progress({ step: 'test', state: 'done', detail: 'Passed with the new credential.' });
  }

  /** Journals the point of no return: from here a crash finishes the rotation. */
  commit(): Promise<void> {
    return this.advance('committing');
  }

  private async advance(phase: RotationPhase, patch: Partial<RotationJournal> = {}): Promise<void> {
    this.current = { ...this.current, ...patch, phase };
    await this.deps.journal.write(this.current);
    await this.deps.hooks.journaled?.(phase);
  }

  private stopIfCancelled(): void {
    if (this.scope.signal.aborted) throw new RotationStop(appError(ErrorCode.Cancelled, 'The rotation was cancelled.'));
  }

  // 1. The new credential in Entra ID (found by its marker or thumbprint if a crash follows at once). Returns its value.
  private async create(): Promise<string> {
    const { request, app, entra, progress } = this.scope;
    const secret = this.current.credential === 'client-secret';
    progress({ step: 'create', state: 'running', detail: secret ? 'Adding a new client secret.' : 'Uploading a new certificate.' });
    let value: string;
    if (secret) {
      await this.advance('creating');
      const added = await entra.addSecret(app, this.current.newMarker, new Date(this.deps.now() + request.secretDays * DAY_MS).toISOString());
      if (!added.ok) throw new RotationStop(added.error);
      await this.deps.hooks.acted?.('created');
      value = added.value.secretText;
      this.current = { ...this.current, newKeyId: added.value.keyId, newEndsAt: added.value.endDateTime };
    } else {
      const subject = this.scope.profile.draft.selfDeployed.certificate?.subject ?? '';
      const cn = (/CN=([^,\n]+)/.exec(subject)?.[1] ?? 'xsoar-graph-mail').trim();
      const generated = await generateSelfSignedCertificate({ commonName: cn, validityDays: request.certificateDays, keySize: 2048, now: new Date(this.deps.now()) });
      if (!generated.ok) throw new RotationStop(generated.error);
      const info = generated.value.info;
      const newCertificate = { sha1Thumbprint: info.sha1Thumbprint, sha256Thumbprint: info.sha256Thumbprint, subject: info.subject, notAfter: info.notAfter, certificatePem: generated.value.certificatePem };
      await this.advance('creating', { newCertificate, newEndsAt: info.notAfter });
      const uploaded = await entra.addCertificate(app, generated.value.certificatePem, this.current.newMarker);
      if (!uploaded.ok) throw new RotationStop(uploaded.error);
      await this.deps.hooks.acted?.('created');
      // As the profile will store it (the vault keeps private keys in their repaired PEM form), so XSOAR gets the same text.
      value = normalizeSecretValue(SecretField.SelfDeployedPrivateKey, generated.value.privateKeyPem);
    }
    progress({ step: 'create', state: 'done', detail: `Valid until ${(this.current.newEndsAt ?? '').slice(0, 10)}.` });
    return value;
  }

  // 2. Into the keychain, beside the current value (which stays the profile's until the test passed).
  private async store(value: string): Promise<void> {
    this.scope.progress({ step: 'store', state: 'running', detail: 'Storing it in the keychain.' });
    try {
      await this.deps.vault.set(slotOf(this.current.rotationId), fieldOf(this.current.credential), value, 'absent');
    } catch (error) {
      throw new RotationStop(appError(ErrorCode.KeychainUnavailable, `The new credential could not be stored in the keychain: ${error instanceof Error ? error.message : String(error)}`));
    }
    await this.deps.hooks.acted?.('staged');
    await this.advance('created');
    this.scope.progress({ step: 'store', state: 'done', detail: 'Stored in the keychain.' });
  }

  // 3. The instance gets the new value, nothing else.
  private async updateXsoar(value: string): Promise<void> {
    const { target, progress, signal } = this.scope;
    progress({ step: 'update-xsoar', state: 'running', detail: `Updating "${this.current.instanceName}" on ${target.connection.name}.` });
    await this.advance('updating-xsoar');
    const updated = await putInstanceCredential(this.deps.xsoar, target, this.current.instanceName, newCredentialParam(this.current, value), signal);
    if (!updated.ok) throw new RotationStop(updated.error);
    await this.deps.hooks.acted?.('xsoar-updated');
    await this.advance('testing');
    progress({ step: 'update-xsoar', state: 'done', detail: 'Only the credential changed; the integration keeps its refresh token.' });
  }

  // 4. The test must pass before anything old goes.
  private async test(): Promise<void> {
    const { target, progress, signal } = this.scope;
    const { instanceName, playgroundId } = this.current;
    progress({ step: 'test', state: 'running', detail: 'Running !msgraph-mail-test.' });
    let test = await this.deps.xsoar.runTest(target, instanceName, playgroundId, signal);
    for (const wait of this.deps.replicationWaitsMs ?? REPLICATION_BACKOFF_MS) {
      if (!test.ok || test.value.passed || !NOT_YET_REPLICATED.test(test.value.output)) break;
      progress({ step: 'test', state: 'running', detail: `Entra ID does not know the new credential yet (replication); testing again in ${Math.round(wait / 1000)} s.` });
      await abortableDelay(wait, signal);
      this.stopIfCancelled();
      test = await this.deps.xsoar.runTest(target, instanceName, playgroundId, signal);
    }
    if (!test.ok) throw new RotationStop(test.error);
    if (!test.value.passed) throw new RotationStop(appError(ErrorCode.XsoarTestFailed, `!msgraph-mail-test failed with the new credential: ${test.value.output}`));
    await this.deps.hooks.acted?.('tested');
  }
}
