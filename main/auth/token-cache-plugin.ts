import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { SecretField } from '../../shared/domain/secret-field';
import type { SecretVault } from '../secrets/secret-vault';

const SCOPE = { kind: 'app' } as const;

/**
 * Persists msal-node's serialized token cache in the keychain, through the
 * vault (the cache easily exceeds one keychain item, hence the chunking).
 *
 * Writes only when MSAL reports a change and the serialized text differs
 * from what is stored, so a silent token lookup costs one keychain read and
 * no write. Deserializes only when the stored text differs from what MSAL
 * already holds.
 */
export class TokenCachePlugin implements ICachePlugin {
  private lastKnown: string | null = null;

  constructor(
    private readonly vault: SecretVault,
    /** Which app-wide item holds this cache (the mailbox sign-ins' or the administrator's). */
    private readonly field: typeof SecretField.MsalTokenCache | typeof SecretField.MsalAdminTokenCache = SecretField.MsalTokenCache,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const stored = await this.vault.get(SCOPE, this.field);
    if (stored === null || stored === this.lastKnown) return;
    context.tokenCache.deserialize(stored);
    this.lastKnown = stored;
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const serialized = context.tokenCache.serialize();
    if (serialized === this.lastKnown) return;
    // If this write fails, MSAL keeps the tokens in memory and the next
    // change tries again; the previous stored cache stays readable.
    await this.vault.set(SCOPE, this.field, serialized);
    this.lastKnown = serialized;
  }
}
