import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCliServices } from '../../../main/cli/cli-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { type AppServices } from '../../../main/app/app-services';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import { emptySelfDeployedDraft } from '../../../shared/domain/self-deployed-draft';
import { generateSelfSignedCertificate } from '../../../main/certs/self-signed-generator';
import { SecretField, type ProfileSecretField } from '../../../shared/domain/secret-field';
import { expectFirstTry } from '../../support/first-try-checklist';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { requirePrivateKeyring } from '../support/private-keyring';
import { runGma, type GmaRun } from '../support/run-gma';
import { keychainAppServices } from '../support/keychain-app-services';

const PASSPHRASE = 'amber quartz meadow signal 93';
const oproxy = fakeOproxyValues();

let dir: string;
let CERT: { privateKeyPem: string; certificatePem: string; sha1: string; sha256: string };
let env: Record<string, string>;

type Run = GmaRun;

/** Runs the built `gma` as a child process against the real keychain. */
function gma(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return runGma(args, { ...env, ...extraEnv });
}

function mailbox(d: ProfileDraft, instanceName: string): ProfileDraft {
  return { ...d, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'soc@contoso.example', folderToFetch: 'Inbox/Phishing' } };
}

/** Seeds profiles the way the app does: the app's services on the CLI's data folder and keychain. */
async function seed(app: AppServices, name: string, draft: ProfileDraft, secrets: ReadonlyArray<readonly [ProfileSecretField, string]> = []): Promise<void> {
  const created = await app.profiles.create(name, draft.method);
  if (!created.ok) throw new Error(created.error.message);
  if (secrets.length > 0) {
    const r = await app.secrets.setMany(created.value.id, secrets);
    if (!r.ok) throw new Error(r.error.message);
  }
  await app.profiles.saveDraft(created.value.id, draft, 'review');
}

