import { GRAPH_RESOURCE } from './platform-model';

/** Delegated Graph permissions the platform knows (short names). */
export const GRAPH_DELEGATED_SCOPES = [
  'User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All',
  'Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite', 'Mail.Send',
  'Mail.Read.Shared', 'Mail.ReadWrite.Shared', 'Mail.Send.Shared',
  'MailboxSettings.Read', 'MailboxSettings.ReadWrite',
  // What an administrator's bootstrap sign-in asks for to create and consent an app registration.
  'Application.Read.All', 'Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All',
] as const;

const DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;

/** Every Graph scope an authorization or token request may name (full URIs, `.default` included). */
export const GRAPH_SCOPE_URIS: readonly string[] = [...GRAPH_DELEGATED_SCOPES.map((s) => `${GRAPH_RESOURCE}/${s}`), DEFAULT_SCOPE];

/** True for `https://graph.microsoft.com/.default`. */
export function isGraphDefaultScope(scope: string): boolean {
  return scope === DEFAULT_SCOPE;
}

/**
 * The delegated Graph permissions (short names) a space-separated scope parameter asks for; `.default` stands
 * for the app's required delegated permissions, as in Entra. OIDC scopes are not Graph permissions.
 */
export function requestedGraphPermissions(scopeParam: string, requiredDelegated: readonly string[]): string[] {
  const out = new Set<string>();
  for (const scope of scopeParam.split(' ').filter(Boolean)) {
    if (isGraphDefaultScope(scope)) requiredDelegated.forEach((p) => out.add(p));
    else if (scope.startsWith(`${GRAPH_RESOURCE}/`)) out.add(scope.slice(GRAPH_RESOURCE.length + 1));
  }
  return [...out];
}
