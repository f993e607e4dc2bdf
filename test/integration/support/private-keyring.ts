import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { MAX_ITEM_BYTES, type SecretStore } from '../../../main/ports/secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';

const run = promisify(execFile);

/**
 * Fails (never skips) outside the test runner's private keychain session,
 * so a keychain test can never pass by not running, nor touch a real
 * user's keyring.
 */
export function requirePrivateKeyring(): void {
  if (process.env['GMA_PRIVATE_KEYRING'] !== '1') {
    throw new Error('Keychain tests run only inside the private gnome-keyring session: use `npm test` or `bash test/keyring/with-keyring.sh npx vitest …`.');
  }
}

/** A real keytar store under a service name no other test uses. */
export function freshKeytarStore(): KeytarSecretStore {
  return new KeytarSecretStore(keychainServiceName(`it-${randomBytes(5).toString('hex')}`));
}

/**
 * Wraps a store and checks every write at the boundary: records each
 * item's size and fails the test's write if one exceeds the limit. Can be
 * told to fail the n-th write from now, like a keychain that gives up
 * half-way through a save.
 */
export class CheckedStore implements SecretStore {
  readonly writeSizes: number[] = [];
  private failAt: number | null = null;

  constructor(readonly inner: SecretStore) {}

  /** Makes the `n`-th write from now (1-based) reject. */
  failWrite(n: number): void {
    this.failAt = this.writeSizes.length + n;
  }

  get(account: string) {
    return this.inner.get(account);
  }

  async set(account: string, value: string): Promise<void> {
    const size = Buffer.byteLength(value, 'utf8');
    this.writeSizes.push(size);
    if (size > MAX_ITEM_BYTES) throw new Error(`write of ${size} bytes crossed the adapter boundary`);
    if (this.failAt === this.writeSizes.length) {
      this.failAt = null;
      throw new Error('simulated failure half-way through a save');
    }
    return this.inner.set(account, value);
  }

  delete(account: string) {
    return this.inner.delete(account);
  }

  listAccounts() {
    return this.inner.listAccounts();
  }

  assertWritable() {
    return this.inner.assertWritable();
  }
}

/** The account attributes `secret-tool` sees under `service`. */
export async function secretToolAccounts(service: string): Promise<string[]> {
  const { stderr } = await run('secret-tool', ['search', '--all', 'service', service], { timeout: 20_000 });
  return [...stderr.matchAll(/^attribute\.account = (.*)$/gm)].map((m) => m[1] ?? '').sort();
}

/** One item's value as `secret-tool` reads it, or `null`. */
export async function secretToolLookup(service: string, account: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', account], { timeout: 20_000 });
    return stdout;
  } catch {
    return null;
  }
}

/**
 * A string of exactly `bytes` UTF-8 bytes mixing ASCII with 2-, 3- and
 * 4-byte characters, deterministic per seed.
 */
export function secretOfBytes(bytes: number, seed = 7): string {
  const wide = ['é', '€', '🔑', 'ß', '中'];
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let out = '';
  let size = 0;
  while (size < bytes) {
    const left = bytes - size;
    const pick = rand() < 0.1 ? wide[Math.floor(rand() * wide.length)]! : String.fromCharCode(33 + Math.floor(rand() * 94));
    const len = Buffer.byteLength(pick, 'utf8');
    const ch = len <= left ? pick : 'x';
    out += ch;
    size += Buffer.byteLength(ch, 'utf8');
  }
  return out;
}
