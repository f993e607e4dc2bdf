import type { ErrorCode } from '../../shared/errors/error-codes';

/**
 * The largest value, in UTF-8 bytes, that one keychain item may hold.
 *
 * Windows Credential Manager rejects blobs over 2,560 bytes; 2,048 leaves
 * room for encoding differences and is what every adapter enforces.
 */
export const MAX_ITEM_BYTES = 2048;

/**
 * The OS keychain as a flat map from account name to string, under the
 * app's one service name.
 *
 * keytar implements it in the app and the tests; the interface is also the
 * exit route if keytar (archived since 2022) has to be replaced. Every
 * method rejects with a {@link KeychainError} when the keychain cannot be
 * used; nothing ever falls back to a plain file.
 */
export interface SecretStore {
  /** The value of `account`, or `null` when there is no such item. */
  get(account: string): Promise<string | null>;
  /** Creates or replaces one item; rejects values over {@link MAX_ITEM_BYTES}. */
  set(account: string, value: string): Promise<void>;
  /** Deletes one item; `false` when there was none. */
  delete(account: string): Promise<boolean>;
  /** The account names of every item under the service (never the values). */
  listAccounts(): Promise<string[]>;
  /**
   * Rejects with a {@link KeychainError} unless the keychain accepts writes
   * right now. Some keychains answer a read of a locked item with "no such
   * item"; callers that expected a value ask here before calling it missing.
   */
  assertWritable(): Promise<void>;
}

/** The keychain codes a {@link KeychainError} can carry. */
export type KeychainErrorCode = Extract<ErrorCode, `keychain/${string}`>;

/**
 * A keychain failure with a stable code and a message that says how to fix it.
 *
 * Messages never include values: only the operation and the OS's reason.
 */
export class KeychainError extends Error {
  constructor(
    readonly code: KeychainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeychainError';
  }
}

/** True for a {@link KeychainError}, also across module copies (compares `name`). */
export function isKeychainError(error: unknown): error is KeychainError {
  return error instanceof Error && error.name === 'KeychainError' && typeof (error as KeychainError).code === 'string';
}
