import { randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { createCliServices } from '../../../main/cli/cli-services';
import { generateSelfSignedCertificate } from '../../../main/certs/self-signed-generator';
import { registerHandlers } from '../../../main/ipc/register-handlers';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../shared/domain/profile-draft';
import { SecretField, type ProfileSecretField } from '../../../shared/domain/secret-field';
import { emptySelfDeployedDraft } from '../../../shared/domain/self-deployed-draft';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { requirePrivateKeyring } from '../support/private-keyring';
import { runGma, type GmaRun } from '../support/run-gma';
import { keychainAppServices } from '../support/keychain-app-services';

// The canary test of issue 11: every method's secrets are canaries (random,
// realistic in shape); the app's services and the built `gma` then do what a
// user does — store, list, export without secrets, import files that carry
// secrets, get refused with secrets in the wrong places, copy and print
// diagnostics. Afterwards the log, the data folder, every stdout/stderr, the
// clipboard report, the export folder and the temp folders are searched for
// every canary: zero hits. (The keychain holds them, as it should; the files
// we import from hold them by design and are the only place excluded.)
const tag = randomBytes(6).toString('hex');
const b64url = (n: number): string => randomBytes(n).toString('base64url').replace(/[-_]/g, 'Z');

let root: string;
let app: AppServices;
let env: Record<string, string>;
const clipboard = new RecordingClipboard();
const outputs: string[] = [];
let canaries: Record<string, string>;
let pem: string;

const cred = (password: string) => ({ credential: '', identifier: '', password, passwordChanged: false });
const dirs = () => ({ data: join(root, 'data'), tmp: join(root, 'tmp'), out: join(root, 'out'), inputs: join(root, 'inputs') });

async function gma(args: readonly string[], extra: Record<string, string> = {}): Promise<GmaRun> {
  const run = await runGma(args, { ...env, ...extra });
  outputs.push(run.stdout, run.stderr);
  return run;
}

function withMailbox(d: ProfileDraft, instanceName: string): ProfileDraft {
  return { ...d, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'soc@contoso.example', folderToFetch: 'Inbox' } };
}

async function seed(name: string, draft: ProfileDraft, secrets: ReadonlyArray<readonly [ProfileSecretField, string]>): Promise<string> {
  const created = await app.profiles.create(name, draft.method);
  if (!created.ok) throw new Error(created.error.message);
  if (secrets.length > 0) {
    const stored = await app.secrets.setMany(created.value.id, secrets);
    if (!stored.ok) throw new Error(stored.error.message);
  }
  await app.profiles.saveDraft(created.value.id, draft, 'review');
  return created.value.id;
}

/** Every file under `dir` (no symlinks followed, huge files and dependency trees skipped). */
async function filesUnder(dir: string, skip: readonly string[], found: string[] = []): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (skip.some((s) => path === s) || name === 'node_modules' || name === '.git') continue;
    try {
      const info = await lstat(path);
      if (info.isDirectory()) await filesUnder(path, skip, found);
      else if (info.isFile() && info.size < 20_000_000) found.push(path);
    } catch {
      // Another process's temporary file vanished meanwhile.
    }
  }
  return found;
}

function hitsIn(text: string | Buffer, where: string): string[] {
  const body = typeof text === 'string' ? text : text.toString('latin1');
  return Object.entries(canaries).filter(([, c]) => body.includes(c)).map(([kind]) => `${kind} in ${where}`);
}

