/**
 * Stable error codes that cross the IPC boundary.
 *
 * The renderer switches on these values and never parses messages, so a
 * value, once shipped, never changes meaning. Frozen object plus a same-name
 * union instead of a TypeScript `enum` (plain data, tree-shakeable).
 */
export const ErrorCode = Object.freeze({
  /** A request payload failed its schema. */
  InvalidRequest: 'ipc/invalid-request',
  /** The IPC sender is not the app's own window. */
  UntrustedSender: 'ipc/untrusted-sender',
  /** The channel is not registered. */
  UnknownChannel: 'ipc/unknown-channel',
  /** User input failed validation; `fields` says where. */
  ConfigInvalid: 'config/invalid',
  /** A URL is not on the external-link allow-list. */
  UrlNotAllowed: 'shell/url-not-allowed',
  /**
   * XSOAR-app values bound to one instance are being exported for another;
   * the request may be repeated with explicit confirmation.
   */
  InstanceBindingMismatch: 'export/instance-binding-mismatch',
  /** Writing an export file failed. */
  ExportWriteFailed: 'export/write-failed',
  /** A settings file to import is malformed or fails the checks; `fields` lists every problem. */
  ImportInvalid: 'import/invalid',
  /** The chosen export format cannot express these settings (e.g. Terraform and a user-assigned managed identity). */
  ExportUnsupported: 'export/unsupported',
  /** "Show in folder" named a path this app did not export in this run (or there is no file manager). */
  ExportPathUnknown: 'export/path-unknown',
  /** The bundle passphrase is too short or too guessable. */
  BundleWeakPassphrase: 'bundle/weak-passphrase',
  /** The file is not an encrypted settings bundle. */
  BundleNotABundle: 'bundle/not-a-bundle',
  /** The bundle was written by a newer version of the app. */
  BundleUnsupportedVersion: 'bundle/unsupported-version',
  /** The bundle is shorter than its header says: cut off while copying. */
  BundleTruncated: 'bundle/truncated',
  /** The bundle header is damaged or its parameters are out of range. */
  BundleCorrupt: 'bundle/corrupt',
  /** The passphrase does not open this bundle. */
  BundleWrongPassphrase: 'bundle/wrong-passphrase',
  /** The passphrase is right but the encrypted content was altered. */
  BundleTampered: 'bundle/tampered',
  /** The bundle decrypted but its content is not a valid profile. */
  BundleInvalidPayload: 'bundle/invalid-payload',
  /** The Secret Service / keychain cannot be reached. */
  KeychainUnavailable: 'keychain/unavailable',
  /** The keychain is locked. */
  KeychainLocked: 'keychain/locked',
  /** The keychain refused access. */
  KeychainDenied: 'keychain/denied',
  /** A secret the profile records as stored is not in the keychain. */
  SecretMissing: 'secret/missing',
  /** A stored secret failed its integrity check (a chunk is missing or altered). */
  SecretCorrupt: 'secret/corrupt',
  /** A secret is larger than the vault accepts. */
  SecretTooLarge: 'secret/too-large',
  /** No profile has the given id. */
  ProfileNotFound: 'profile/not-found',
  /** The profiles file could not be written; nothing was changed. */
  ProfileWriteFailed: 'profile/write-failed',
  /** The profiles file was written by a newer version of the app; it is left as is. */
  ProfileFileTooNew: 'profile/file-too-new',
  /** The user cancelled a long-running step. */
  Cancelled: 'op/cancelled',
  /** A step took longer than its time limit. */
  Timeout: 'op/timeout',
  /** A pasted redirect address or code holds no authorization code. */
  OAuthNoCode: 'oauth/no-code',
  /** The identity platform answered with `error=`; the AADSTS code says why. */
  OAuthAuthorizationError: 'oauth/authorization-error',
  /** The `state` of a response is missing or is not the one we sent. */
  OAuthStateMismatch: 'oauth/state-mismatch',
  /** A redirect address or response is malformed (bad encoding, repeated parameter). */
  OAuthMalformedResponse: 'oauth/malformed-response',
  /** Required login-URL settings are empty (mirrors the integration's "Missing:" message). */
  OAuthMissingSettings: 'oauth/missing-settings',
  /** The administrator declined consent, or a consent request awaits approval. */
  OAuthConsentDeclined: 'oauth/consent-declined',
  /** The admin-consent redirect did not report a grant. */
  OAuthConsentNotGranted: 'oauth/consent-not-granted',
  /** The tenant's openid-configuration says the tenant does not exist (AADSTS90002). */
  OAuthTenantNotFound: 'oauth/tenant-not-found',
  /** The tenant is in a national cloud, which the integration does not support. */
  OAuthUnsupportedCloud: 'oauth/unsupported-cloud',
  /** A pasted redirect address does not start with the XSOAR redirect URI. */
  OAuthRedirectMismatch: 'oauth/redirect-mismatch',
  /** `folder_to_fetch` does not resolve in the mailbox (the integration's "No such folder exist"). */
  GraphFolderNotFound: 'graph/folder-not-found',
  /** The passphrase of a PFX file or encrypted key is wrong or missing. */
  CertWrongPassphrase: 'cert/wrong-passphrase',
  /** The input is not an X.509 certificate (or holds none). */
  CertNotACertificate: 'cert/not-a-certificate',
  /** The input is not a private key we can read (or holds none). */
  CertInvalidKey: 'cert/invalid-key',
  /** The private key does not belong to the certificate. */
  CertKeyMismatch: 'cert/key-mismatch',
  /** The key is not RSA; the integration signs its assertion with RS256. */
  CertUnsupportedKey: 'cert/unsupported-key',
  /** The PKCS#12/PFX file cannot be parsed. */
  CertInvalidPkcs12: 'cert/invalid-pkcs12',
  /** Certificate generation parameters are out of range. */
  CertInvalidRequest: 'cert/invalid-request',
  /** The loopback port needed to receive a sign-in or consent response is taken or cannot be bound. */
  AuthPortInUse: 'auth/port-in-use',
  /** Microsoft Entra ID refused a request; the AppError carries the AADSTS code and its explanation. */
  AuthAadsts: 'auth/aadsts',
  /** The identity platform or Microsoft Graph could not be reached (DNS, TLS, proxy, connection refused). */
  AuthNetwork: 'auth/network',
  /** The identity platform or Graph answered with something we cannot read (not JSON, wrong shape). */
  AuthUnexpectedResponse: 'auth/unexpected-response',
  /** A Microsoft Graph request failed; the message carries Graph's error code. */
  GraphRequestFailed: 'graph/request-failed',
  /** An operation with the same request id is already running. */
  OperationBusy: 'op/busy',
  /** The sign-in attempt for the XSOAR code is unknown or older than the code lifetime; start again. */
  AuthAttemptExpired: 'auth/attempt-expired',
  /** The client secret or private key the check needs is not in the keychain for this profile. */
  AuthCredentialMissing: 'auth/credential-missing',
  /** Microsoft Graph refused an app-registration step: a directory role or scope is missing (the error names it). */
  EntraDenied: 'entra/denied',
  /** Conditional Access wants a stronger administrator sign-in for an app-registration step. */
  EntraStepUpRequired: 'entra/step-up-required',
  /** A tenant policy blocks what the step needs (e.g. client secrets). */
  EntraPolicyBlocked: 'entra/policy-blocked',
  /** Entra ID had not replicated a new object after the bounded retries; running again is safe. */
  EntraStillReplicating: 'entra/still-replicating',
  /** No app registration to check or repair was found. */
  EntraNotFound: 'entra/registration-not-found',
  /** Another Microsoft Graph failure during an app-registration step. */
  EntraRequestFailed: 'entra/request-failed',
  /** An unattended run needs the administrator's Graph token, and the keychain's token cache has none usable. */
  AdminSignInRequired: 'entra/admin-sign-in-required',
  /** A credential rotation failed and was rolled back: the old credential and the instance's values are unchanged. */
  RotationRolledBack: 'rotation/rolled-back',
  /** A rotation cannot start (the profile lacks what it needs, or another rotation of it is unfinished). */
  RotationRefused: 'rotation/refused',
  /** A rotation (or the recovery of an interrupted one) stopped half-way; its journal keeps what is needed to finish. */
  RotationIncomplete: 'rotation/incomplete',
  /** A rotation of the profile is running or unfinished, so the profile (and its credential) cannot be removed now. */
  RotationInProgress: 'rotation/in-progress',
  /** XSOAR refused the API key or its ID (401). */
  XsoarUnauthorized: 'xsoar/unauthorized',
  /** XSOAR accepted the key but its role may not do this (403). */
  XsoarForbidden: 'xsoar/forbidden',
  /** The URL answers with HTML: it is the console's browser address, not the API address. */
  XsoarBrowserAddress: 'xsoar/browser-address',
  /** Something answered at the URL, but not an XSOAR API. */
  XsoarNotXsoar: 'xsoar/not-xsoar',
  /** The XSOAR server cannot be reached (DNS, refused, dropped connection, proxy); the message names which. */
  XsoarNetwork: 'xsoar/network',
  /** The TLS connection to XSOAR failed; the message names the certificate problem. */
  XsoarTls: 'xsoar/tls',
  /** XSOAR did not answer in time. */
  XsoarTimeout: 'xsoar/timeout',
  /** XSOAR answered 5xx (after retries). */
  XsoarServerError: 'xsoar/server-error',
  /** XSOAR refused a request (4xx) for a reason the message quotes. */
  XsoarRequestFailed: 'xsoar/request-failed',
  /** XSOAR's answer cannot be read (not JSON, wrong shape). */
  XsoarUnexpectedResponse: 'xsoar/unexpected-response',
  /** Another instance (of another integration) already has this name. */
  XsoarNameClash: 'xsoar/name-clash',
  /** Someone changed the instance meanwhile (DB version conflict); re-read and retry. */
  XsoarVersionConflict: 'xsoar/version-conflict',
  /** The server has no "Microsoft Graph Mail Single User" integration installed. */
  XsoarIntegrationMissing: 'xsoar/integration-missing',
  /** No instance with this name on the server. */
  XsoarInstanceNotFound: 'xsoar/instance-not-found',
  /** `!msgraph-mail-test` ran and failed; the AppError message is the explained integration error. */
  XsoarTestFailed: 'xsoar/test-failed',
  /** XSOAR 8 / XSIAM need a playground or incident id to run a command in. */
  XsoarPlaygroundNeeded: 'xsoar/playground-needed',
  /** No saved XSOAR connection has this name. */
  XsoarConnectionNotFound: 'xsoar/connection-not-found',
  /** A saved connection with this name exists already. */
  XsoarConnectionExists: 'xsoar/connection-exists',
  /** Anything unexpected; shown in the global banner. */
  Internal: 'internal',
} as const);

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
