import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../main/app/app-services';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { SystemClock } from '../../../main/adapters/system-clock';
import type { BrowserOpener } from '../../../main/ports/browser-opener';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import type { SelfDeployedDraft } from '../../../shared/domain/self-deployed-draft';
import { DEFAULT_BOOTSTRAP_CLIENT_ID } from '../../../shared/entra/entra-constants';
import type { Profile } from '../../../shared/domain/profile';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { AppSpec, TenantSpec, UserSpec } from '../../idp/platform-model';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog } from '../../host/test-ports';
import { endpointsOf } from '../signin/signin-fixture';
import { freshKeytarStore } from '../support/private-keyring';

/** A tenant where users may not register apps (so a non-administrator is refused), and its people. */
export const ENTRA_TENANT: TenantSpec = { id: '5e7a1c2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c', displayName: 'Fabrikam', domains: ['fabrikam.example'], usersCanRegisterApps: false };
export const ETID = ENTRA_TENANT.id;
export const ADA = { upn: 'ada@fabrikam.example', password: 'Ada-Admin-Passw0rd!' } as const;
export const ADA2 = { upn: 'grace@fabrikam.example', password: 'Grace-Admin-Passw0rd!' } as const;
export const MAILBOX = { upn: 'soc@fabrikam.example', password: 'Soc-Mailbox-Passw0rd!' } as const;
export const NOBODY = { upn: 'nora@fabrikam.example', password: 'Nora-User-Passw0rd!' } as const;

export const ENTRA_USERS: readonly UserSpec[] = [
  { tenantId: ETID, upn: ADA.upn, password: ADA.password, displayName: 'Ada Admin', isAdmin: true },
  { tenantId: ETID, upn: ADA2.upn, password: ADA2.password, displayName: 'Grace Admin', roles: ['Cloud Application Administrator'] },
  { tenantId: ETID, upn: MAILBOX.upn, password: MAILBOX.password, displayName: 'SOC Mailbox' },
  { tenantId: ETID, upn: NOBODY.upn, password: NOBODY.password, displayName: 'Nora Nobody' },
];

/** Microsoft Graph Command Line Tools as it appears in a tenant: a public client administrators sign in with. */
export const BOOTSTRAP_APP: AppSpec = {
  tenantId: ETID,
  clientId: DEFAULT_BOOTSTRAP_CLIENT_ID,
  displayName: 'Microsoft Graph Command Line Tools',
  publicRedirectUris: ['http://localhost'],
  delegatedPermissions: ['Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'User.ReadBasic.All'],
};

/** Replication retries in tests: the policy's shape, milliseconds instead of seconds. */
export const TEST_BACKOFF_MS = [50, 100, 200, 400, 800];

/** The app's services against the platform, with a real keychain store and a fresh data folder. */
export async function entraAppServices(idp: IdentityPlatform, opener: BrowserOpener): Promise<AppServices> {
  const dir = await mkdtemp(join(tmpdir(), 'gma-entra-'));
  return createAppServices({
    fs: new NodeFileSystem(),
    saveDialog: new FolderSaveDialog(join(dir, 'exports')),
    openDialog: new PresetOpenDialog(),
    browserOpener: opener,
    productName: 'GMA',
    version: '0.0.0-test',
    secretStore: freshKeytarStore(),
    clipboard: new RecordingClipboard(),
    dataDir: join(dir, 'data'),
    clock: new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: endpointsOf(idp),
    authTimeouts: { interactiveMs: 30_000 },
    entraBackoffMs: TEST_BACKOFF_MS,
  });
}

/** A self-deployed profile with tenant, mailbox and XSOAR redirect URI filled in. */
export async function selfDeployedProfile(services: AppServices, name: string, redirectUri: string, block: Partial<SelfDeployedDraft> = {}): Promise<Profile> {
  const created = await services.profiles.create(name, 'self-deployed');
  if (!created.ok) throw new Error(created.error.message);
  const draft = emptyDraft();
  const saved = await services.profiles.saveDraft(created.value.id, {
    ...draft,
    method: 'self-deployed',
    mailbox: { ...draft.mailbox, mailboxToFetch: MAILBOX.upn },
    selfDeployed: { ...draft.selfDeployed, tenant: 'fabrikam.example', redirectUri, ...block },
  }, 'self-deployed-app');
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

/** The profile as stored now. */
export async function reload(services: AppServices, id: string): Promise<Profile> {
  const listing = await services.profiles.list();
  if (!listing.ok) throw new Error(listing.error.message);
  const found = listing.value.profiles.find((p) => p.id === id);
  if (!found) throw new Error('profile gone');
  return found;
}

/** The writes (POST/PATCH/DELETE) in a Graph log slice. */
export function writesIn(log: readonly { method: string; path: string; status: number }[]): string[] {
  return log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path.split('?')[0]} ${e.status}`);
}
