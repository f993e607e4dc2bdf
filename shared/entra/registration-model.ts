/**
 * The app registration as Microsoft Graph returns it (only the fields the assistant reads), and what it should be.
 */

/** One entry of `requiredResourceAccess[].resourceAccess`: a delegated scope or an application role. */
export interface GraphResourceAccess {
  readonly id: string;
  readonly type: 'Scope' | 'Role';
}

/** The permissions an app requires from one resource (API). */
export interface GraphRequiredResourceAccess {
  readonly resourceAppId: string;
  readonly resourceAccess: readonly GraphResourceAccess[];
}

/** A client secret as Graph lists it: never the value, only its first three characters (`hint`). */
export interface GraphPasswordCredential {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly hint: string | null;
  readonly endDateTime: string;
}

/** An uploaded certificate; `key` is present only when read with `$select=keyCredentials`. */
export interface GraphKeyCredential {
  readonly keyId: string;
  readonly type: string;
  readonly usage: string;
  readonly displayName: string | null;
  readonly endDateTime: string;
  /** Hex SHA-1 thumbprint (Graph's default identifier). */
  readonly customKeyIdentifier: string | null;
  readonly key?: string | null;
}

/** An application object (`GET /applications/{id}`). */
export interface GraphApplication {
  /** Object id (the path of PATCH and addPassword). */
  readonly id: string;
  /** Application (client) id. */
  readonly appId: string;
  readonly displayName: string;
  readonly signInAudience: string;
  readonly tags: readonly string[];
  readonly web: { readonly redirectUris: readonly string[] };
  readonly publicClient: { readonly redirectUris: readonly string[] };
  readonly requiredResourceAccess: readonly GraphRequiredResourceAccess[];
  readonly passwordCredentials: readonly GraphPasswordCredential[];
  readonly keyCredentials: readonly GraphKeyCredential[];
}

/** A delegated permission grant (`oauth2PermissionGrant`). */
export interface GraphPermissionGrant {
  readonly id: string;
  /** Object id of the client's service principal. */
  readonly clientId: string;
  readonly consentType: 'AllPrincipals' | 'Principal';
  readonly principalId: string | null;
  /** Object id of the resource's service principal. */
  readonly resourceId: string;
  /** Permission values separated by spaces. */
  readonly scope: string;
}

/** Microsoft Graph's permissions in this tenant, read from its service principal at run time. */
export interface GraphPermissionCatalogue {
  /** Object id of Microsoft Graph's service principal in the tenant (the `resourceId` of grants). */
  readonly graphServicePrincipalId: string;
  /** Delegated scope id by value (`Mail.Send` → `e383f46e-…`). */
  readonly scopeIdByValue: Readonly<Record<string, string>>;
  /** Delegated scope value by id. */
  readonly scopeValueById: Readonly<Record<string, string>>;
  /** Application role value by id. */
  readonly roleValueById: Readonly<Record<string, string>>;
}

/** Who consent is granted for: everyone in the tenant, or only the mailbox user (least privilege). */
export type ConsentMode = 'tenant' | 'mailbox-user';

/** How the app will prove its identity, and what the assistant already holds for it. */
export type DesiredCredential =
  | {
      readonly kind: 'secret';
      /** First three characters of the secret in the keychain (Graph's `hint`), or `null` when none is held. */
      readonly heldSecretHint: string | null;
    }
  | {
      readonly kind: 'certificate';
      /** Upper-case hex SHA-1 thumbprint of the certificate whose private key the keychain holds. */
      readonly sha1Thumbprint: string;
    };

/** What the registration must look like. */
export interface DesiredRegistration {
  /** The XSOAR instance's `redirect_uri`: on the Web platform (codes redeemed with a secret or certificate). */
  readonly webRedirectUri: string;
  /** `http://localhost` on Mobile and desktop, for the app's own verification sign-in. */
  readonly publicRedirectUri: string;
  /** Exactly these delegated Graph scopes (values). */
  readonly scopeValues: readonly string[];
  readonly consent: ConsentMode;
  /** Object id of the mailbox user (needed for `mailbox-user` consent). */
  readonly mailboxUserId: string | null;
  readonly credential: DesiredCredential;
}

/** What was found in the directory. */
export interface ActualRegistration {
  readonly app: GraphApplication;
  /** Object id of the app's service principal, or `null` when it has none. */
  readonly servicePrincipalId: string | null;
  /** The delegated grants whose client is that service principal. */
  readonly grants: readonly GraphPermissionGrant[];
}
