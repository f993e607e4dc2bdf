import { ok, type Result } from '../../shared/result';
import { OperationRegistry } from '../services/operation-registry';
import type { RotationService } from './rotation-service';
import type { RotationProgress, RotationRequest, RotationResult, RotationStep } from './rotation-types';
import type { RecoveryReportView, UnfinishedRotations, UnfinishedRotationsService } from './unfinished-rotations-service';

/** How long the steps of a finished rotation stay readable (the renderer's last poll). */
const KEEP_FINISHED_MS = 60_000;

/** `rotation:start` as the renderer sends it. */
export interface RotationIpcRequest extends RotationRequest {
  readonly requestId: string;
}

/**
 * The renderer's side of Rotate: one rotation per request id, cancellable until its test has passed (the point of no
 * return; after it the rotation finishes), with the latest report of each step kept for `rotation:progress`.
 */
export class RotationIpcService {
  private readonly operations = new OperationRegistry();
  private readonly progress = new Map<string, Map<RotationStep, RotationProgress>>();

  constructor(
    private readonly rotation: RotationService,
    private readonly unfinishedRotations: UnfinishedRotationsService,
  ) {}

  /** The rotations a crash interrupted that are still unfinished. */
  unfinished(): Promise<Result<UnfinishedRotations>> {
    return this.unfinishedRotations.list();
  }

  /** Finishes or undoes them now (cancellable under `requestId`). */
  async recover(requestId: string): Promise<Result<{ readonly reports: readonly RecoveryReportView[] }>> {
    const r = await this.operations.run(requestId, (signal) => this.unfinishedRotations.recoverNow(signal));
    return r.ok ? ok({ reports: r.value }) : r;
  }

  /** Runs one rotation. */
  async start(request: RotationIpcRequest): Promise<Result<RotationResult>> {
    const steps = new Map<RotationStep, RotationProgress>();
    this.progress.set(request.requestId, steps);
    try {
      const { requestId: _id, ...rest } = request;
      return await this.operations.run(request.requestId, (signal) => this.rotation.rotate(rest, (p) => steps.set(p.step, p), signal));
    } finally {
      setTimeout(() => this.progress.delete(request.requestId), KEEP_FINISHED_MS).unref();
    }
  }

  /** The latest report of every step so far, in the order they started. */
  progressOf(requestId: string): Result<{ readonly steps: readonly RotationProgress[] }> {
    return ok({ steps: [...(this.progress.get(requestId)?.values() ?? [])] });
  }

  /** Asks a running rotation (or recovery) to stop; a rotation undoes what it did (unless its test already passed). */
  cancel(requestId: string): Result<{ readonly cancelled: boolean }> {
    return ok({ cancelled: this.operations.cancel(requestId) });
  }
}
