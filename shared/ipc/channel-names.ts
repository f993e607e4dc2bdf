import { XSOAR_CHANNEL_NAMES } from './xsoar-channel-names';
import { ROTATION_CHANNEL_NAMES } from './rotation-channel-names';

/**
 * Every invoke channel, named `domain:verb` in kebab case.
 *
 * Plain constants with no runtime dependencies, so the sandboxed preload can
 * bundle them. `contract.ts` gives each name its schemas; a unit test checks
 * that both lists agree.
 */
export const CHANNEL_NAMES = [
  'app:get-info',
  'settings:export',
  'settings:choose-import',
  'settings:import',
  'clipboard:copy-text',
  'shell:open-external',
  'shell:show-in-folder',
  'profiles:list',
  'profiles:create',
  'profiles:duplicate',
  'profiles:rename',
  'profiles:update-details',
  'profiles:save-draft',
  'profiles:delete',
  'profiles:list-orphans',
  'profiles:remove-orphans',
  'profiles:forget-everything',
  'profiles:create-from-draft',
  'profiles:get',
  'profiles:export-damaged',
  'profiles:delete-damaged',
  'secrets:set',
  'secrets:reveal',
  'secrets:copy',
  'secrets:delete',
  'auth:resolve-tenant',
  'auth:check-credential',
  'auth:admin-consent',
  'auth:verify-sign-in',
  'auth:begin-web-sign-in',
  'auth:complete-web-sign-in',
  'auth:prepare-code',
  'auth:capture-code',
  'auth:paste-code',
  'auth:cancel',
  'certs:import-pem',
  'certs:import-pfx',
  'certs:generate',
  'certs:save-public',
  'entra:run',
  'entra:progress',
  'entra:cancel',
  ...XSOAR_CHANNEL_NAMES,
  ...ROTATION_CHANNEL_NAMES,
  'diagnostics:copy',
] as const;

/** One channel name. */
export type ChannelName = (typeof CHANNEL_NAMES)[number];

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The `api` namespace of a channel: `settings:export` → `settings`. */
export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

/** The `api` method of a channel: `shell:open-external` → `openExternal`. */
export type MethodOf<C extends string> = C extends `${string}:${infer M}` ? CamelCase<M> : never;

/** Runtime twin of {@link DomainOf} and {@link MethodOf}. */
export function splitChannel(channel: string): { readonly domain: string; readonly method: string } {
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, method: verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) };
}
