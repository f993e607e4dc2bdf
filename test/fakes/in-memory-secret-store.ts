import { KeychainError, MAX_ITEM_BYTES, type SecretStore } from '../../main/ports/secret-store';

/**
 * A {@link SecretStore} in memory, for unit tests of code around the
 * keychain (the keychain itself is tested for real). Enforces the same
 * item-size limit as the keytar adapter; `failNextSets` makes the next
 * writes reject, to test what a failed write leaves behind.
 */
export class InMemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();
  failNextSets = 0;
  failAfterSets = Number.POSITIVE_INFINITY;
  private sets = 0;

  async get(account: string): Promise<string | null> {
    return this.items.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    if (Buffer.byteLength(value, 'utf8') > MAX_ITEM_BYTES) throw new RangeError('item too large');
    this.sets += 1;
    if (this.failNextSets > 0 || this.sets > this.failAfterSets) {
      this.failNextSets = Math.max(0, this.failNextSets - 1);
      throw new KeychainError('keychain/unavailable', 'simulated keychain failure');
    }
    this.items.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.items.delete(account);
  }

  async listAccounts(): Promise<string[]> {
    return [...this.items.keys()];
  }

  async assertWritable(): Promise<void> {}
}
