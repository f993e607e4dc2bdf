import type { Result } from '../result';
import { CHANNEL_NAMES, splitChannel, type ChannelName, type DomainOf, type MethodOf } from './channel-names';
import type { RequestOf, ResponseOf } from './contract';

/** Sends one request on a channel and resolves with the handler's `Result`. */
export type Invoke = (channel: ChannelName, request: unknown) => Promise<Result<unknown>>;

/**
 * The renderer-facing API, derived from the channel list:
 * `settings:export` becomes `api.settings.export(request)`.
 */
export type Api = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [C in ChannelName as C extends `${D}:${string}` ? MethodOf<C> : never]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  };
};

/**
 * Builds the {@link Api} object over any transport.
 *
 * The Electron preload passes `ipcRenderer.invoke`; the browser test host's
 * bridge passes an HTTP call. One method per channel and one argument per
 * method, so nothing else can cross.
 */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const { domain, method } = splitChannel(channel);
    const group = (api[domain] ??= {});
    group[method] = (request: unknown) => invoke(channel, request);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  // The runtime object is built from the same list the type is derived from.
  return Object.freeze(api) as unknown as Api;
}
