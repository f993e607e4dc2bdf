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
  /** Writing an export file failed. */
  ExportWriteFailed: 'export/write-failed',
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
  /** Anything unexpected; shown in the global banner. */
  Internal: 'internal',
} as const);

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
