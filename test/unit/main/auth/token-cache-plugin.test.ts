import { describe, expect, it } from 'vitest';
import type { TokenCacheContext } from '@azure/msal-node';
import { TokenCachePlugin } from '../../../../main/auth/token-cache-plugin';
import { SecretVault } from '../../../../main/secrets/secret-vault';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';

/** Stands in for MSAL's cache: what a TokenCacheContext wraps. */
function context(state: { cache: string }, hasChanged: boolean): TokenCacheContext {
  const tokenCache = { serialize: () => state.cache, deserialize: (c: string) => (state.cache = c) };
  return { hasChanged, cache: tokenCache, cacheHasChanged: hasChanged, tokenCache } as unknown as TokenCacheContext;
}

describe('TokenCachePlugin', () => {
  it('persists the serialized cache through the vault only when it changed', async () => {
    const store = new InMemorySecretStore();
    let writes = 0;
    const realSet = store.set.bind(store);
    store.set = (a, v) => {
      writes += 1;
      return realSet(a, v);
    };
    const plugin = new TokenCachePlugin(new SecretVault(store));
    const big = JSON.stringify({ AccessToken: { k: 'x'.repeat(6000) } });
    const msal = { cache: '' };
    await plugin.beforeCacheAccess(context(msal, false));
    expect(msal.cache).toBe('');
    msal.cache = big;
    await plugin.afterCacheAccess(context(msal, true));
    const afterFirst = writes;
    expect(afterFirst).toBeGreaterThan(1); // chunked: larger than one item
    await plugin.afterCacheAccess(context(msal, false));
    await plugin.afterCacheAccess(context(msal, true)); // flagged, but identical text
    expect(writes).toBe(afterFirst);
    // A new app start (fresh plugin and MSAL cache) reads it back.
    const restarted = { cache: '' };
    await new TokenCachePlugin(new SecretVault(store)).beforeCacheAccess(context(restarted, false));
    expect(restarted.cache).toBe(big);
  });
});