beforeAll(async () => {
  requirePrivateKeyring();
  const generated = await generateSelfSignedCertificate({ commonName: 'gma-cli-test', validityDays: 365, keySize: 2048, now: new Date() });
  if (!generated.ok) throw new Error(generated.error.message);
  CERT = { privateKeyPem: generated.value.privateKeyPem, certificatePem: generated.value.certificatePem, sha1: generated.value.info.sha1Thumbprint, sha256: generated.value.info.sha256Thumbprint };
  dir = await mkdtemp(join(tmpdir(), 'gma-cli-'));
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `cli-test-${randomBytes(4).toString('hex')}` };
  const app = keychainAppServices({ dataDir: env['GMA_DATA_DIR']!, exportsDir: join(dir, 'exports'), secretStore: new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'])) });
  const d = emptyDraft();
  await seed(app, 'MI system', mailbox({ ...d, method: AuthMethod.ManagedIdentity }, 'MI system'));
  await seed(app, 'MI user', mailbox({ ...d, method: AuthMethod.ManagedIdentity, managedIdentity: { kind: 'user-assigned', clientId: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10' } }, 'MI user'));
  const selfDeployed = (credentialKind: 'secret' | 'certificate') => ({
    ...emptySelfDeployedDraft(),
    tenant: 'contoso.example',
    resolvedTenantId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d',
    credentialKind,
    certificate: credentialKind === 'certificate' ? { sha1Thumbprint: CERT.sha1, sha256Thumbprint: CERT.sha256, subject: 'CN=gma-cli-test', notAfter: '2027-11-26', certificatePem: CERT.certificatePem } : null,
    authCodeObtainedAt: new Date().toISOString(),
  });
  await seed(app, 'SD secret', mailbox({ ...d, method: AuthMethod.SelfDeployed, selfDeployed: selfDeployed('secret') }, 'SD secret'), [
    [SecretField.SelfDeployedClientSecret, 'Qx8~abcDEFghiJKLmnoPQRstuVWXyz0123456789'],
    [SecretField.SelfDeployedAuthCode, `0.AXkA${randomBytes(40).toString('base64url')}`],
  ]);
  await seed(app, 'SD certificate', mailbox({ ...d, method: AuthMethod.SelfDeployed, selfDeployed: selfDeployed('certificate') }, 'SD certificate'), [
    [SecretField.SelfDeployedPrivateKey, CERT.privateKeyPem],
    [SecretField.SelfDeployedAuthCode, `0.AXkA${randomBytes(40).toString('base64url')}`],
  ]);
  await seed(app, 'XSOAR app', mailbox({ ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '' } }, 'XSOAR app'), [
    [SecretField.XsoarAppToken, oproxy.token],
    [SecretField.XsoarAppKey, oproxy.key],
  ]);
});
afterAll(async () => {
  // A fresh instance reads what the child processes wrote.
  if (env !== undefined) await createCliServices(env, 'test').profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

describe('gma (built, child process, real keychain)', () => {
  it('lists the profiles with instance name, method and mailbox in columns', async () => {
    const r = await gma(['profiles', 'list']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
    expect(rows.map((c) => c[0])).toEqual(['MI system', 'MI user', 'SD secret', 'SD certificate', 'XSOAR app']);
    expect(rows[4]?.slice(1, 5)).toEqual(['XSOAR app', 'xsoar-app', 'soc@contoso.example', '2 secret(s)']);
    expect(rows[0]?.slice(1, 4)).toEqual(['MI system', 'managed-identity', 'soc@contoso.example']);
    expect(rows.every((c) => c.length === 7)).toBe(true);
  });

  it.each(['MI system', 'MI user', 'SD secret', 'SD certificate', 'XSOAR app'])('exports %s as a REST body that passes the first-try checklist', async (name) => {
    const r = await gma(['export', name, '--format', 'rest', '--include-secrets']);
    expect(r.code).toBe(0);
    expectFirstTry(JSON.parse(r.stdout));
    expect(r.stderr).toContain('not written (use --out)');
  });

  it('leaves secrets out unless asked', async () => {
    const redacted = await gma(['export', 'XSOAR app', '--format', 'params']);
    expect(redacted.code).toBe(0);
    expect(redacted.stdout).not.toContain(oproxy.key);
    expect(redacted.stdout).toContain('stored in keychain');
    const included = await gma(['export', 'XSOAR app', '--format', 'params', '--include-secrets']);
    expect(JSON.parse(included.stdout).creds_enc_key.password).toBe(oproxy.key);
    expect(included.stderr).toContain('contains secrets');
  });

  it.each([
    ['params', ['XSOAR_app.params.json']],
    ['params-yaml', ['XSOAR_app.params.yaml']],
    ['rest', ['XSOAR_app.xsoar-instance.curl.sh', 'XSOAR_app.xsoar-instance.json']],
    ['terraform-xsoar', ['main.tf', 'terraform.tfvars.example']],
    ['terraform-cortex', ['main.tf', 'terraform.tfvars.example']],
    ['checklist-md', ['XSOAR_app.checklist.md']],
    ['checklist-html', ['XSOAR_app.checklist.html']],
  ])('writes %s with --out, companions beside it, mode 0600', async (format, files) => {
    const out = join(dir, `out-${format}`);
    const target = join(out, files.find((f) => !f.endsWith('.sh') && !f.endsWith('.example')) ?? files[0]!);
    await rm(out, { recursive: true, force: true });
    await import('node:fs/promises').then((m) => m.mkdir(out, { recursive: true }));
    const r = await gma(['export', 'XSOAR app', '--format', format, '--out', target]);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual([...files].sort());
    for (const f of files) expect((await stat(join(out, f))).mode & 0o777).toBe(0o600);
  });

  it('refuses Terraform for a user-assigned managed identity with the reason', async () => {
    const r = await gma(['export', 'MI user', '--format', 'terraform-xsoar']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('managed_identities_client_id');
  });

  it('moves a profile with its secrets through a bundle', async () => {
    const bundle = join(dir, 'xsoar.gma-bundle');
    const sealed = await gma(['export', 'XSOAR app', '--format', 'bundle', '--out', bundle], { GMA_BUNDLE_PASSPHRASE: PASSPHRASE });
    expect(sealed.code, sealed.stderr).toBe(0);
    const other = { GMA_DATA_DIR: join(dir, 'other-machine'), GMA_KEYCHAIN_PREFIX: `${env['GMA_KEYCHAIN_PREFIX']}-other` };
    const wrong = await gma(['import', bundle], { ...other, GMA_BUNDLE_PASSPHRASE: 'not the right passphrase' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('passphrase');
    const imported = await gma(['import', bundle], { ...other, GMA_BUNDLE_PASSPHRASE: PASSPHRASE });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported profile "XSOAR app"');
    const back = await gma(['export', 'XSOAR app', '--format', 'params', '--include-secrets'], other);
    expect(JSON.parse(back.stdout).creds_refresh_token.password).toBe(oproxy.token);
  }, 120_000);

  it('refuses to guess when a bundle matches an existing profile: exit 2 naming --replace and --as-new, then does either', async () => {
    // The machine that imported the bundle in the test above.
    const bundle = join(dir, 'xsoar.gma-bundle');
    const other = { GMA_DATA_DIR: join(dir, 'other-machine'), GMA_KEYCHAIN_PREFIX: `${env['GMA_KEYCHAIN_PREFIX']}-other` };
    // The same bundle again: the profile exists (same id), so gma refuses to guess.
    const withPass = { ...other, GMA_BUNDLE_PASSPHRASE: PASSPHRASE };
    const clash = await gma(['import', bundle], withPass);
    expect(clash.code).toBe(2);
    expect(clash.stdout).toBe('');
    expect(clash.stderr).toContain('--replace');
    expect(clash.stderr).toContain('--as-new');
    expect(clash.stderr).toContain('instance: XSOAR app');
    expect(clash.stderr).toContain('mailbox:  soc@contoso.example');
    const both = await gma(['import', bundle, '--as-new'], withPass);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toContain('imported profile "XSOAR app (2)"');
    const replaced = await gma(['import', bundle, '--replace'], withPass);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('replaced profile "XSOAR app"');
    const listed = await gma(['profiles', 'list'], other);
    expect(listed.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort()).toEqual(['XSOAR app', 'XSOAR app (2)']);
    // Every keychain item belongs to a listed profile: nothing was left behind by the replacement.
    const cli = createCliServices(other, 'test');
    expect(await cli.profiles.listOrphans()).toEqual({ ok: true, value: [] });
    await cli.profiles.forgetEverything();
  }, 180_000);

  it.each([
    [['import', 'x.json', '--replace', '--as-new'], 'Choose one'],
    [['export', 'XSOAR app', '--format', 'params', '--replace'], 'go with "gma import"'],
    [['profiles', 'list', '--as-new'], 'go with "gma import"'],
  ])('refuses misplaced import flags %j', async (args, message) => {
    const r = await gma(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('imports a flat parameter file', async () => {
    const file = join(dir, 'out-params', 'XSOAR_app.params.json');
    const other = { GMA_DATA_DIR: join(dir, 'third-machine'), GMA_KEYCHAIN_PREFIX: `${env['GMA_KEYCHAIN_PREFIX']}-third` };
    const r = await gma(['import', file], other);
    expect(r.code, r.stderr).toBe(0);
    // Exported without secrets: the import says what is still to enter.
    expect(r.stderr).toContain('still to enter');
    expect(JSON.parse(await readFile(join(other.GMA_DATA_DIR, 'profiles.json'), 'utf8')).profiles[0].name).toBe('XSOAR_app');
    await createCliServices(other, 'test').profiles.forgetEverything();
  });

  it.each([
    [['export', 'XSOAR app'], '--format is required'],
    [['export', 'XSOAR app', '--format', 'pdf'], 'Unknown format "pdf"'],
    [['export', 'nobody', '--format', 'params'], 'No profile "nobody"'],
    [['export', 'XSOAR app', '--format', 'bundle'], 'name a file with --out'],
    [['profiles'], 'gma profiles list'],
    [['import'], 'exactly one file'],
    [['import', '/nonexistent/file.json'], 'does not exist'],
    [['--bogus'], 'Unknown option'],
    [[], 'No command given'],
  ])('exits 2 on bad input %j', async (args, message) => {
    const r = await gma(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('prints help', async () => {
    const r = await gma(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gma export <profile> --format <format>');
  });
});
