/** Microsoft Graph's application (client) id, the same in every tenant. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** One permission Microsoft Graph's service principal publishes. */
export interface GraphPermission {
  readonly id: string;
  readonly value: string;
}

/**
 * Delegated permissions (`oauth2PermissionScopes`, `type: "Scope"` in requiredResourceAccess), with the ids Graph
 * publishes in every tenant. The platform answers `GET /servicePrincipals(appId='00000003-…')` from this list.
 */
export const GRAPH_SCOPE_CATALOGUE: readonly (GraphPermission & { readonly adminOnly: boolean })[] = [
  { id: '024d486e-b451-40bb-833d-3e66d98c5c73', value: 'Mail.ReadWrite', adminOnly: false },
  { id: 'e383f46e-2787-4529-855e-0e479a3ffac0', value: 'Mail.Send', adminOnly: false },
  { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', value: 'User.Read', adminOnly: false },
  { id: '818c620a-27a9-40bd-a6a5-d96f7d610b4b', value: 'MailboxSettings.ReadWrite', adminOnly: false },
  { id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', value: 'offline_access', adminOnly: false },
  { id: '37f7f235-527c-4136-accd-4a02d197296e', value: 'openid', adminOnly: false },
  { id: '14dad69e-099b-42c9-810b-d002981feec1', value: 'profile', adminOnly: false },
  { id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', value: 'Mail.Read', adminOnly: false },
  { id: 'a4b8392a-d8d1-4954-a029-8e668a39a170', value: 'Mail.ReadBasic', adminOnly: false },
  { id: '7b9103a5-4610-446b-9670-80643382c1fa', value: 'Mail.Read.Shared', adminOnly: false },
  { id: '5df07973-7d5d-46ed-9847-1271055cbd51', value: 'Mail.ReadWrite.Shared', adminOnly: false },
  { id: 'a367ab51-6b49-43bf-a716-a1fb06d2a174', value: 'Mail.Send.Shared', adminOnly: false },
  { id: '87f447af-9fa4-4c32-9dfa-4a57a73d18ce', value: 'MailboxSettings.Read', adminOnly: false },
  { id: 'b340eb25-3456-403f-be2f-af7a0d370277', value: 'User.ReadBasic.All', adminOnly: false },
  { id: 'a154be20-db9c-4678-8ab7-66f6cc099a59', value: 'User.Read.All', adminOnly: true },
  { id: '06da0dbc-49e2-44d2-8312-53f166ab848a', value: 'Directory.Read.All', adminOnly: true },
  { id: 'c5366453-9fb0-48a5-a156-24f0c49a4b84', value: 'Directory.ReadWrite.All', adminOnly: true },
  { id: 'c79f8feb-a9db-4090-85f9-90d820caa0eb', value: 'Application.Read.All', adminOnly: true },
  { id: 'bdfbf15f-ee85-4955-8675-146e8e5296b5', value: 'Application.ReadWrite.All', adminOnly: true },
  { id: '41ce6ca6-6826-4807-84f1-1c82854f7ee5', value: 'DelegatedPermissionGrant.ReadWrite.All', adminOnly: true },
];

/** Application permissions (`appRoles`, `type: "Role"`), which the integration must not ask for. */
export const GRAPH_ROLE_CATALOGUE: readonly GraphPermission[] = [
  { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', value: 'Mail.Read' },
  { id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', value: 'Mail.ReadWrite' },
  { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', value: 'Mail.Send' },
  { id: '6931bccd-447a-43d1-b442-00a195474933', value: 'MailboxSettings.ReadWrite' },
  { id: 'df021288-bdef-4463-88db-98f22de89214', value: 'User.Read.All' },
];

/** OpenID scopes: in an app's requiredResourceAccess, but not Graph API permissions in the platform's tokens. */
export const OIDC_SCOPE_VALUES: ReadonlySet<string> = new Set(['offline_access', 'openid', 'profile', 'email']);

/** The scope id of a delegated permission name (throws for an unknown one: a test mistake). */
export function scopeIdOf(value: string): string {
  const found = GRAPH_SCOPE_CATALOGUE.find((s) => s.value === value);
  if (!found) throw new Error(`unknown delegated Graph permission ${value}`);
  return found.id;
}

/** The role id of an application permission name. */
export function roleIdOf(value: string): string {
  const found = GRAPH_ROLE_CATALOGUE.find((s) => s.value === value);
  if (!found) throw new Error(`unknown application Graph permission ${value}`);
  return found.id;
}
