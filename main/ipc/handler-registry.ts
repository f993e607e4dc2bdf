import type { z } from 'zod';
import { appError, toInternalError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { CONTRACT, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/channel-names';
import { fail, type Result } from '../../shared/result';

/** A service call behind one channel; receives a request that already passed its schema. */
export type Handler<C extends ChannelName> = (request: z.output<(typeof CONTRACT)[C]['request']>) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>;

/** Logs only what is safe: channel names and error codes, never payloads. */
export interface RegistryLogger {
  warn(message: string): void;
}

/**
 * Transport-agnostic table of IPC handlers.
 *
 * Electron's `ipcMain` serves it in the app and the browser test host serves
 * it over HTTP in tests, so both run the same validation and the same
 * services. `invoke` never throws: schema failures become
 * `ipc/invalid-request`, thrown errors become `internal`, and every response
 * is checked against the contract before it leaves.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<ChannelName, (request: unknown) => Promise<Result<unknown>> | Result<unknown>>();

  constructor(private readonly logger: RegistryLogger = { warn: () => undefined }) {}

  /** Registers the handler of one channel; each channel exactly once. */
  register<C extends ChannelName>(channel: C, handler: Handler<C>): this {
    if (this.handlers.has(channel)) throw new Error(`Handler for ${channel} registered twice`);
    this.handlers.set(channel, handler as (request: unknown) => Promise<Result<unknown>>);
    return this;
  }

  /** Channels that have a handler. */
  registeredChannels(): ChannelName[] {
    return [...this.handlers.keys()];
  }

  /** Validates `payload`, runs the handler and validates its response. */
  async invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel as ChannelName);
    if (handler === undefined) return fail(appError(ErrorCode.UnknownChannel, `No handler for channel "${channel}".`));
    const schemas = CONTRACT[channel as ChannelName];
    const parsed = schemas.request.safeParse(payload);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || '(request)').join(', ');
      this.logger.warn(`[HandlerRegistry] rejected ${channel}: invalid ${where}`);
      return fail(appError(ErrorCode.InvalidRequest, `The request for ${channel} is malformed (${where}).`));
    }
    let result: Result<unknown>;
    try {
      result = await handler(parsed.data);
    } catch (thrown) {
      this.logger.warn(`[HandlerRegistry] ${channel} threw`);
      return fail(toInternalError(thrown));
    }
    if (!result.ok) {
      // The code only: messages may quote what the user typed.
      this.logger.warn(`[HandlerRegistry] ${channel} answered ${result.error.code}`);
      return result;
    }
    const checked = schemas.response.safeParse(result.value);
    if (!checked.success) {
      this.logger.warn(`[HandlerRegistry] ${channel} produced a response outside the contract`);
      return fail(appError(ErrorCode.Internal, `The response of ${channel} does not match the contract.`));
    }
    return { ok: true, value: checked.data };
  }
}

/** Request type re-exported for handler authors. */
export type { RequestOf };
