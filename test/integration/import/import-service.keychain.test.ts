import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import { ImportService } from '../../../main/services/import-service';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import type { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { emptySelfDeployedDraft } from '../../../shared/domain/self-deployed-draft';
import { generateSelfSignedCertificate } from '../../../main/certs/self-signed-generator';
import { SecretField } from '../../../shared/domain/secret-field';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { keychainAppServices } from '../support/keychain-app-services';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';

const PASSPHRASE = 'violet harbor granite lantern 42';
const oproxy = fakeOproxyValues();

let dir: string;
let store: KeytarSecretStore;
let services: AppServices;

beforeAll(() => {
  requirePrivateKeyring();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-import-'));
  store = freshKeytarStore();
  services = keychainAppServices({ dataDir: join(dir, 'data'), exportsDir: join(dir, 'exports'), secretStore: store, version: '0.0.0-test' });
});
afterEach(async () => {
  await services.profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

/** A profile with XSOAR-app values in the real keychain, exported in `format`. */
async function exported(format: 'params' | 'rest' | 'params-yaml' | 'bundle', includeSecrets = true): Promise<string> {
  const created = await services.profiles.create('SOC Prod', AuthMethod.XsoarApp);
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  await services.secrets.setMany(id, [[SecretField.XsoarAppToken, oproxy.token], [SecretField.XsoarAppKey, oproxy.key]]);
  const d = emptyDraft();
  const draft = { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' }, mailbox: { ...d.mailbox, instanceName: 'Graph Mail SOC', mailboxToFetch: 'soc@contoso.example' } };
  await services.profiles.saveDraft(id, draft, 'review');
  const r = await services.exportBuilder.build({ draft, profileId: id, format, includeSecrets, passphrase: PASSPHRASE, confirmRebind: false });
  if (!r.ok) throw new Error(r.error.message);
  const file = r.value.files[0]!;
  const path = join(dir, file.fileName);
  await writeFile(path, file.data);
  return path;
}

/** The value of a finished import; fails the test on an error or a clash. */
function done(r: Awaited<ReturnType<AppServices['imports']['importFile']>>) {
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.status !== 'imported') throw new Error(`expected an import, got ${r.value.status}`);
  return r.value;
}

async function keychainAccounts(): Promise<string[]> {
  return (await store.listAccounts()).sort();
}

describe('ImportService against the real keychain', () => {
  it.each(['params', 'rest', 'params-yaml', 'bundle'] as const)('imports %s into a profile whose secrets land in the keychain', async (format) => {
    const path = await exported(format);
    await services.profiles.forgetEverything();
    const r = done(await services.imports.importFile(path, format === 'bundle' ? PASSPHRASE : undefined));
    const profile = r.profile;
    // Flat parameters carry no instance name: it comes from the file name.
    expect(profile.name).toBe({ bundle: 'SOC Prod', rest: 'Graph Mail SOC', params: 'Graph_Mail_SOC', 'params-yaml': 'Graph_Mail_SOC' }[format]);
    expect(profile.draft.method).toBe(AuthMethod.XsoarApp);
    expect(profile.draft.xsoarApp.id).toBe(oproxy.id);
    expect(profile.draft.mailbox.mailboxToFetch).toBe('soc@contoso.example');
    expect([...profile.secretFields].sort()).toEqual([SecretField.XsoarAppKey, SecretField.XsoarAppToken]);
    expect(await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
    expect(await services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.XsoarAppToken)).toBe(oproxy.token);
    expect(r.missingSecrets).toEqual([]);
  });

  it('round trip: export → import → export gives the same file', async () => {
    for (const format of ['params', 'rest', 'params-yaml'] as const) {
      const path = await exported(format);
      const first = await readFile(path, 'utf8');
      await services.profiles.forgetEverything();
      const r = done(await services.imports.importFile(path));
      const again = await services.exportBuilder.build({ draft: r.profile.draft, profileId: r.profile.id, format, includeSecrets: true, confirmRebind: false });
      expect(again.ok && again.value.files[0]?.data).toBe(first);
      await services.profiles.forgetEverything();
    }
  });

  it('moves a self-deployed certificate profile through a bundle: the REST export is the same afterwards', async () => {
    const cert = await generateSelfSignedCertificate({ commonName: 'gma-import-test', validityDays: 90, keySize: 2048, now: new Date() });
    if (!cert.ok) throw new Error(cert.error.message);
    const created = await services.profiles.create('SD cert', AuthMethod.SelfDeployed);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await services.secrets.setMany(id, [[SecretField.SelfDeployedPrivateKey, cert.value.privateKeyPem], [SecretField.SelfDeployedAuthCode, '0.AXkAone-time-code']]);
    const d = emptyDraft();
    const draft = {
      ...d,
      method: AuthMethod.SelfDeployed,
      selfDeployed: {
        ...emptySelfDeployedDraft(),
        tenant: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
        resolvedTenantId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
        clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d',
        credentialKind: 'certificate' as const,
        certificate: { sha1Thumbprint: cert.value.info.sha1Thumbprint, sha256Thumbprint: cert.value.info.sha256Thumbprint, subject: 'CN=gma-import-test', notAfter: '2027-01-01', certificatePem: cert.value.certificatePem },
        authCodeObtainedAt: new Date().toISOString(),
      },
      mailbox: { ...d.mailbox, instanceName: 'SD cert', mailboxToFetch: 'soc@contoso.example' },
    };
    await services.profiles.saveDraft(id, draft, 'review');
    const rest = await services.exportBuilder.build({ draft, profileId: id, format: 'rest', includeSecrets: true, confirmRebind: false });
    const bundle = await services.exportBuilder.build({ draft, profileId: id, format: 'bundle', includeSecrets: true, passphrase: PASSPHRASE, confirmRebind: false });
    if (!rest.ok || !bundle.ok) throw new Error('export failed');
    const path = join(dir, 'sd.gma-bundle');
    await writeFile(path, bundle.value.files[0]!.data);
    await services.profiles.forgetEverything();
    const imported = done(await services.imports.importFile(path, PASSPHRASE));
    expect(imported.warnings.some((w) => w.includes('single-use'))).toBe(true);
    const again = await services.exportBuilder.build({ draft: imported.profile.draft, profileId: imported.profile.id, format: 'rest', includeSecrets: true, confirmRebind: false });
    expect(again.ok && again.value.files[0]?.data).toBe(rest.value.files[0]?.data);
  });

  it('never deletes what an interrupted import of an older version left behind: it gets a plain name once clearly stale', async () => {
    const path = await exported('params');
    await services.profiles.forgetEverything();
    const leftover = await services.profiles.create('Old (importing abc123)', AuthMethod.XsoarApp);
    if (!leftover.ok) throw new Error('setup failed');
    await services.secrets.set(leftover.value.id, SecretField.XsoarAppKey, oproxy.key);
    // Seen from now, a fresh staged profile is left alone.
    done(await services.imports.importFile(path));
    let names = await services.profiles.list();
    expect(names.ok && names.value.profiles.map((p) => p.name)).toEqual(['Old (importing abc123)', 'Graph_Mail_SOC']);
    // Seen from 11 minutes later it is stale: renamed, kept with its secret (it may be the only copy of a profile).
    const later = new ImportService(new NodeFileSystem(), services.profiles, () => new Date(Date.now() + 11 * 60_000));
    expect((await later.importFile(path, undefined, 'as-new')).ok).toBe(true);
    names = await services.profiles.list();
    expect(names.ok && names.value.profiles.map((p) => p.name)).toEqual(['Old (interrupted import)', 'Graph_Mail_SOC', 'Graph_Mail_SOC (2)']);
    expect(await services.vault.get({ kind: 'profile', profileId: leftover.value.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
  });

  it('lists the secrets a redacted file did not carry', async () => {
    const path = await exported('params', false);
    await services.profiles.forgetEverything();
    const r = done(await services.imports.importFile(path));
    expect(r.missingSecrets).toEqual([SecretField.XsoarAppToken, SecretField.XsoarAppKey]);
    expect(r.profile.secretFields).toEqual([]);
  });

  it('a bundle of a profile that exists asks (same id), and replaces it only when told to', async () => {
    const path = await exported('bundle');
    const before = await services.profiles.list();
    if (!before.ok) throw new Error('list failed');
    const original = before.value.profiles[0]!;
    const itemsBefore = await keychainAccounts();
    const asked = await services.imports.importFile(path, PASSPHRASE);
    expect(asked).toMatchObject({ ok: true, value: { status: 'clash', reason: 'same-id', existing: { id: original.id, name: 'SOC Prod', instanceName: 'Graph Mail SOC', mailbox: 'soc@contoso.example', method: AuthMethod.XsoarApp }, incoming: { id: original.id, name: 'SOC Prod', instanceName: 'Graph Mail SOC' } } });
    expect(asked.ok && asked.value.status === 'clash' && [...asked.value.incoming.secretFields].sort()).toEqual([SecretField.XsoarAppKey, SecretField.XsoarAppToken]);
    // Asking changed nothing.
    expect(await keychainAccounts()).toEqual(itemsBefore);
    const r = done(await services.imports.importFile(path, PASSPHRASE, 'replace'));
    expect(r.replaced).toBe(true);
    const after = await services.profiles.list();
    expect(after.ok && after.value.profiles.map((p) => p.name)).toEqual(['SOC Prod']);
    expect(after.ok && after.value.profiles[0]?.id).not.toBe(original.id);
    // The old profile's items are gone; the new one's are readable.
    expect((await keychainAccounts()).some((a) => a.includes(original.id))).toBe(false);
    expect(await services.vault.get({ kind: 'profile', profileId: r.profile.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
  });

  it('keeps both when told to: a new id and a distinct name, the existing profile untouched', async () => {
    const path = await exported('rest');
    const before = await services.profiles.list();
    if (!before.ok) throw new Error('list failed');
    const original = before.value.profiles[0]!;
    const asked = await services.imports.importFile(path);
    expect(asked).toMatchObject({ ok: true, value: { status: 'clash', reason: 'same-instance', existing: { id: original.id }, incoming: { id: null, name: 'Graph Mail SOC' } } });
    const r = done(await services.imports.importFile(path, undefined, 'as-new'));
    expect(r.replaced).toBe(false);
    expect(r.profile.id).not.toBe(original.id);
    const after = await services.profiles.list();
    expect(after.ok && after.value.profiles.map((p) => p.name)).toEqual(['SOC Prod', 'Graph Mail SOC']);
    expect(await services.vault.get({ kind: 'profile', profileId: original.id }, SecretField.XsoarAppKey)).toBe(oproxy.key);
    // A second keep-both gets a distinct name.
    const again = done(await services.imports.importFile(path, undefined, 'as-new'));
    expect(again.profile.name).toBe('Graph Mail SOC (2)');
    expect(again.warnings.join(' ')).toContain('already named "Graph Mail SOC"');
  });

  it('a bundle of an earlier version (no profile id) still imports', async () => {
    // Seal a payload without an id, as the earlier format did.
    const { sealBundle } = await import('../../../main/bundle/bundle-crypto');
    const { buildBundlePayload, serializeBundlePayload } = await import('../../../shared/export/bundle-payload');
    const path = await exported('params');
    const params = JSON.parse(await readFile(path, 'utf8'));
    const payload = buildBundlePayload({ profile: { name: 'Legacy', instanceName: 'Legacy instance' }, params, exportedAt: new Date().toISOString() });
    if (!payload.ok) throw new Error(payload.error.message);
    expect(serializeBundlePayload(payload.value)).not.toContain('"id"');
    const sealed = await sealBundle(payload.value, PASSPHRASE);
    if (!sealed.ok) throw new Error(sealed.error.message);
    const bundle = join(dir, 'legacy.gma-bundle');
    await writeFile(bundle, sealed.value);
    const r = done(await services.imports.importFile(bundle, PASSPHRASE));
    expect(r.profile.name).toBe('Legacy');
  });

  describe('refused bundles leave profiles and keychain untouched', () => {
    const corrupt: ReadonlyArray<readonly [string, (b: Buffer) => Buffer, string]> = [
      ['a wrong passphrase', (b) => b, ErrorCode.BundleWrongPassphrase],
      ['a flipped byte', (b) => Buffer.from(b.map((x, i) => (i === b.length - 20 ? x ^ 0x01 : x))), ErrorCode.BundleTampered],
      ['a truncated file', (b) => b.subarray(0, b.length - 30), ErrorCode.BundleTruncated],
      ['a newer version header', (b) => Buffer.from(b.map((x, i) => (i === 8 ? 9 : x))), ErrorCode.BundleUnsupportedVersion],
    ];
    it.each(corrupt)('%s', async (what, damage, code) => {
      const path = await exported('bundle');
      await writeFile(path, damage(await readFile(path)));
      const profilesBefore = await readFile(join(dir, 'data', 'profiles.json'), 'utf8');
      const itemsBefore = await keychainAccounts();
      const r = await services.imports.importFile(path, what === 'a wrong passphrase' ? 'another long passphrase 77' : PASSPHRASE);
      expect(r).toMatchObject({ ok: false, error: { code } });
      expect(await readFile(join(dir, 'data', 'profiles.json'), 'utf8')).toBe(profilesBefore);
      expect(await keychainAccounts()).toEqual(itemsBefore);
    });
  });

  it('refuses a settings file with a bad Key and imports nothing', async () => {
    const path = join(dir, 'bad.params.json');
    await writeFile(path, JSON.stringify({ creds_auth_id: { credential: '', identifier: '', password: oproxy.id, passwordChanged: false }, creds_refresh_token: { credential: '', identifier: '', password: oproxy.token, passwordChanged: false }, creds_enc_key: { credential: '', identifier: '', password: 'not-base64!', passwordChanged: false }, self_deployed: false }));
    const r = await services.imports.importFile(path);
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.ImportInvalid } });
    const list = await services.profiles.list();
    expect(list.ok && list.value.profiles).toEqual([]);
    expect(await keychainAccounts()).toEqual([]);
  });
});
