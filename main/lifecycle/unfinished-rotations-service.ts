import { recoveryOf, type RotatedCredential, type RotationPhase } from '../../shared/lifecycle/rotation-journal';
import { ok, type Result } from '../../shared/result';
import type { ProfilesService } from '../services/profiles-service';
import type { RotationService } from './rotation-service';
import { reasonOf, type RecoveryReport } from './rotation-types';

/** One unfinished rotation as the banner shows it (public facts only). */
export interface UnfinishedRotation {
  readonly profileId: string;
  /** `null` when the profile no longer exists. */
  readonly profileName: string | null;
  readonly credential: RotatedCredential;
  readonly phase: RotationPhase;
  readonly startedAt: string;
  readonly instanceName: string;
  /** What recovering it does: undo (the test had not passed) or finish. */
  readonly recovery: 'roll-back' | 'roll-forward';
  /** Why the last attempt left it, when one was made in this run of the app. */
  readonly lastAttempt: { readonly outcome: RecoveryReport['outcome']; readonly reason: string | null } | null;
}

/** A recovery report as the banner shows it: with the profile's name, and `reason` always present. */
export interface RecoveryReportView {
  readonly profileId: string;
  /** `null` when the profile no longer exists. */
  readonly profileName: string | null;
  readonly outcome: RecoveryReport['outcome'];
  readonly reason: string | null;
}

/** What the Profiles banner lists. */
export interface UnfinishedRotations {
  readonly rotations: readonly UnfinishedRotation[];
  /** Journal files this version cannot act on (left for the user). */
  readonly unreadable: readonly string[];
}

/**
 * The app's view of rotations a crash interrupted. At start it finishes or undoes them unattended (the administrator
 * token cached in the keychain); what that cannot do stays listed, with the reason, and "Finish now" retries with an
 * interactive administrator sign-in. The two rotation services differ only in how they get the token.
 */
export class UnfinishedRotationsService {
  private started: Promise<readonly RecoveryReport[]> | null = null;
  private readonly lastAttempts = new Map<string, RecoveryReport>();

  constructor(
    private readonly unattended: RotationService,
    private readonly interactive: RotationService,
    private readonly profiles: ProfilesService,
  ) {}

  /** The recovery at start, run once per app run (later calls get the same outcome). */
  atStart(): Promise<readonly RecoveryReport[]> {
    this.started ??= this.unattended.recover().then((r) => this.remember(r.ok ? r.value : []));
    return this.started;
  }

  /** The rotations still unfinished, once the recovery at start is over. */
  async list(): Promise<Result<UnfinishedRotations>> {
    await this.atStart();
    const names = await this.profileNames();
    const { journals, unreadable } = await this.unattended.pending();
    const rotations = journals.map((j): UnfinishedRotation => {
      const last = this.lastAttempts.get(j.profileId);
      return {
        profileId: j.profileId, profileName: names.get(j.profileId) ?? null, credential: j.credential, phase: j.phase, startedAt: j.startedAt, instanceName: j.instanceName,
        recovery: recoveryOf(j), lastAttempt: last === undefined ? null : { outcome: last.outcome, reason: reasonOf(last) },
      };
    });
    return ok({ rotations, unreadable });
  }

  /** Finishes or undoes them now, signing the administrator in interactively when the cached token cannot serve. */
  async recoverNow(signal: AbortSignal): Promise<Result<readonly RecoveryReportView[]>> {
    await this.atStart();
    const r = await this.interactive.recover(signal);
    if (!r.ok) return r;
    const names = await this.profileNames();
    return ok(this.remember(r.value).map((rep) => ({ profileId: rep.profileId, profileName: names.get(rep.profileId) ?? null, outcome: rep.outcome, reason: reasonOf(rep) })));
  }

  private async profileNames(): Promise<ReadonlyMap<string, string>> {
    const listing = await this.profiles.list();
    return new Map(listing.ok ? listing.value.profiles.map((p) => [p.id, p.name]) : []);
  }

  private remember(reports: readonly RecoveryReport[]): readonly RecoveryReport[] {
    for (const r of reports) this.lastAttempts.set(r.profileId, r);
    return reports;
  }
}
