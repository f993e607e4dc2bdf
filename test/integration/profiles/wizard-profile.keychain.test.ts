import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { ProfileStore, PROFILES_FILE } from '../../../main/profiles/profile-store';
import { ProfilesService } from '../../../main/services/profiles-service';
import { SecretsService } from '../../../main/services/secrets-service';
import { SecretVault } from '../../../main/secrets/secret-vault';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import { MAX_PROFILE_NAME, type Profile } from '../../../shared/domain/profile';
import { SecretField } from '../../../shared/domain/secret-field';
import { checkInputsOf, standingOf } from '../../../shared/domain/verified-check';
import { FakeClock } from '../../fakes/fake-clock';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { value } from '../support/result-value';

beforeAll(() => {
  requirePrivateKeyring();
});

let dir: string;
let vault: SecretVault;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-wizard-profile-'));
  vault = new SecretVault(freshKeytarStore());
});
afterEach(async () => {
  await vault.deleteAll();
  await rm(dir, { recursive: true, force: true });
});

function services(clock = new FakeClock()) {
  const store = new ProfileStore(new NodeFileSystem(), dir, clock);
  return { profiles: new ProfilesService(store, vault, clock), secrets: new SecretsService(store, vault, new RecordingClipboard(), clock), clock };
}

function withInstance(draft: ProfileDraft, instanceName: string): ProfileDraft {
  return { ...draft, mailbox: { ...draft.mailbox, instanceName } };
}

const selfDeployed: ProfileDraft = {
  ...emptyDraft(),
  method: 'self-deployed',
  selfDeployed: { ...emptyDraft().selfDeployed, tenant: '8b1f6a2c-0f3e-4d8a-9b7c-1e2d3f4a5b6c', clientId: '0d7a3c55-3b1e-4f7e-8c2a-6b9d1e4f2a80' },
  mailbox: { ...emptyDraft().mailbox, mailboxToFetch: 'soc@contoso.example' },
};

  /** A profile as schema 1 wrote it. */
const schemaOneProfile = (id: string, name: string, instanceName: string): Record<string, unknown> => ({
    id,
    name,
    draft: withInstance(emptyDraft(), instanceName),
    secretFields: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    notes: '',
    secretExpiresAt: null,
    resumeStep: 'mailbox',
  });

