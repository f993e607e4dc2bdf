import { ErrorCode } from '../../shared/errors/error-codes';
import { isKeychainError, MAX_ITEM_BYTES, type SecretStore } from '../ports/secret-store';
import { keychainError, toKeychainError } from '../secrets/keychain-failure';

type Keytar = typeof import('keytar');

// An item the adapter writes and deletes to learn whether the keychain is
// writable (see listAccounts). Its name can never collide with a vault account.
const PROBE_ACCOUNT = '~probe';

/**
 * {@link SecretStore} over keytar: the only module that imports it.
 *
 * keytar is loaded on first use, so a missing libsecret becomes a
 * `keychain/unavailable` error instead of a crash at start-up.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  /** @param service the one service name every item of the app lives under. */
  constructor(readonly service: string) {}

  async get(account: string): Promise<string | null> {
    const kt = await this.load('read a secret');
    try {
      return await kt.getPassword(this.service, account);
    } catch (error) {
      throw toKeychainError(error, 'read a secret');
    }
  }

  async set(account: string, value: string): Promise<void> {
    const size = Buffer.byteLength(value, 'utf8');
    // The boundary every write crosses: nothing larger ever reaches the OS.
    if (size > MAX_ITEM_BYTES) throw new RangeError(`Keychain item of ${size} bytes exceeds the ${MAX_ITEM_BYTES}-byte limit`);
    const kt = await this.load('store a secret');
    try {
      await kt.setPassword(this.service, account, value);
    } catch (error) {
      throw toKeychainError(error, 'store a secret');
    }
  }

  async delete(account: string): Promise<boolean> {
    const kt = await this.load('delete a secret');
    try {
      return await kt.deletePassword(this.service, account);
    } catch (error) {
      throw toKeychainError(error, 'delete a secret');
    }
  }

  async listAccounts(): Promise<string[]> {
    const kt = await this.load('list secrets');
    // HACK: with a locked libsecret collection, keytar's findCredentials
    // crashes the whole process (libsecret hands it a NULL secret and it
    // dereferences it). A write fails cleanly with "locked collection", so
    // probe with one first.
    await this.set(PROBE_ACCOUNT, 'probe');
    await this.delete(PROBE_ACCOUNT);
    try {
      const items = await kt.findCredentials(this.service);
      return items.map((item) => item.account).filter((account) => account !== PROBE_ACCOUNT);
    } catch (error) {
      throw toKeychainError(error, 'list secrets');
    }
  }

  /**
   * Tells a truly missing item from a locked keychain: libsecret answers a
   * read of a locked item with "no such item", so callers that expected a
   * value ask here before reporting it missing.
   */
  async assertWritable(): Promise<void> {
    await this.set(PROBE_ACCOUNT, 'probe');
    await this.delete(PROBE_ACCOUNT);
  }

  private load(operation: string): Promise<Keytar> {
    this.keytar ??= import('keytar').then(
      (mod) => ((mod as { default?: Keytar }).default ?? mod) as Keytar,
      (error: unknown) => {
        this.keytar = undefined;
        throw isKeychainError(error) ? error : keychainError(ErrorCode.KeychainUnavailable, operation, 'the keytar module could not be loaded');
      },
    );
    return this.keytar;
  }
}
