import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { SecretField } from '../../../shared/domain/secret-field';
import { launchBrowserUser, type BrowserUser, type Credentials } from '../../idp/browser-user';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { newClientId } from '../idp/fixture';
import { endpointsOf } from '../signin/signin-fixture';
import { ADA, BOOTSTRAP_APP, ENTRA_TENANT, ENTRA_USERS, ETID, NOBODY, reload, selfDeployedProfile } from '../entra/entra-fixture';
import { keychainAppServices } from '../support/keychain-app-services';
import { requirePrivateKeyring } from '../support/private-keyring';
import { GMA, type GmaRun } from '../support/run-gma';

let idp: IdentityPlatform;
let browser: BrowserUser;
let dir: string;
let env: Record<string, string>;

/**
 * Runs the built `gma` as a child process. When it prints the sign-in address, the browser user signs in as
 * `admin` (the CLI is told not to start a browser itself).
 */
function gma(args: readonly string[], admin: Credentials | null = null): Promise<GmaRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [GMA, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let played: Promise<unknown> = Promise.resolve();
    let signingIn = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      const url = /open this address: (\S+)/.exec(stderr)?.[1];
      if (url && admin && !signingIn) {
        signingIn = true;
        played = browser.play(url, { user: admin, consent: 'accept' }).catch(() => undefined);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      void played.then(() => done({ code: code ?? 1, stdout, stderr }));
    });
  });
}

/**
 * The app's services on the CLI's data folder and keychain, made afresh for every use: the profile store caches the
 * file, and the child process changes it between uses.
 */
function app(): AppServices {
  return keychainAppServices({
    dataDir: env['GMA_DATA_DIR']!,
    exportsDir: join(dir, 'exports'),
    secretStore: new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'])),
    endpoints: endpointsOf(idp),
  });
}

beforeAll(async () => {
  requirePrivateKeyring();
  idp = await startIdentityPlatform({ tenants: [ENTRA_TENANT], users: ENTRA_USERS, apps: [BOOTSTRAP_APP] });
  browser = await launchBrowserUser(idp.caCertPath);
  dir = await mkdtemp(join(tmpdir(), 'gma-entra-cli-'));
  env = {
    GMA_DATA_DIR: join(dir, 'data'),
    GMA_KEYCHAIN_PREFIX: `entra-cli-${randomBytes(4).toString('hex')}`,
    GMA_IDENTITY_ENDPOINTS: JSON.stringify(endpointsOf(idp)),
    GMA_NO_BROWSER: '1',
  };
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
});

describe('gma entra (child process)', () => {
  it('create: exit 0, the registration exists, the secret is in the keychain; check afterwards: exit 0, nothing written', async () => {
    const profile = await selfDeployedProfile(app(), 'CLI app', 'http://localhost:8765/xsoar-callback');
    const created = await gma(['entra', 'create', 'CLI app', '--secret-days', '90'], ADA);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain('Application.ReadWrite.All: to create the app registration');
    expect(created.stderr).toContain('MailboxSettings.ReadWrite: to read and change mailbox settings');
    const clientId = /^client-id\t(\S+)$/m.exec(created.stdout)?.[1] ?? '';
    expect(idp.application(ETID, clientId)?.web.redirectUris).toEqual(['http://localhost:8765/xsoar-callback']);
    expect(created.stdout).toMatch(/^wrote\tCreated /m);
    const saved = await reload(app(), profile.id);
    expect(saved.draft.selfDeployed.clientId).toBe(clientId);
    const secret = await app().secrets.reveal(profile.id, SecretField.SelfDeployedClientSecret);
    expect(secret.ok && secret.value.value).toBe(idp.application(ETID, clientId)?.passwordCredentials[0]?.secretText);
    expect(created.stdout + created.stderr).not.toContain(secret.ok ? secret.value.value : 'x');

    idp.settleGraphReplication();
    const checked = await gma(['entra', 'check', 'CLI app'], ADA);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('wrote\tnothing');
    expect(checked.stdout).toMatch(/^✓ consent\t/m);
  });

  it('check of a broken registration exits 1 and names the problems; repair exits 0', async () => {
    const clientId = newClientId();
    idp.registerApp({ tenantId: ETID, clientId, displayName: 'Broken CLI', publicRedirectUris: ['http://localhost', 'https://xsoar.example/cb'], secrets: ['Cli8Q~cli-broken-secret-value-0123456789'], delegatedPermissions: ['Mail.ReadWrite'] });
    const profile = await selfDeployedProfile(app(), 'Broken CLI', 'https://xsoar.example/cb', { clientId });
    await app().secrets.set(profile.id, SecretField.SelfDeployedClientSecret, 'Cli8Q~cli-broken-secret-value-0123456789');
    const checked = await gma(['entra', 'check', 'Broken CLI'], ADA);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^✗ web-redirect\t.*AADSTS700025/m);
    expect(checked.stdout).toMatch(/^✗ consent\t/m);
    expect(checked.stderr).toContain('gma entra repair Broken CLI');
    const repaired = await gma(['entra', 'repair', 'Broken CLI'], ADA);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(idp.application(ETID, clientId)?.web.redirectUris).toEqual(['https://xsoar.example/cb']);
  });

  it('bad input exits 2 before any sign-in', async () => {
    expect((await gma(['entra', 'create'])).code).toBe(2);
    expect((await gma(['entra', 'launch', 'x'])).code).toBe(2);
    const consent = await gma(['entra', 'create', 'CLI app', '--consent', 'everyone']);
    expect(consent).toMatchObject({ code: 2, stderr: expect.stringContaining('--consent is "tenant" or "mailbox-user"') });
    expect((await gma(['entra', 'create', 'CLI app', '--secret-days', '9999'])).code).toBe(2);
    expect((await gma(['entra', 'check', 'No such profile'])).code).toBe(2);
    const bootstrap = await gma(['entra', 'create', 'CLI app', '--bootstrap-client-id', 'not-a-guid']);
    expect(bootstrap).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a GUID') });
    expect((await gma(['entra', '--help'])).stdout).toContain('gma entra create|check|repair PROFILE');
  });

  it('a non-administrator: exit 1 with the directory roles that would allow it', async () => {
    await selfDeployedProfile(app(), 'Nora', 'https://xsoar.example/cb');
    const run = await gma(['entra', 'create', 'Nora'], NOBODY);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Not allowed to register applications (HTTP 403 Authorization_RequestDenied)');
    expect(run.stderr).toContain('Application Developer, Application Administrator, Cloud Application Administrator');
  });
});
