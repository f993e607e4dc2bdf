import type { AppSpec, TenantSpec, UserSpec } from '../../idp/platform-model';

/** The test tenant (Contoso), its verified domain, and its users. */
export const TENANT: TenantSpec = { id: '8b1f3e2a-5c4d-4e6f-9a7b-1c2d3e4f5a6b', displayName: 'Contoso', domains: ['contoso.example'] };
export const TID = TENANT.id;

export const ALICE = { upn: 'alice@contoso.example', password: 'Alice-Passw0rd!' } as const;
export const ADMIN = { upn: 'admin@contoso.example', password: 'Admin-Passw0rd!' } as const;
export const BOB = { upn: 'bob@contoso.example', password: 'Bob-Passw0rd!' } as const;

export const USERS: readonly UserSpec[] = [
  { tenantId: TID, upn: ALICE.upn, password: ALICE.password, displayName: 'Alice Analyst' },
  { tenantId: TID, upn: ADMIN.upn, password: ADMIN.password, displayName: 'Ada Admin', isAdmin: true },
  { tenantId: TID, upn: BOB.upn, password: BOB.password, displayName: 'Bob Builder' },
];

/** Delegated permissions of the XSOAR Graph Mail Single User integration. */
export const MAIL_PERMISSIONS = ['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite'] as const;
export const GRAPH = 'https://graph.microsoft.com';
export const MAIL_SCOPES = MAIL_PERMISSIONS.map((p) => `${GRAPH}/${p}`);

let counter = 0;
/** A fresh client id per test, so registrations never collide. */
export function newClientId(): string {
  counter += 1;
  return `0000${counter.toString(16).padStart(4, '0')}-aaaa-4bbb-8ccc-${Date.now().toString(16).padStart(12, '0').slice(-12)}`;
}

/** A desktop (public) app registration with a Mobile-and-desktop `http://localhost` redirect. */
export function publicApp(overrides: Partial<AppSpec> = {}): AppSpec {
  return { tenantId: TID, clientId: newClientId(), displayName: 'Graph Mail Auth Assistant', publicRedirectUris: ['http://localhost'], delegatedPermissions: [...MAIL_PERMISSIONS], ...overrides };
}

/** Interactive-flow time limit: every browser wait inside is bounded as well. */
export const INTERACTIVE_TIMEOUT_MS = 30_000;
