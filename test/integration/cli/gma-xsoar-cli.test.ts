import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../main/app/app-services';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { SystemClock } from '../../../main/adapters/system-clock';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { SecretField } from '../../../shared/domain/secret-field';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../host/test-ports';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { startIdentityPlatform, type IdentityPlatform } from '../../idp/identity-platform';
import { PLAYGROUND_ID, startXsoarWorld, type XsoarWorld } from '../../xsoar/xsoar-world';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { ALICE, TENANT, TID, USERS } from '../idp/fixture';
import { requirePrivateKeyring } from '../support/private-keyring';
import { draftFor } from '../xsoar/xsoar-harness';
import { runGma, type GmaRun } from '../support/run-gma';

const KEY6 = `k6-${randomBytes(16).toString('hex')}`;
const KEY8 = { id: '31', key: `adv-${randomBytes(24).toString('hex')}` };

let idp: IdentityPlatform;
let world: XsoarWorld;
let x6: XsoarServer;
let x8: XsoarServer;
let dir: string;
let env: Record<string, string>;
let app: AppServices;
let store: KeytarSecretStore;
let proxy: Server;
const tunnels: string[] = [];

type Run = GmaRun;

/** Runs the built `gma` as a child process against the real keychain. */
function gma(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return runGma(args, { ...env, ...extraEnv }, 90_000);
}

async function seedProfile(name: string, instance: string, key?: string): Promise<void> {
  const v = world.consent(TID);
  const created = await app.profiles.create(name, AuthMethod.XsoarApp);
  if (!created.ok) throw new Error(created.error.message);
  await app.secrets.setMany(created.value.id, [[SecretField.XsoarAppToken, v.token], [SecretField.XsoarAppKey, key ?? v.key]]);
  await app.profiles.saveDraft(created.value.id, draftFor(AuthMethod.XsoarApp, instance, ALICE.upn, { xsoarApp: { id: v.id, boundInstanceName: '' } }), 'review');
}

