import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, type Result } from '../../shared/result';
import { connectionInputProblems, type XsoarConnection, type XsoarConnectionInput } from '../../shared/xsoar/xsoar-connection';
import type { XsoarConnectionStore } from './xsoar-connection-store';
import type { XsoarService } from './xsoar-service';

/**
 * Adding a connection proves it first: the probe must reach an XSOAR API with this key (product and version are
 * remembered), so a wrong URL, the browser address, a wrong key or an untrusted certificate is reported before
 * anything is saved.
 */
export class XsoarConnectionsService {
  constructor(
    readonly store: XsoarConnectionStore,
    private readonly xsoar: XsoarService,
  ) {}

  /** Probes, then saves the connection (key to the keychain). */
  async add(input: XsoarConnectionInput, apiKey: string, signal?: AbortSignal): Promise<Result<XsoarConnection>> {
    const problems = connectionInputProblems(input);
    if (apiKey.trim() === '') problems.push('Enter the API key.');
    if (problems.length > 0) return fail(appError(ErrorCode.ConfigInvalid, problems.join(' ')));
    const draft: XsoarConnection = { id: 'probe', ...input, url: input.url.trim(), keyId: input.keyId.trim(), product: null, serverVersion: '', playgroundId: '', createdAt: '' };
    const probed = await this.xsoar.probe({ connection: draft, apiKey: apiKey.trim() }, signal);
    if (!probed.ok) return probed;
    return this.store.add(input, apiKey, { product: probed.value.product, serverVersion: probed.value.version });
  }
}
