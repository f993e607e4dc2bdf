import type { ProfileSecretField, SecretField } from '../../shared/domain/secret-field';

/** Whose secret it is: one profile's, or the app's own (the token cache). */
export type SecretScope =
  | { readonly kind: 'profile'; readonly profileId: string }
  | { readonly kind: 'app' }
  /** A saved XSOAR connection's API key (not a profile's: connections are shared by every profile). */
  | { readonly kind: 'xsoar-connection'; readonly connectionId: string };

/** The keychain service name of the app; `prefix` keeps dev and test items apart from real ones. */
export function keychainServiceName(prefix = ''): string {
  return prefix === '' ? 'graph-mail-auth-assistant' : `${prefix}.graph-mail-auth-assistant`;
}

/**
 * Account-name scheme. One secret is a head item plus zero or more chunk items:
 *
 *   p/<profileId>/<field>            head (manifest and first part)
 *   p/<profileId>/<field>#<gen>.<i>  chunk i of generation gen
 *   app/<field>                      app-wide head, chunks alike
 *   x/<connectionId>/<field>         an XSOAR connection's API key, chunks alike
 *
 * so every item of a profile starts with `p/<profileId>/`.
 */
export function headAccount(scope: SecretScope, field: SecretField): string {
  if (scope.kind === 'app') return `app/${field}`;
  if (scope.kind === 'xsoar-connection') return `x/${scope.connectionId}/${field}`;
  return `p/${scope.profileId}/${field}`;
}

/** The account of chunk `index` of generation `generation`. */
export function chunkAccount(head: string, generation: string, index: number): string {
  return `${head}#${generation}.${index}`;
}

/** The prefix every item of one profile starts with. */
export function profilePrefix(profileId: string): string {
  return `p/${profileId}/`;
}

/** An account name taken apart; `null` parts for names the app did not write. */
export interface ParsedAccount {
  readonly head: string;
  /** The profile id, or `null` for app-wide items and foreign names. */
  readonly profileId: string | null;
  readonly field: string;
  /** Set for chunk items. */
  readonly chunk: { readonly generation: string; readonly index: number } | null;
}

const ACCOUNT = /^(?:p\/([A-Za-z0-9-]{1,64})|app|x\/[A-Za-z0-9-]{1,64})\/([a-z0-9.-]{1,64})(?:#([0-9a-f]{16})\.(\d{1,5}))?$/;

/** Parses an account name; `null` when it is not one of ours. */
export function parseAccount(account: string): ParsedAccount | null {
  const m = ACCOUNT.exec(account);
  if (m === null) return null;
  const [, profileId, field = '', generation, index] = m;
  const head = account.split('#')[0] ?? account;
  return {
    head,
    profileId: profileId ?? null,
    field,
    chunk: generation !== undefined && index !== undefined ? { generation, index: Number(index) } : null,
  };
}

/** Narrows a profile-scoped field name read back from the keychain. */
export type { ProfileSecretField };
