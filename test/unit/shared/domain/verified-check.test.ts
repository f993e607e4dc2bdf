import { describe, expect, it } from 'vitest';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { profileNameFromInstance, UNNAMED_CONFIGURATION } from '../../../../shared/domain/instance-profile-name';
import { MAX_PROFILE_NAME } from '../../../../shared/domain/profile';
import {
  checkInputsOf,
  fingerprintOf,
  latestChecks,
  secretUsedBy,
  standingOf,
  withCheck,
  type VerifiedCheck,
  type VerifiedCheckKind,
} from '../../../../shared/domain/verified-check';

const TENANT = '8b1f6a2c-0f3e-4d8a-9b7c-1e2d3f4a5b6c';
const CLIENT = '0d7a3c55-3b1e-4f7e-8c2a-6b9d1e4f2a80';

function draft(patch: { selfDeployed?: Partial<ProfileDraft['selfDeployed']>; mailbox?: Partial<ProfileDraft['mailbox']> } = {}): ProfileDraft {
  const d = emptyDraft();
  return {
    ...d,
    method: 'self-deployed',
    selfDeployed: { ...d.selfDeployed, tenant: 'contoso.example', resolvedTenantId: TENANT, clientId: CLIENT, ...patch.selfDeployed },
    mailbox: { ...d.mailbox, mailboxToFetch: 'soc@contoso.example', folderToFetch: 'Inbox/Phishing', ...patch.mailbox },
  };
}

function passed(kind: VerifiedCheckKind, d: ProfileDraft, secretVersion: string | null = null, passedAt = '2026-12-01T10:00:00.000Z'): VerifiedCheck {
  return { kind, passedAt, fingerprint: fingerprintOf(kind, checkInputsOf(kind, d)), secretVersion };
}

describe('verified checks', () => {
  it('a check is current while the values it verified are unchanged', () => {
    const d = draft();
    for (const kind of ['credential', 'admin-consent', 'sign-in'] as const) expect(standingOf(passed(kind, d), d, {}).stale).toBe(false);
  });

  it('normalizes what Entra ID compares case-insensitively: GUID and mailbox case or spaces do not make a check stale', () => {
    const d = draft();
    const same = draft({ selfDeployed: { clientId: ` ${CLIENT.toUpperCase()} ` }, mailbox: { mailboxToFetch: 'SOC@Contoso.Example ' } });
    expect(standingOf(passed('sign-in', d), same, {}).stale).toBe(false);
    expect(standingOf(passed('credential', d), same, {}).stale).toBe(false);
  });

  it.each([
    ['client ID', { selfDeployed: { clientId: '11111111-2222-3333-4444-555555555555' } }, ['credential', 'admin-consent', 'sign-in']],
    ['tenant', { selfDeployed: { resolvedTenantId: '99999999-2222-3333-4444-555555555555' } }, ['credential', 'admin-consent', 'sign-in']],
    ['mailbox', { mailbox: { mailboxToFetch: 'other@contoso.example' } }, ['sign-in']],
    ['folder', { mailbox: { folderToFetch: 'Inbox' } }, ['sign-in']],
    ['credential kind', { selfDeployed: { credentialKind: 'certificate' as const } }, ['credential']],
    ['instance name', { mailbox: { instanceName: 'Other instance' } }, []],
  ])('changing the %s makes exactly the checks that verified it stale', (_what, patch, staleKinds) => {
    const before = draft();
    const after = draft(patch);
    for (const kind of ['credential', 'admin-consent', 'sign-in'] as const) {
      const standing = standingOf(passed(kind, before), after, {});
      expect(standing.stale, kind).toBe((staleKinds as readonly string[]).includes(kind));
      if (standing.stale) expect(standing.reason).toMatch(/changed/);
    }
  });

  it('a check that used a secret is stale once that secret was replaced or removed', () => {
    const d = draft();
    const check = passed('credential', d, 'v1');
    expect(standingOf(check, d, { 'self-deployed.client-secret': 'v1' }).stale).toBe(false);
    const replaced = standingOf(check, d, { 'self-deployed.client-secret': 'v2' });
    expect(replaced).toMatchObject({ stale: true, reason: expect.stringMatching(/credential was replaced/) });
    expect(standingOf(check, d, {}).stale).toBe(true);
    // Admin consent uses no secret: replacing the secret leaves it current.
    expect(standingOf(passed('admin-consent', d), d, { 'self-deployed.client-secret': 'v2' }).stale).toBe(false);
  });

  it('names the secret each check uses', () => {
    const d = draft();
    expect(secretUsedBy('credential', checkInputsOf('credential', d))).toBe('self-deployed.client-secret');
    const cert = draft({ selfDeployed: { credentialKind: 'certificate' } });
    expect(secretUsedBy('credential', checkInputsOf('credential', cert))).toBe('self-deployed.private-key');
    expect(secretUsedBy('admin-consent', checkInputsOf('admin-consent', d))).toBeNull();
    expect(secretUsedBy('sign-in', checkInputsOf('sign-in', d))).toBeNull();
    expect(secretUsedBy('sign-in', { ...checkInputsOf('sign-in', d), credentialKind: 'secret' }, true)).toBe('self-deployed.client-secret');
  });

  it('keeps the newest check of each kind', () => {
    const d = draft();
    const old = passed('admin-consent', d, null, '2026-12-01T09:00:00.000Z');
    const newer = passed('admin-consent', d, null, '2026-12-01T11:00:00.000Z');
    const cred = passed('credential', d);
    expect(withCheck([old, cred], newer)).toEqual([cred, newer]);
    expect(latestChecks([newer, old, cred]).map((c) => [c.kind, c.passedAt])).toEqual([
      ['credential', cred.passedAt],
      ['admin-consent', newer.passedAt],
    ]);
  });

  it('a fingerprint reveals nothing readable and differs between kinds', () => {
    const d = draft();
    const f = fingerprintOf('sign-in', checkInputsOf('sign-in', d));
    expect(f).toMatch(/^[0-9a-f]{14}$/);
    expect(f).not.toBe(fingerprintOf('admin-consent', checkInputsOf('admin-consent', d)));
  });
});

describe('profile name from the instance name', () => {
  it('trims, removes control characters, cuts to the limit and falls back when empty', () => {
    expect(profileNameFromInstance('  Graph Mail SOC  ')).toBe('Graph Mail SOC');
    expect(profileNameFromInstance('Graph\tMail\u0007SOC')).toBe('Graph Mail SOC');
    expect(profileNameFromInstance('x'.repeat(200))).toHaveLength(MAX_PROFILE_NAME);
    expect(profileNameFromInstance('   ')).toBe(UNNAMED_CONFIGURATION);
  });
});