beforeAll(async () => {
  requirePrivateKeyring();
  idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
  world = await startXsoarWorld(idp, TID);
  x6 = await world.server('xsoar6', [{ id: '', key: KEY6, advanced: false, role: 'admin' }]);
  x8 = await world.server('xsoar8', [{ ...KEY8, advanced: true, role: 'admin' }]);
  dir = await mkdtemp(join(tmpdir(), 'gma-xsoar-cli-'));
  const prefix = `cli-${randomBytes(4).toString('hex')}`;
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: prefix, NO_PROXY: '', no_proxy: '', HTTPS_PROXY: '', https_proxy: '', HTTP_PROXY: '', http_proxy: '' };
  store = new KeytarSecretStore(keychainServiceName(prefix));
  app = createAppServices({
    fs: new NodeFileSystem(), clock: new SystemClock(), saveDialog: new FolderSaveDialog(join(dir, 'exports')), openDialog: new PresetOpenDialog(), browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA', version: '0.0.0-test', secretStore: store, clipboard: new RecordingClipboard(), dataDir: join(dir, 'data'), http: createNodeFetchClient(), endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
  });
  // A CONNECT proxy that records where it tunnels to (proves gma honours HTTPS_PROXY).
  proxy = createHttpServer();
  proxy.on('connect', (req, socket, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : (host ?? ''), () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await app?.vault.deleteAll();
  await world?.close();
  await idp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('gma xsoar as a child process', () => {
  it('connections add probes first: the browser address and a wrong key exit 2, nothing is saved', async () => {
    const browserUrl = await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.browserUrl], { GMA_XSOAR_API_KEY: KEY6 });
    expect(browserUrl.code).toBe(2);
    expect(browserUrl.stderr).toContain('browser address');
    const wrongKey = await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.url], { GMA_XSOAR_API_KEY: 'not-the-key' });
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toContain('401');
    expect(wrongKey.stderr).not.toContain('not-the-key');
    const noKey = await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.url]);
    expect(noKey.code).toBe(2);
    expect((await gma(['xsoar', 'connections', 'list'])).stdout).toBe('');
    expect((await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.url, '--bogus'])).code).toBe(2);
  });

  it('adds XSOAR 6 and XSOAR 8 (advanced key) connections; the key is only in the keychain', async () => {
    const a = await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.url], { GMA_XSOAR_API_KEY: KEY6 });
    expect(a).toMatchObject({ code: 0 });
    expect(a.stdout).toContain('Cortex XSOAR 6');
    const b = await gma(['xsoar', 'connections', 'add', 'saas', '--url', x8.url, '--key-id', KEY8.id, '--advanced-key'], { GMA_XSOAR_API_KEY: KEY8.key });
    expect(b.stdout).toContain('Cortex XSOAR 8');
    const list = await gma(['xsoar', 'connections', 'list']);
    expect(list.stdout).toContain('prod\t');
    expect(list.stdout).toContain(`key ID ${KEY8.id} (advanced)`);
    const file = await readFile(join(dir, 'data', 'xsoar-connections.json'), 'utf8');
    expect(file).not.toContain(KEY6);
    expect(file).not.toContain(KEY8.key);
    expect((await store.listAccounts()).filter((account) => account.startsWith('x/'))).toHaveLength(2);
    expect((await gma(['xsoar', 'connections', 'add', 'prod', '--url', x6.url], { GMA_XSOAR_API_KEY: KEY6 })).code).toBe(2);
  });

  it('send --test creates and proves the instance; a second send updates and prints the diff', async () => {
    await seedProfile('SOC', 'GMA CLI SOC');
    const sent = await gma(['xsoar', 'send', 'SOC', '--connection', 'prod', '--test']);
    expect(sent.stderr).toBe('');
    expect(sent).toMatchObject({ code: 0 });
    expect(sent.stdout).toContain('created instance "GMA CLI SOC"');
    expect(sent.stdout).toContain('test passed');
    const again = await gma(['xsoar', 'send', 'SOC', '--connection', 'prod']);
    expect(again.stdout).toContain('updated instance "GMA CLI SOC"');
    expect([...x6.instances.values()].filter((i) => i.name === 'GMA CLI SOC')).toHaveLength(1);
  });

  it('test on XSOAR 8 asks for the playground once, then remembers it; a failing test exits 1 with cause and fix', async () => {
    await seedProfile('SaaS', 'GMA CLI SaaS');
    expect((await gma(['xsoar', 'send', 'SaaS', '--connection', 'saas'])).code).toBe(0);
    const noPlayground = await gma(['xsoar', 'test', 'GMA CLI SaaS', '--connection', 'saas']);
    expect(noPlayground.code).toBe(2);
    expect(noPlayground.stderr).toContain('playground');
    expect((await gma(['xsoar', 'test', 'GMA CLI SaaS', '--connection', 'saas', '--playground', PLAYGROUND_ID])).code).toBe(0);
    expect((await gma(['xsoar', 'test', 'GMA CLI SaaS', '--connection', 'saas'])).stdout).toContain('test passed');
    await seedProfile('Wrong key', 'GMA CLI wrong key', randomBytes(32).toString('base64'));
    const failed = await gma(['xsoar', 'send', 'Wrong key', '--connection', 'saas', '--test']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('test failed');
    expect(failed.stdout).toContain('fix:');
  });

  it('honours HTTPS_PROXY', async () => {
    const port = (proxy.address() as AddressInfo).port;
    const r = await gma(['xsoar', 'test', 'GMA CLI SOC', '--connection', 'prod'], { HTTPS_PROXY: `http://127.0.0.1:${port}` });
    expect(r.stdout).toContain('test passed');
    expect(tunnels).toContain(new URL(x6.url).host);
  });

  it('pull imports the non-secret settings into a new profile; remove deletes the connection and its key', async () => {
    const pulled = await gma(['xsoar', 'pull', 'GMA CLI SOC', '--connection', 'prod']);
    expect(pulled).toMatchObject({ code: 0 });
    expect(pulled.stdout).toContain('into profile "GMA CLI SOC"');
    // Listed by gma itself (the file the child wrote), with the method and instance taken from XSOAR.
    expect((await gma(['profiles', 'list'])).stdout).toContain(`GMA CLI SOC\tGMA CLI SOC\txsoar-app\t${ALICE.upn}\t0 secret(s)`);
    expect((await gma(['xsoar', 'pull', 'nope', '--connection', 'prod'])).code).toBe(2);
    expect((await gma(['xsoar', 'connections', 'remove', 'prod'])).code).toBe(0);
    expect((await store.listAccounts()).filter((account) => account.startsWith('x/'))).toHaveLength(1);
    expect((await gma(['xsoar', 'send', 'SOC', '--connection', 'prod'])).code).toBe(2);
  });
});