describe('the wizard profile in the services (real keychain)', () => {
  it('a configuration becomes a profile named after its instance; the name follows until the analyst renames it', async () => {
    const { profiles } = services();
    const created = value(await profiles.createFromDraft({ ...emptyDraft(), method: 'managed-identity' }, 'method'));
    expect(created).toMatchObject({ name: 'Microsoft Graph Mail Single User_instance_1', nameSetByUser: false, resumeStep: 'method', verifiedChecks: [], secretVersions: {} });
    const followed = value(await profiles.saveDraft(created.id, withInstance(created.draft, '  Graph Mail SOC '), 'mailbox'));
    expect(followed.name).toBe('Graph Mail SOC');
    // An instance name longer than a profile name may be is cut, never stored invalid.
    const long = value(await profiles.saveDraft(created.id, withInstance(created.draft, `SOC ${'x'.repeat(190)}`), 'mailbox'));
    expect(long.name).toHaveLength(MAX_PROFILE_NAME);
    expect(value(await services().profiles.list()).profiles[0]?.name).toBe(long.name);
    const renamed = value(await profiles.rename(created.id, 'My lab'));
    expect(renamed.nameSetByUser).toBe(true);
    expect(value(await profiles.saveDraft(created.id, withInstance(created.draft, 'Graph Mail Prod'), 'review')).name).toBe('My lab');
    // A profile named on the Profiles screen keeps its name too.
    const named = value(await profiles.create('Named by hand', 'managed-identity'));
    expect(value(await profiles.saveDraft(named.id, withInstance(named.draft, 'Something else'), 'mailbox')).name).toBe('Named by hand');
  });

  it('a name derived from the instance name is made distinct from the other profiles; a name the analyst set is kept as is', async () => {
    const { profiles } = services();
    const first = value(await profiles.createFromDraft(withInstance({ ...emptyDraft(), method: 'managed-identity' }, 'SOC Prod'), 'mailbox'));
    const second = value(await profiles.createFromDraft(withInstance({ ...emptyDraft(), method: 'xsoar-app' }, 'soc prod'), 'mailbox'));
    expect([first.name, second.name]).toEqual(['SOC Prod', 'soc prod (2)']);
    // Autosaves keep each name stable (a profile is not its own namesake) …
    expect(value(await profiles.saveDraft(first.id, first.draft, 'review')).name).toBe('SOC Prod');
    expect(value(await profiles.saveDraft(second.id, second.draft, 'review')).name).toBe('soc prod (2)');
    // … a third run following the same instance takes the next free number, also when it gets there by autosave …
    const third = value(await profiles.createFromDraft({ ...emptyDraft(), method: 'self-deployed' }, 'method'));
    expect(value(await profiles.saveDraft(third.id, withInstance(third.draft, 'SOC Prod'), 'mailbox')).name).toBe('SOC Prod (3)');
    // … and a name cut to the limit stays within it with its number.
    const long = `SOC ${'x'.repeat(190)}`;
    const longOne = value(await profiles.createFromDraft(withInstance(emptyDraft(), long), 'mailbox'));
    const longTwo = value(await profiles.createFromDraft(withInstance(emptyDraft(), long), 'mailbox'));
    expect(longOne.name).toHaveLength(MAX_PROFILE_NAME);
    expect(longTwo.name).toHaveLength(MAX_PROFILE_NAME);
    expect(longTwo.name.endsWith(' (2)')).toBe(true);
    // Names the analyst chose are never changed, even when they repeat one.
    const byHand = value(await profiles.create('SOC Prod', 'managed-identity'));
    expect(byHand.name).toBe('SOC Prod');
    expect(value(await profiles.rename(second.id, 'SOC Prod')).name).toBe('SOC Prod');
    expect(value(await profiles.saveDraft(second.id, withInstance(second.draft, 'Other'), 'review')).name).toBe('SOC Prod');
    // Another process's store (gma) sees the same names: they were decided on the file, not on a cache.
    const names = value(await services().profiles.list()).profiles.map((p) => p.name);
    expect(names.filter((n) => n === 'SOC Prod (3)')).toHaveLength(1);
  });

  it('records a passed check by fingerprint and secret version; replacing the secret makes it stale; nothing secret is written', async () => {
    const { profiles, secrets, clock } = services();
    const p = value(await profiles.createFromDraft(selfDeployed, 'self-deployed-credential'));
    const secret = `check-secret-${Date.now()}-abcdefghijklmnopqrstuvwxyz`;
    value(await secrets.set(p.id, SecretField.SelfDeployedClientSecret, secret));
    const withSecret = value(await profiles.get(p.id));
    const v1 = withSecret.secretVersions[SecretField.SelfDeployedClientSecret];
    expect(v1).toMatch(/^[0-9a-f-]{36}$/);

    clock.advance(60_000);
    const recorded = value(await profiles.recordCheck(p.id, 'credential', checkInputsOf('credential', selfDeployed)));
    const check = recorded.verifiedChecks[0];
    expect(check).toMatchObject({ kind: 'credential', passedAt: '2026-11-26T10:01:00.000Z', secretVersion: v1 });
    if (check === undefined) throw new Error('no check');
    expect(standingOf(check, recorded.draft, recorded.secretVersions).stale).toBe(false);
    value(await profiles.recordCheck(p.id, 'admin-consent', checkInputsOf('admin-consent', selfDeployed)));

    // A new value of the secret gets a new version: the credential check no longer covers it, consent still does.
    value(await secrets.set(p.id, SecretField.SelfDeployedClientSecret, `${secret}-2`));
    const after = value(await services().profiles.get(p.id));
    expect(after.secretVersions[SecretField.SelfDeployedClientSecret]).not.toBe(v1);
    const standings = after.verifiedChecks.map((c) => [c.kind, standingOf(c, after.draft, after.secretVersions).stale]);
    expect(standings).toEqual([
      ['credential', true],
      ['admin-consent', false],
    ]);
    // Deleting the secret drops its version.
    value(await secrets.delete(p.id, SecretField.SelfDeployedClientSecret));
    expect(value(await profiles.get(p.id)).secretVersions).toEqual({});
    const file = await readFile(join(dir, PROFILES_FILE), 'utf8');
    expect(file).not.toContain(secret);
  });

  it('a duplicate keeps the copied secrets\' versions but no checks, and is named by hand', async () => {
    const { profiles, secrets } = services();
    const p = value(await profiles.createFromDraft(selfDeployed, 'review'));
    value(await secrets.set(p.id, SecretField.SelfDeployedClientSecret, 'dup-secret-abcdefghijklmnopqrstuvwxyz-0123'));
    value(await profiles.recordCheck(p.id, 'admin-consent', checkInputsOf('admin-consent', selfDeployed)));
    const source = value(await profiles.get(p.id));
    const copy = value(await profiles.duplicate(p.id));
    expect(copy).toMatchObject({ nameSetByUser: true, verifiedChecks: [], secretVersions: source.secretVersions });
  });

  it('a schema-1 file loads: a name equal to the instance name follows it, any other was chosen', async () => {
    await writeFile(
      join(dir, PROFILES_FILE),
      JSON.stringify({ schemaVersion: 1, profiles: [schemaOneProfile('1b2c3d4e-0000-4000-8000-000000000001', 'SOC Prod', 'SOC Prod'), schemaOneProfile('1b2c3d4e-0000-4000-8000-000000000002', 'My name', 'Instance B')] }),
    );
    const listing = value(await services().profiles.list());
    expect(listing.notices[0]).toContain('upgraded from schema 1 to 3');
    expect(listing.profiles.map((p: Profile) => [p.name, p.nameSetByUser, p.verifiedChecks, p.secretVersions])).toEqual([
      ['SOC Prod', false, [], {}],
      ['My name', true, [], {}],
    ]);
  });
});
