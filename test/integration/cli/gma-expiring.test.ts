import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import type { AppServices } from '../../../main/app/app-services';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import { emptySelfDeployedDraft } from '../../../shared/domain/self-deployed-draft';
import { generateSelfSignedCertificate } from '../../../main/certs/self-signed-generator';
import { SecretField, type ProfileSecretField } from '../../../shared/domain/secret-field';
import { keychainAppServices } from '../support/keychain-app-services';
import { requirePrivateKeyring } from '../support/private-keyring';
import { runGma, type GmaRun } from '../support/run-gma';

// Issue 15: `gma profiles list --expiring DAYS` lists only the profiles with a credential ending within DAYS and exits
// 3 when there is any, 0 when none; bad DAYS exits 2. The built gma runs as a child process on the real keychain.

const DAY = 86_400_000;
const inDays = (d: number): string => new Date(Date.now() + d * DAY).toISOString();

let dir: string;
let prefix: string;

function gma(dataDir: string, args: readonly string[]): Promise<GmaRun> {
  return runGma(args, { GMA_DATA_DIR: dataDir, GMA_KEYCHAIN_PREFIX: prefix });
}

function services(dataDir: string): AppServices {
  return keychainAppServices({ dataDir, exportsDir: join(dir, 'exports'), secretStore: new KeytarSecretStore(keychainServiceName(prefix)) });
}

async function seed(app: AppServices, name: string, draft: ProfileDraft, secrets: ReadonlyArray<readonly [ProfileSecretField, string]>): Promise<string> {
  const created = await app.profiles.create(name, draft.method);
  if (!created.ok) throw new Error(created.error.message);
  const r = await app.secrets.setMany(created.value.id, secrets);
  if (!r.ok) throw new Error(r.error.message);
  await app.profiles.saveDraft(created.value.id, { ...draft, mailbox: { ...draft.mailbox, instanceName: name, mailboxToFetch: 'soc@contoso.example' } }, 'review');
  return created.value.id;
}

const SECRET = 'Qx8~abcDEFghiJKLmnoPQRstuVWXyz0123456789';
const sd = (credentialKind: 'secret' | 'certificate', certificate: ProfileDraft['selfDeployed']['certificate'] = null): ProfileDraft => ({
  ...emptyDraft(),
  method: 'self-deployed',
  selfDeployed: { ...emptySelfDeployedDraft(), tenant: 'contoso.example', clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d', credentialKind, certificate },
});

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'gma-expiring-'));
  prefix = `expiring-${randomBytes(4).toString('hex')}`;
  const app = services(join(dir, 'mixed'));
  // A client secret whose end was read from Entra ID: 12 days left.
  const soon = await seed(app, 'Secret soon', sd('secret'), [[SecretField.SelfDeployedClientSecret, SECRET]]);
  const recorded = await app.profiles.recordCredentialEnd(soon, { credential: 'client-secret', endsAt: inDays(12.5), source: 'entra', keyId: '6b7c8d9e-0000-4000-8000-000000000001' });
  if (!recorded.ok) throw new Error(recorded.error.message);
  // A certificate that ends in 200 days (the certificate's own end).
  const generated = await generateSelfSignedCertificate({ commonName: 'gma-expiring', validityDays: 200, keySize: 2048, now: new Date() });
  if (!generated.ok) throw new Error(generated.error.message);
  const info = generated.value.info;
  await seed(app, 'Certificate later', sd('certificate', { sha1Thumbprint: info.sha1Thumbprint, sha256Thumbprint: info.sha256Thumbprint, subject: 'CN=gma-expiring', notAfter: inDays(200), certificatePem: generated.value.certificatePem }), [
    [SecretField.SelfDeployedPrivateKey, generated.value.privateKeyPem],
  ]);
  // A client secret dated by hand, already past.
  const past = await seed(app, 'Secret past', sd('secret'), [[SecretField.SelfDeployedClientSecret, SECRET]]);
  const pastDate = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
  const updated = await app.profiles.updateDetails(past, '', pastDate);
  if (!updated.ok) throw new Error(updated.error.message);
  // Nothing dated at all.
  await seed(app, 'Undated', sd('secret'), [[SecretField.SelfDeployedClientSecret, SECRET]]);

  await seed(services(join(dir, 'calm')), 'Certificate calm', sd('certificate', { sha1Thumbprint: info.sha1Thumbprint, sha256Thumbprint: info.sha256Thumbprint, subject: 'CN=gma-expiring', notAfter: inDays(200), certificatePem: generated.value.certificatePem }), [
    [SecretField.SelfDeployedPrivateKey, generated.value.privateKeyPem],
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const names = (r: GmaRun): string[] => r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0] ?? '');

describe('gma profiles list --expiring DAYS (child process, real keychain)', () => {
  it('lists only the profiles with a credential ending within DAYS, with the credential and its end, and exits 3', async () => {
    const r = await gma(join(dir, 'mixed'), ['profiles', 'list', '--expiring', '30']);
    expect(r.code).toBe(3);
    expect(names(r).toSorted()).toEqual(['Secret past', 'Secret soon']);
    const soon = r.stdout.split('\n').find((l) => l.startsWith('Secret soon\t')) ?? '';
    expect(soon).toContain(`client-secret ends ${inDays(12.5).slice(0, 10)} (12 days left, from Entra ID)`);
    const past = r.stdout.split('\n').find((l) => l.startsWith('Secret past\t')) ?? '';
    expect(past).toMatch(/client-secret ends \d{4}-\d{2}-\d{2} \(ended [34] days ago, entered by hand\)/);
    expect(r.stderr).toContain('2 profiles have credentials ending within 30 days');
  });

  it('a wider window takes in the certificate; a narrower one only what has ended', async () => {
    const wide = await gma(join(dir, 'mixed'), ['profiles', 'list', '--expiring', '365']);
    expect(wide.code).toBe(3);
    expect(names(wide).toSorted()).toEqual(['Certificate later', 'Secret past', 'Secret soon']);
    expect(wide.stdout).toContain('certificate ends');
    expect(wide.stdout).toContain('from the certificate');
    const none = await gma(join(dir, 'mixed'), ['profiles', 'list', '--expiring', '0']);
    expect(none.code).toBe(3);
    expect(names(none)).toEqual(['Secret past']);
  });

  it('exits 0 and lists nothing when no credential ends within DAYS', async () => {
    const r = await gma(join(dir, 'calm'), ['profiles', 'list', '--expiring', '30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no credential ends within 30 days');
  });

  it('without --expiring every profile is listed as before, exit 0', async () => {
    const r = await gma(join(dir, 'mixed'), ['profiles', 'list']);
    expect(r.code).toBe(0);
    expect(names(r).toSorted()).toEqual(['Certificate later', 'Secret past', 'Secret soon', 'Undated']);
  });

  it.each([
    [['profiles', 'list', '--expiring', 'soon'], 'whole number of days'],
    [['profiles', 'list', '--expiring=-5'], 'whole number of days'],
    [['profiles', 'list', '--expiring', '-5'], 'argument is ambiguous'],
    [['profiles', 'list', '--expiring', '2.5'], 'whole number of days'],
    [['profiles', 'list', '--expiring', '4000'], 'at most 3650'],
    [['profiles', 'list', '--expiring'], 'argument missing'],
    [['export', 'Undated', '--format', 'params', '--expiring', '3'], '--expiring goes with "gma profiles list"'],
  ])('bad DAYS or misplaced flag %j exits 2', async (args, message) => {
    const r = await gma(join(dir, 'mixed'), args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
