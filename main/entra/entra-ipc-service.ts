import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { PROVISIONING_STEPS, type ProvisioningProgress, type ProvisioningStep } from '../../shared/entra/provisioning-steps';
import type { ConsentMode } from '../../shared/entra/registration-model';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import { OperationRegistry } from '../services/operation-registry';
import type { ProfilesService } from '../services/profiles-service';
import type { EntraProvisioningService, EntraRunResult } from './entra-provisioning-service';
import type { ProvisioningMode } from './registration-service';

/** `entra:run` as the renderer sends it. */
export interface EntraIpcRunRequest {
  readonly requestId: string;
  readonly profileId: string;
  readonly draft: ProfileDraft;
  readonly step: string;
  readonly mode: ProvisioningMode;
  readonly consent: ConsentMode;
  readonly secretExpiryDays: number;
  readonly bootstrapClientId: string | null;
}

/** How long the steps of a finished run stay readable (the renderer's last poll). */
const KEEP_FINISHED_MS = 60_000;

/**
 * The renderer's side of "Create the app for me": saves the wizard's draft first (so the run uses exactly what is on
 * screen), runs under a cancellable request id, and keeps the latest report of each step for `entra:progress`.
 */
export class EntraIpcService {
  private readonly operations = new OperationRegistry();
  private readonly progress = new Map<string, Map<ProvisioningStep, ProvisioningProgress>>();

  constructor(
    private readonly entra: EntraProvisioningService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Saves the draft, then creates, checks or repairs. */
  async run(request: EntraIpcRunRequest): Promise<Result<EntraRunResult>> {
    const saved = await this.profiles.saveDraft(request.profileId, request.draft, request.step);
    if (!saved.ok) return saved;
    const steps = new Map<ProvisioningStep, ProvisioningProgress>();
    this.progress.set(request.requestId, steps);
    try {
      return await this.operations.run(request.requestId, (signal) =>
        this.entra.run({ profileId: request.profileId, mode: request.mode, consent: request.consent, secretExpiryDays: request.secretExpiryDays, bootstrapClientId: request.bootstrapClientId }, (p) => steps.set(p.step, p), signal));
    } finally {
      setTimeout(() => this.progress.delete(request.requestId), KEEP_FINISHED_MS).unref();
    }
  }

  /** The latest report of every step so far, in step order. */
  progressOf(requestId: string): Result<{ readonly steps: readonly ProvisioningProgress[] }> {
    const steps = this.progress.get(requestId);
    return ok({ steps: steps ? PROVISIONING_STEPS.flatMap((s) => { const p = steps.get(s); return p ? [p] : []; }) : [] });
  }

  /** Stops a running create, check or repair (its sign-in listener closes). */
  cancel(requestId: string): Result<{ readonly cancelled: boolean }> {
    return ok({ cancelled: this.operations.cancel(requestId) });
  }
}
