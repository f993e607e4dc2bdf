import type { Directory, DirectoryApp } from './directory';

/** What oidc-provider stores for one artefact (code, token, session, interaction, grant …). */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

interface Entry {
  payload: Payload;
  expiresAt: number | undefined;
}

/**
 * oidc-provider client metadata for an app registration. Client authentication is Entra's job here (the token
 * guard checks secrets and certificate assertions and then removes them), so oidc-provider sees every client as
 * `none`; native when the app has a Mobile-and-desktop redirect, so the loopback port is ignored.
 */
export function clientMetadataFor(app: DirectoryApp): Record<string, unknown> {
  const redirectUris = [...app.webRedirectUris, ...app.publicRedirectUris];
  // An app with no redirect URI can still use client credentials (the non-interactive credential check).
  return {
    client_id: app.clientId,
    client_name: app.displayName,
    application_type: app.publicRedirectUris.length ? 'native' : 'web',
    token_endpoint_auth_method: 'none',
    redirect_uris: redirectUris,
    grant_types: redirectUris.length ? ['authorization_code', 'refresh_token', 'client_credentials'] : ['client_credentials'],
    response_types: redirectUris.length ? ['code'] : [],
  };
}

/** Builds oidc-provider's adapter class: clients from the directory, everything else in memory. */
export function createAdapterClass(directory: Directory, tenantId: string): new (name: string) => object {
  const stores = new Map<string, Map<string, Entry>>();
  const storeFor = (name: string): Map<string, Entry> => {
    const found = stores.get(name);
    if (found) return found;
    const created = new Map<string, Entry>();
    stores.set(name, created);
    return created;
  };
  const live = (entry: Entry | undefined): Payload | undefined =>
    entry && (entry.expiresAt === undefined || entry.expiresAt > Date.now()) ? entry.payload : undefined;

  return class MemoryAdapter {
    private readonly name: string;
    private readonly store: Map<string, Entry>;

    constructor(name: string) {
      this.name = name;
      this.store = storeFor(name);
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      this.store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.name === 'Client') {
        const app = directory.findApp(tenantId, id);
        return app ? clientMetadataFor(app) : undefined;
      }
      return live(this.store.get(id));
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      return [...this.store.values()].map(live).find((p) => p?.uid === uid);
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return [...this.store.values()].map(live).find((p) => p?.userCode === userCode);
    }

    async consume(id: string): Promise<void> {
      const entry = this.store.get(id);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      this.store.delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [id, entry] of this.store) if (entry.payload.grantId === grantId) this.store.delete(id);
    }
  };
}
