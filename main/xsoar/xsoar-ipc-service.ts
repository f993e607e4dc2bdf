import type { ProfileDraft } from '../../shared/domain/profile-draft';
import type { Profile } from '../../shared/domain/profile';
import { fail, ok, type Result } from '../../shared/result';
import type { XsoarConnection, XsoarConnectionInput } from '../../shared/xsoar/xsoar-connection';
import type { EngineSummary, InstanceSummary, SendOutcome, SendPlanView, TestReport } from '../../shared/xsoar/xsoar-results';
import { OperationRegistry } from '../services/operation-registry';
import type { ProfilesService } from '../services/profiles-service';
import type { XsoarConnectionsService } from './xsoar-connections-service';
import { pullInstance } from './xsoar-pull';
import type { XsoarService, XsoarTarget } from './xsoar-service';

/** What the renderer sends to plan or send a profile. */
export interface IpcSendSource {
  readonly requestId: string;
  readonly connectionId: string;
  readonly profileId: string;
  readonly draft: ProfileDraft;
  readonly engine: string;
  readonly confirmRebind: boolean;
}

/**
 * The Send-to-XSOAR channels for the renderer: each network step runs under a request id that `xsoar:cancel`
 * aborts; keys are read from the keychain here and never cross to the renderer. A send that binds XSOAR-app values
 * to an instance records the binding in the profile, as an export does; a playground id given for a test is
 * remembered on the connection.
 */
export class XsoarIpcService {
  private readonly operations = new OperationRegistry();

  constructor(
    private readonly connections: XsoarConnectionsService,
    private readonly xsoar: XsoarService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Saved connections (no keys). */
  async list(): Promise<Result<{ connections: readonly XsoarConnection[] }>> {
    const r = await this.connections.store.list();
    return r.ok ? ok({ connections: r.value }) : r;
  }

  /** Probes and saves a connection. */
  add(requestId: string, input: XsoarConnectionInput, apiKey: string): Promise<Result<XsoarConnection>> {
    return this.operations.run(requestId, (signal) => this.connections.add(input, apiKey, signal));
  }

  /** Removes a connection and its key. */
  async remove(connectionId: string): Promise<Result<{ removed: string }>> {
    const r = await this.connections.store.remove(connectionId);
    return r.ok ? ok({ removed: r.value.name }) : r;
  }

  /** Remembers the playground (or incident) id the tests run in. */
  setPlayground(connectionId: string, playgroundId: string): Promise<Result<XsoarConnection>> {
    return this.connections.store.update(connectionId, { playgroundId: playgroundId.trim() });
  }

  /** Engines the server lists. */
  engines(requestId: string, connectionId: string): Promise<Result<{ engines: readonly EngineSummary[] }>> {
    return this.withTarget(requestId, connectionId, async (t, signal) => {
      const r = await this.xsoar.listEngines(t, signal);
      return r.ok ? ok({ engines: r.value }) : r;
    });
  }

  /** The integration's instances on the server. */
  instances(requestId: string, connectionId: string): Promise<Result<{ instances: readonly InstanceSummary[] }>> {
    return this.withTarget(requestId, connectionId, async (t, signal) => {
      const r = await this.xsoar.listInstances(t, signal);
      return r.ok ? ok({ instances: r.value }) : r;
    });
  }

  /** What a send would do (create, or update with the diff). */
  plan(source: IpcSendSource): Promise<Result<SendPlanView>> {
    return this.withTarget(source.requestId, source.connectionId, (t, signal) => this.xsoar.plan(t, source, signal));
  }

  /** Creates or updates, then optionally tests. */
  send(source: IpcSendSource & { readonly confirmedVersion: number | null; readonly test: boolean; readonly playgroundId: string }): Promise<Result<SendOutcome>> {
    return this.withTarget(source.requestId, source.connectionId, async (t, signal) => {
      await this.rememberPlayground(t, source.playgroundId);
      const r = await this.xsoar.send(t, source, signal);
      if (r.ok && r.value.status === 'sent' && r.value.boundInstanceName !== undefined && r.value.boundInstanceName !== source.draft.xsoarApp.boundInstanceName) {
        const draft = { ...source.draft, xsoarApp: { ...source.draft.xsoarApp, boundInstanceName: r.value.boundInstanceName } };
        await this.profiles.saveDraft(source.profileId, draft, 'review');
      }
      return r;
    });
  }

  /** Runs `!msgraph-mail-test`. */
  test(requestId: string, connectionId: string, instanceName: string, playgroundId: string): Promise<Result<TestReport>> {
    return this.withTarget(requestId, connectionId, async (t, signal) => {
      await this.rememberPlayground(t, playgroundId);
      return this.xsoar.runTest(t, instanceName, playgroundId || t.connection.playgroundId, signal);
    });
  }

  /** Runs `!msgraph-mail-auth-reset`. */
  authReset(requestId: string, connectionId: string, instanceName: string, playgroundId: string): Promise<Result<TestReport>> {
    return this.withTarget(requestId, connectionId, async (t, signal) => {
      await this.rememberPlayground(t, playgroundId);
      return this.xsoar.authReset(t, instanceName, playgroundId || t.connection.playgroundId, signal);
    });
  }

  /** Imports an instance's non-secret settings into a new profile. */
  pull(requestId: string, connectionId: string, instanceName: string): Promise<Result<{ profile: Profile }>> {
    return this.withTarget(requestId, connectionId, async (t, signal) => {
      const r = await pullInstance(this.xsoar, this.profiles, t, instanceName, signal);
      return r.ok ? ok({ profile: r.value.profile }) : r;
    });
  }

  /** Aborts a running step. */
  cancel(requestId: string): Result<{ cancelled: boolean }> {
    return ok({ cancelled: this.operations.cancel(requestId) });
  }

  private async rememberPlayground(t: XsoarTarget, playgroundId: string): Promise<void> {
    if (playgroundId.trim() !== '' && playgroundId.trim() !== t.connection.playgroundId) await this.connections.store.update(t.connection.id, { playgroundId: playgroundId.trim() });
  }

  private withTarget<T>(requestId: string, connectionId: string, op: (target: XsoarTarget, signal: AbortSignal) => Promise<Result<T>>): Promise<Result<T>> {
    return this.operations.run(requestId, async (signal) => {
      const target = await this.connections.store.target(connectionId);
      if (!target.ok) return fail(target.error);
      return op(target.value, signal);
    });
  }
}
