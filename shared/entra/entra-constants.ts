/**
 * Fixed facts of the Entra ID app registration the assistant creates, checks and repairs through Microsoft Graph
 * (spec: xsoar-api-and-entra-provisioning.md part B).
 */

/** Microsoft Graph's application (client) id, the same in every tenant. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** A delegated permission with why it is needed, shown before anyone signs in. */
export interface ExplainedScope {
  readonly value: string;
  readonly why: string;
}

/**
 * The delegated Graph permissions the integration's registration must require, exactly these: the integration's
 * four plus `offline_access` (refresh tokens). Their ids are resolved from Graph's service principal at run time.
 */
export const APP_REQUIRED_SCOPES: readonly ExplainedScope[] = Object.freeze([
  { value: 'Mail.ReadWrite', why: 'read, move and delete messages in the mailbox XSOAR fetches incidents from' },
  { value: 'Mail.Send', why: 'send and reply to mail from the mailbox (the integration\'s send-mail and reply commands)' },
  { value: 'User.Read', why: 'sign the mailbox user in and read their basic profile' },
  { value: 'MailboxSettings.ReadWrite', why: 'read and change mailbox settings such as automatic replies' },
  { value: 'offline_access', why: 'let XSOAR keep a refresh token, so it works after the first hour' },
]);

/** The values of {@link APP_REQUIRED_SCOPES}. */
export const APP_REQUIRED_SCOPE_VALUES: readonly string[] = Object.freeze(APP_REQUIRED_SCOPES.map((s) => s.value));

/**
 * What the administrator's own sign-in asks for (delegated, with the administrator's rights), each explained.
 * `User.ReadBasic.All` only when consent is granted for the mailbox user alone (their object id is looked up).
 */
export const ADMIN_SIGN_IN_SCOPES: readonly ExplainedScope[] = Object.freeze([
  { value: 'Application.ReadWrite.All', why: 'create the app registration, set its redirect URIs and permissions, add its secret or certificate, and create its service principal' },
  { value: 'DelegatedPermissionGrant.ReadWrite.All', why: 'grant consent to the app\'s delegated permissions, tenant-wide or for the mailbox user only' },
]);

/** Asked for in addition when consent is for the mailbox user only. */
export const MAILBOX_USER_LOOKUP_SCOPE: ExplainedScope = Object.freeze({ value: 'User.ReadBasic.All', why: 'look up the mailbox user\'s object id, to grant consent to that user only' });

/**
 * The default client the administrator signs in with: Microsoft Graph Command Line Tools (multi-tenant, allows
 * dynamic consent to any Graph scope, loopback redirects). Organisations that prefer their own identity set a
 * bootstrap client id instead (spec B2); the Azure CLI's id is never used.
 */
export const DEFAULT_BOOTSTRAP_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** Tag on every registration the assistant creates. */
export const ASSISTANT_APP_TAG = 'xsoar-assistant';

/** The tag that ties a registration to one profile, so a re-run finds it again (Graph's tags hold up to 256 characters). */
export function profileTag(profileId: string): string {
  return `xsoar-assistant-profile:${profileId}`;
}

/** The Mobile-and-desktop redirect of the app's own verification sign-in (Entra ignores the loopback port). */
export const PUBLIC_LOOPBACK_REDIRECT = 'http://localhost';

/** The display name of a new registration. */
export function registrationDisplayName(mailbox: string): string {
  return `XSOAR Graph Mail - ${mailbox.trim() || 'mailbox'}`;
}

/** Display name of the client secrets the assistant adds, so check and repair recognise them. */
export const ASSISTANT_SECRET_NAME = 'xsoar-assistant';

/** A credential that expires within this many days is reported as expiring soon. */
export const EXPIRY_WARNING_DAYS = 30;

/** Expiry choices for a new client secret, in days (Microsoft recommends less than 12 months). */
export const SECRET_EXPIRY_DAYS = Object.freeze([90, 180, 365, 730] as const);