beforeAll(async () => {
  requirePrivateKeyring();
  root = await mkdtemp(join(tmpdir(), 'gma-canary-'));
  for (const d of Object.values(dirs())) await mkdir(d, { recursive: true });
  const cert = await generateSelfSignedCertificate({ commonName: 'canary', validityDays: 30, keySize: 2048, now: new Date() });
  if (!cert.ok) throw new Error(cert.error.message);
  pem = cert.value.privateKeyPem;
  canaries = {
    'oproxy Token': `0.AXkA-CANARY${tag}${b64url(120)}`,
    'oproxy Key': randomBytes(32).toString('base64'),
    'client secret': `Cn8Q~CANARY${tag}${b64url(18)}`.slice(0, 40),
    'authorization code': `0.AVYA-CANARYcode${tag}${b64url(60)}`,
    'bundle passphrase': `canary passphrase ${tag} violet orbit`,
    // Any one line of the key's body identifies it.
    'private key (line 2)': pem.split('\n')[2]!,
    'private key (line 10)': pem.split('\n')[10]!,
  };
  env = { GMA_DATA_DIR: dirs().data, GMA_KEYCHAIN_PREFIX: `canary-${tag}`, TMPDIR: dirs().tmp, GMA_BUNDLE_PASSPHRASE: canaries['bundle passphrase']! };
  app = keychainAppServices({ dataDir: dirs().data, exportsDir: dirs().out, secretStore: new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'])), clipboard, version: 'canary' });
  const d = emptyDraft();
  const selfDeployed = (credentialKind: 'secret' | 'certificate') => ({
    ...emptySelfDeployedDraft(),
    tenant: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    resolvedTenantId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    clientId: '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d',
    credentialKind,
    certificate: credentialKind === 'certificate' ? { sha1Thumbprint: cert.value.info.sha1Thumbprint, sha256Thumbprint: cert.value.info.sha256Thumbprint, subject: 'CN=canary', notAfter: '2027-01-01', certificatePem: cert.value.certificatePem } : null,
    authCodeObtainedAt: new Date().toISOString(),
  });
  await seed('MI', withMailbox({ ...d, method: AuthMethod.ManagedIdentity }, 'MI'), []);
  await seed('XSOAR app', withMailbox({ ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: '6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10', boundInstanceName: '' } }, 'XSOAR app'), [
    [SecretField.XsoarAppToken, canaries['oproxy Token']!],
    [SecretField.XsoarAppKey, canaries['oproxy Key']!],
  ]);
  await seed('SD secret', withMailbox({ ...d, method: AuthMethod.SelfDeployed, selfDeployed: selfDeployed('secret') }, 'SD secret'), [
    [SecretField.SelfDeployedClientSecret, canaries['client secret']!],
    [SecretField.SelfDeployedAuthCode, canaries['authorization code']!],
  ]);
  await seed('SD certificate', withMailbox({ ...d, method: AuthMethod.SelfDeployed, selfDeployed: selfDeployed('certificate') }, 'SD certificate'), [
    [SecretField.SelfDeployedPrivateKey, pem],
    [SecretField.SelfDeployedAuthCode, canaries['authorization code']!],
  ]);
});

afterAll(async () => {
  if (env !== undefined) await createCliServices(env, 'test').profiles.forgetEverything();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('canary secrets never leave the keychain unasked', () => {
  it('every method: list, export without secrets, import with secrets, refusals, diagnostics — zero hits', async () => {
    const profiles = ['MI', 'XSOAR app', 'SD secret', 'SD certificate'];
    expect((await gma(['profiles', 'list'])).code).toBe(0);
    for (const p of profiles) {
      for (const format of ['rest', 'checklist-html']) {
        const r = await gma(['export', p, '--format', format]);
        expect(r.code === 0 || /terraform/.test(format)).toBe(true);
      }
      expect((await gma(['export', p, '--format', 'rest', '--out', join(dirs().out, `${p}.json`)])).code).toBe(0);
      // With secrets, into the inputs folder only (the user asked for them there), then imported back by gma.
      // Bundles (scrypt at the production cost) for the two methods with the most secrets.
      for (const format of p === 'XSOAR app' || p === 'SD certificate' ? (['params', 'bundle'] as const) : (['params'] as const)) {
        const file = join(dirs().inputs, `${p.replace(/ /g, '_')}-${format}.${format === 'bundle' ? 'gma-bundle' : 'params.json'}`);
        const exported = await gma(['export', p, '--format', format, '--include-secrets', '--out', file]);
        expect(exported.code).toBe(0);
        // The profile may already be here (a clash by id or instance name): keep both.
        const imported = await gma(['import', file, '--as-new']);
        expect(imported.code).toBe(0);
        // A wrong passphrase: refused, nothing echoed.
        if (format === 'bundle' && p === 'XSOAR app') expect((await gma(['import', file, '--as-new'], { GMA_BUNDLE_PASSPHRASE: 'not the passphrase at all 42' })).code).toBe(2);
      }
    }
    // Secrets in the wrong places: a Token read as a tenant, a client secret as a mailbox, an unknown YAML tag, bad bytes.
    const misread = join(dirs().inputs, 'misread.params.json');
    await writeFile(misread, JSON.stringify({ mailbox_to_fetch: canaries['client secret'], folder_to_fetch: 'Inbox', self_deployed: true, creds_auth_id: cred('6f1c1f4e-52a8-4d0a-9a51-2b7d3c9e8f10'), creds_refresh_token: cred(canaries['oproxy Token']!), creds_enc_key: cred(canaries['oproxy Key']!), redirect_uri: canaries['authorization code'], creds_auth_code: cred(canaries['authorization code']!) }));
    expect((await gma(['import', misread])).code).toBe(2);
    const tagged = join(dirs().inputs, 'tagged.params.yaml');
    await writeFile(tagged, `mailbox_to_fetch: soc@contoso.example\ncreds_refresh_token: {credential: "", identifier: "", password: !x "${canaries['oproxy Token']}", passwordChanged: false}\n`);
    expect((await gma(['import', tagged])).code).toBe(2);
    const badBytes = join(dirs().inputs, 'bad.params.json');
    await writeFile(badBytes, Buffer.concat([Buffer.from(`{"creds_enc_key": {"credential": "", "identifier": "", "password": "${canaries['client secret']}`), Buffer.from([0xff]), Buffer.from('", "passwordChanged": false}}')]));
    expect((await gma(['import', badBytes])).code).toBe(2);

    // The app's IPC with canaries in bad requests and refused values (the handler registry logs these).
    const registry = registerHandlers(app, { warn: (m) => app.log.log('warn', 'ipc', m) });
    const listed = await app.profiles.list();
    const id = listed.ok ? listed.value.profiles[0]!.id : '';
    await registry.invoke('secrets:set', { profileId: id, field: 'oproxy-key', value: `${canaries['oproxy Token']} not a key` });
    await registry.invoke('secrets:set', { profileId: id, field: 'no-such-field', value: canaries['client secret'] });
    await registry.invoke('auth:paste-code', { attemptId: '00000000-0000-4000-8000-000000000000', profileId: id, pasted: `https://localhost/?code=${canaries['authorization code']}&state=x` });
    app.log.log('error', 'test', `a library error quoting ${canaries['oproxy Token']}`, { refreshToken: canaries['oproxy Token'], body: `client_secret=${canaries['client secret']}&code=${canaries['authorization code']}` });

    // Diagnostics: the app's "Copy diagnostics" and `gma diagnostics`.
    const copied = await registry.invoke('diagnostics:copy', {});
    expect(copied.ok).toBe(true);
    outputs.push(...clipboard.writes);
    const diag = await gma(['diagnostics']);
    expect(diag.code).toBe(0);
    expect(diag.stdout).toMatch(/Keychain: .* available/);
    expect(diag.stdout).toMatch(/gma import exited 2/);

    // The search.
    const hits: string[] = [];
    outputs.forEach((o, i) => hits.push(...hitsIn(o, `output #${i}`)));
    const searched = [...new Set([...(await filesUnder(dirs().data, [])), ...(await filesUnder(dirs().out, [])), ...(await filesUnder(dirs().tmp, [])), ...(await filesUnder(tmpdir(), [dirs().inputs])) ])];
    expect(searched.some((f) => f.endsWith(join('logs', 'gma.log')))).toBe(true);
    for (const f of searched) {
      try {
        hits.push(...hitsIn(await readFile(f), f));
      } catch {
        // Vanished or unreadable (another user's or process's file).
      }
    }
    expect(hits).toEqual([]);
    // About forty runs of the built gma (each a fresh Node process, a keychain session and scrypt for bundles).
  }, 600_000);
});
