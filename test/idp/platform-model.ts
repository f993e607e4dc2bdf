/** Microsoft Graph's resource identifier, the `aud` of every Graph access token. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** A directory (tenant): its GUID and verified domains (e.g. `contoso.example`). */
export interface TenantSpec {
  readonly id: string;
  readonly displayName?: string;
  readonly domains?: readonly string[];
  /** Entra's "Users can register applications" (on by default); off: only application roles may create apps. */
  readonly usersCanRegisterApps?: boolean;
  /** An app management policy that forbids client secrets: addPassword is refused. */
  readonly blockPasswordCredentials?: boolean;
}

/** A mail folder in a test mailbox; well-known folders carry Graph's well-known name. */
export interface MailFolderSpec {
  readonly displayName: string;
  readonly wellKnownName?: string;
  readonly children?: readonly MailFolderSpec[];
  /** Subjects of the messages in this folder, newest first. */
  readonly messages?: readonly string[];
}

/** A user account in a tenant. */
export interface UserSpec {
  readonly tenantId: string;
  /** User principal name, also the sign-in name and the mailbox address. */
  readonly upn: string;
  readonly displayName?: string;
  readonly password?: string;
  /** Object id; derived from the UPN when omitted. */
  readonly oid?: string;
  /** Global administrator: may grant tenant-wide (admin) consent. */
  readonly isAdmin?: boolean;
  /** Further directory roles, e.g. `Application Administrator`, `Cloud Application Administrator`, `Application Developer`. */
  readonly roles?: readonly string[];
  /** Mailbox folders; a default Inbox (with an `Phishing` child), Sent Items, Drafts, Deleted Items, Junk Email, Archive when omitted. */
  readonly mailFolders?: readonly MailFolderSpec[];
  /** False for an account without an Exchange mailbox. */
  readonly hasMailbox?: boolean;
}

/** Consent already recorded for an app when it is registered. */
export interface ConsentSpec {
  /** An administrator consented for the whole tenant: all required delegated and application permissions. */
  readonly admin?: boolean;
  /** Users (UPNs) who consented, for themselves, to the required delegated permissions. */
  readonly users?: readonly string[];
}

/** An app registration (with its service principal) in one tenant. */
export interface AppSpec {
  readonly tenantId: string;
  readonly clientId: string;
  readonly displayName?: string;
  /** Graph `tags` of the application object. */
  readonly tags?: readonly string[];
  /** Web platform redirect URIs (confidential client: a secret or certificate is required at the token endpoint). */
  readonly webRedirectUris?: readonly string[];
  /** Mobile and desktop redirect URIs (public client); `http://localhost` matches any port. */
  readonly publicRedirectUris?: readonly string[];
  /** Client secret values. */
  readonly secrets?: readonly string[];
  /** Uploaded certificates (PEM); assertions are matched by `x5t` or `x5t#S256`. */
  readonly certificates?: readonly string[];
  /** Required delegated Graph permissions, short names (`Mail.ReadWrite`). */
  readonly delegatedPermissions?: readonly string[];
  /** Required application Graph permissions, short names (`Mail.Read`). */
  readonly applicationPermissions?: readonly string[];
  readonly consent?: ConsentSpec;
}

/** The platform's clock: real time plus an offset tests may advance (code and token expiry follow it). */
export interface PlatformClock {
  /** Milliseconds since the epoch, as the platform sees it. */
  now(): number;
  /** Moves the platform's time forward. */
  advance(seconds: number): void;
}

/** Makes a clock that starts at real time. */
export function createPlatformClock(): PlatformClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
  };
}
