import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserUser } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import { createTestCa, issueServerCertificate } from '../../idp/test-ca';
import { AuthMethod } from '../../../shared/domain/auth-method';
import { SecretField } from '../../../shared/domain/secret-field';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { IntegrationErrorKind } from '../../../shared/xsoar/integration-error-explainer';
import { XsoarProduct } from '../../../shared/xsoar/xsoar-product';
import { PLAYGROUND_ID, startXsoarWorld, type XsoarWorld } from '../../xsoar/xsoar-world';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { ALICE, MAIL_PERMISSIONS, newClientId, TID } from '../idp/fixture';
import { codeFromBrowser, xsoarLoginUrl } from '../idp/flows';
import { usePlatformSession } from '../idp/platform-session';
import { requirePrivateKeyring } from '../support/private-keyring';
import { createEnvXsoarTransport } from '../../../main/adapters/undici-xsoar-transport';
import { XsoarService } from '../../../main/xsoar/xsoar-service';
import { NODE_SIGNING_TOOLS } from '../../../main/xsoar/xsoar-signing';
import { connectionTo, draftFor, startHarness, targetOf, type Harness } from './xsoar-harness';

let idp: IdentityPlatform;
let browser: BrowserUser;
let catcher: RedirectCatcher;
usePlatformSession((s) => ({ idp, browser, catcher } = s));

let world: XsoarWorld;
let h: Harness;
let x6: XsoarServer;
let x8: XsoarServer;
const KEY6 = `k6-${randomBytes(16).toString('hex')}`;
const KEY8 = { id: '7', key: `k8-${randomBytes(24).toString('hex')}` };
const ADV = { id: '9', key: `adv-${randomBytes(24).toString('hex')}` };

beforeAll(async () => {
  requirePrivateKeyring();
  world = await startXsoarWorld(idp, TID);
  h = await startHarness();
  x6 = await world.server('xsoar6', [{ id: '', key: KEY6, advanced: false, role: 'admin' }, { id: '', key: 'readonly-key', advanced: false, role: 'read-only' }]);
  x8 = await world.server('xsoar8', [{ ...KEY8, advanced: false, role: 'admin' }, { ...ADV, advanced: true, role: 'admin' }], { engines: [{ id: 'engine-azure', name: 'Azure VM engine' }] });
});
afterAll(async () => {
  await h?.close();
  await world?.close();
});

const t6 = () => targetOf(connectionTo(x6.url, XsoarProduct.Xsoar6), KEY6);
const t8 = () => targetOf(connectionTo(x8.url, XsoarProduct.Xsoar8, KEY8.id), KEY8.key);
const t8adv = () => targetOf(connectionTo(x8.url, XsoarProduct.Xsoar8, ADV.id, true), ADV.key);
const base = { engine: '', confirmRebind: false, playgroundId: '' };

async function xsoarAppProfile(instance: string, key?: string): Promise<{ id: string; draft: ReturnType<typeof draftFor> }> {
  const v = world.consent(TID);
  const draft = draftFor(AuthMethod.XsoarApp, instance, ALICE.upn, { xsoarApp: { id: v.id, boundInstanceName: '' } });
  const id = await h.profile(draft, [[SecretField.XsoarAppToken, v.token], [SecretField.XsoarAppKey, key ?? v.key]]);
  return { id, draft };
}

describe('probe', () => {
  it('tells XSOAR 6, XSOAR 8 (standard and advanced key) apart', async () => {
    expect(await h.xsoar.probe(t6())).toMatchObject({ ok: true, value: { product: 'xsoar6', version: '6.14.0' } });
    expect(await h.xsoar.probe(t8())).toMatchObject({ ok: true, value: { product: 'xsoar8' } });
    expect(await h.xsoar.probe(t8adv())).toMatchObject({ ok: true, value: { product: 'xsoar8' } });
  });

  it('says "browser address, not the API address" when HTML comes back', async () => {
    const r = await h.xsoar.probe(targetOf(connectionTo(x6.browserUrl, XsoarProduct.Xsoar6), KEY6));
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarBrowserAddress } });
    expect(!r.ok && r.error.message).toContain('browser address');
  });

  it('refuses a wrong key (401), a wrong key ID, a wrong advanced signature, and never echoes the key', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    for (const t of [targetOf(connectionTo(x6.url, XsoarProduct.Xsoar6), wrong), targetOf(connectionTo(x8.url, XsoarProduct.Xsoar8, '42'), KEY8.key), targetOf(connectionTo(x8.url, XsoarProduct.Xsoar8, ADV.id, true), wrong), targetOf(connectionTo(x8.url, XsoarProduct.Xsoar8, ADV.id, false), ADV.key)]) {
      const r = await h.xsoar.probe(t);
      expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarUnauthorized } });
      expect(JSON.stringify(r)).not.toContain(t.apiKey);
    }
  });

  it('names DNS, refused connections and the certificate problem (untrusted CA), and trusts a connection CA file', async () => {
    const dns = await h.xsoar.probe(targetOf(connectionTo('https://xsoar.does-not-exist.invalid', XsoarProduct.Xsoar6), KEY6));
    expect(dns).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarNetwork } });
    expect(!dns.ok && dns.error.message).toContain('DNS');
    const dir = mkdtempSync(join(tmpdir(), 'gma-other-ca-'));
    try {
      const ca = createTestCa(dir);
      const tls = issueServerCertificate(ca);
      const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: '6.12.0' }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `https://localhost:${(server.address() as AddressInfo).port}`;
      const untrusted = await h.xsoar.probe(targetOf(connectionTo(url, XsoarProduct.Xsoar6), KEY6));
      expect(untrusted).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarTls } });
      expect(!untrusted.ok && untrusted.error.message).toContain('certificate authority this computer does not trust');
      const trusted = await h.xsoar.probe(targetOf(connectionTo(url, XsoarProduct.Xsoar6, '', false, { caPem: readFileSync(ca.certPath, 'utf8') }), KEY6));
      expect(trusted).toMatchObject({ ok: true, value: { product: 'xsoar6', version: '6.12.0' } });
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('retries a 5xx and gives up with a clear message after three', async () => {
    x6.inject({ path: '/about', kind: 'status', status: 502 });
    expect(await h.xsoar.probe(t6())).toMatchObject({ ok: true });
    x6.inject({ path: '/about', kind: 'status', status: 503, times: 3 });
    expect(await h.xsoar.probe(t6())).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarServerError } });
  });

  it('a server that never answers is reported as a timeout on its own (no cancel), naming the host', async () => {
    const quick = new XsoarService(createEnvXsoarTransport(), h.services.profileSecrets, NODE_SIGNING_TOOLS, { attempts: 3, backoffMs: () => 20, requestTimeoutMs: 400 });
    x6.inject({ path: '/about', kind: 'hang' });
    const r = await quick.probe(t6());
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarTimeout, retryable: true } });
    expect(!r.ok && r.error.message).toContain(`${new URL(x6.url).host} did not answer within 400 ms`);
    expect(await quick.probe(t6())).toMatchObject({ ok: true });
  });

  it('an address that answers 404 to /about is "not an XSOAR API", with the hint for XSOAR 8 addresses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gma-not-xsoar-'));
    try {
      const ca = createTestCa(dir);
      const tls = issueServerCertificate(ca);
      const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'no such route' }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `https://localhost:${(server.address() as AddressInfo).port}`;
      const caPem = readFileSync(ca.certPath, 'utf8');
      const six = await h.xsoar.probe(targetOf(connectionTo(url, XsoarProduct.Xsoar6, '', false, { caPem }), KEY6));
      expect(six).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarNotXsoar } });
      expect(!six.ok && six.error.message).toMatch(/is not an XSOAR API \(GET \/about answered 404\)\. Check the URL\.$/);
      const eight = await h.xsoar.probe(targetOf(connectionTo(url, XsoarProduct.Xsoar8, KEY8.id, false, { caPem }), KEY8.key));
      expect(eight).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarNotXsoar } });
      expect(!eight.ok && eight.error.message).toContain('https://api-<your tenant>, without /xsoar');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a hanging server is cancelled by the caller at once', async () => {
    x6.inject({ path: '/about', kind: 'hang' });
    const controller = new AbortController();
    const pending = h.xsoar.probe(t6(), controller.signal);
    setTimeout(() => controller.abort(), 200);
    expect(await pending).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
  });
});

describe('send and test: Cortex XSOAR app', () => {
  it('XSOAR 6: creates, runs !msgraph-mail-test in the found playground (oproxy token + Graph read), then updates with a diff', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail XSOAR6');
    const plan = await h.xsoar.plan(t6(), { profileId: id, draft, ...base });
    expect(plan).toMatchObject({ ok: true, value: { action: 'create' } });
    const sent = await h.xsoar.send(t6(), { profileId: id, draft, ...base, confirmedVersion: null, test: true });
    expect(sent).toMatchObject({ ok: true, value: { status: 'sent', action: 'created', boundInstanceName: 'GraphMail XSOAR6', test: { passed: true, investigationId: PLAYGROUND_ID } } });
    // Stored with the parameter table's types; secrets masked on read.
    const stored = [...x6.instances.values()].find((i) => i.name === 'GraphMail XSOAR6')!;
    expect(stored.data.find((e) => e.name === 'self_deployed')?.value).toBe(false);
    const read = await h.xsoar.readInstance(t6(), 'GraphMail XSOAR6');
    expect(JSON.stringify(read)).not.toContain(stored.data.find((e) => e.name === 'creds_enc_key')?.value && (stored.data.find((e) => e.name === 'creds_enc_key')!.value as { password: string }).password);

    const changed = { ...draft, mailbox: { ...draft.mailbox, fetchLimit: '25' } };
    await h.services.profiles.saveDraft(id, changed, 'review');
    const first = await h.xsoar.send(t6(), { profileId: id, draft: changed, ...base, confirmedVersion: null, test: false });
    expect(first).toMatchObject({ ok: true, value: { status: 'confirm', plan: { action: 'update', changes: [{ param: 'fetch_limit', before: '50', after: '25' }] } } });
    const version = first.ok && first.value.status === 'confirm' ? first.value.plan.version : -2;
    const second = await h.xsoar.send(t6(), { profileId: id, draft: changed, ...base, confirmedVersion: version, test: true });
    expect(second).toMatchObject({ ok: true, value: { status: 'sent', action: 'updated', test: { passed: true } } });
    expect(stored.data.find((e) => e.name === 'fetch_limit')?.value).toBe('25');
  });

  it('XSOAR 8 with an advanced key: the test needs the playground id, then passes', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail XSOAR8');
    const noPlayground = await h.xsoar.send(t8adv(), { profileId: id, draft, ...base, confirmedVersion: null, test: true });

    expect(noPlayground).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarPlaygroundNeeded } });
    const r = await h.xsoar.runTest(t8adv(), 'GraphMail XSOAR8', PLAYGROUND_ID);
    expect(r).toMatchObject({ ok: true, value: { passed: true } });
  });

  it('a wrong Key value fails in the integration and is explained', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail wrong key', randomBytes(32).toString('base64'));
    const r = await h.xsoar.send(t6(), { profileId: id, draft, ...base, confirmedVersion: null, test: true });
    expect(r).toMatchObject({ ok: true, value: { test: { passed: false, explanation: { kind: IntegrationErrorKind.OproxyRejected } } } });
    expect(r.ok && r.value.status === 'sent' && r.value.test?.output).toContain('Error in Microsoft authorization. Status: 400');
  });

  it('a read-only key gets 403 explained; a name clash is refused; nothing is written', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail forbidden');
    const forbidden = await h.xsoar.send(targetOf(connectionTo(x6.url, XsoarProduct.Xsoar6), 'readonly-key'), { profileId: id, draft, ...base, confirmedVersion: null, test: false });
    expect(forbidden).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarForbidden } });
    x6.addForeignInstance('Taken by EWS');
    const clash = await xsoarAppProfile('Taken by EWS');
    const r = await h.xsoar.send(t6(), { profileId: clash.id, draft: clash.draft, ...base, confirmedVersion: null, test: false });
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.XsoarNameClash } });
    expect([...x6.instances.values()].filter((i) => i.name === 'GraphMail forbidden' || i.name === 'Taken by EWS').length).toBe(1);
  });

  it('a connection dropped after the server saved: the retry finds the instance instead of creating a second', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail dropped');
    x6.inject({ method: 'PUT', path: '/settings/integration', kind: 'commit-then-drop' });
    const r = await h.xsoar.send(t6(), { profileId: id, draft, ...base, confirmedVersion: null, test: false });
    expect(r).toMatchObject({ ok: true, value: { status: 'sent', action: 'created' } });
    expect([...x6.instances.values()].filter((i) => i.name === 'GraphMail dropped')).toHaveLength(1);
  });

  it('a version conflict re-reads and asks again with the fresh diff', async () => {
    const { id, draft } = await xsoarAppProfile('GraphMail conflict');
    await h.xsoar.send(t6(), { profileId: id, draft, ...base, confirmedVersion: null, test: false });
    const changed = { ...draft, mailbox: { ...draft.mailbox, folderToFetch: 'Inbox/Phishing' } };
    const plan = await h.xsoar.send(t6(), { profileId: id, draft: changed, ...base, confirmedVersion: null, test: false });
    const seen = plan.ok && plan.value.status === 'confirm' ? plan.value.plan.version : -2;
    // Someone else saves the instance in between.
    const stored = [...x6.instances.values()].find((i) => i.name === 'GraphMail conflict')!;
    stored.version += 1;
    const r = await h.xsoar.send(t6(), { profileId: id, draft: changed, ...base, confirmedVersion: seen, test: false });
    expect(r).toMatchObject({ ok: true, value: { status: 'confirm', plan: { version: seen + 1 } } });
    const again = await h.xsoar.send(t6(), { profileId: id, draft: changed, ...base, confirmedVersion: seen + 1, test: false });
    expect(again).toMatchObject({ ok: true, value: { status: 'sent', action: 'updated' } });
  });
});

describe('send and test: managed identity and self-deployed', () => {
  it('system-assigned and user-assigned identities pass on XSOAR 8 (IMDS token), an unknown client ID is explained', async () => {
    world.managedIdentity(TID, null);
    const uaId = randomUUID();
    world.managedIdentity(TID, uaId);
    const engines = await h.xsoar.listEngines(t8());
    expect(engines).toMatchObject({ ok: true, value: [{ id: 'engine-azure' }] });
    for (const [name, mi] of [['MI system', { kind: 'system-assigned', clientId: '' }], ['MI user', { kind: 'user-assigned', clientId: uaId }], ['MI unknown', { kind: 'user-assigned', clientId: randomUUID() }]] as const) {
      const draft = draftFor(AuthMethod.ManagedIdentity, name, ALICE.upn, { managedIdentity: mi });
      const id = await h.profile(draft, []);
      const r = await h.xsoar.send(t8(), { profileId: id, draft, ...base, engine: 'engine-azure', playgroundId: PLAYGROUND_ID, confirmedVersion: null, test: true });
      if (name === 'MI unknown') expect(r).toMatchObject({ ok: true, value: { test: { passed: false, explanation: { kind: IntegrationErrorKind.ManagedIdentityNotFound } } } });
      else expect(r).toMatchObject({ ok: true, value: { test: { passed: true } } });
    }
    expect([...x8.instances.values()].find((i) => i.name === 'MI system')?.engine).toBe('engine-azure');
  });

  it('self-deployed: redeems the code without a verifier, refreshes on the next test; an expired code and a wrong redirect URI are explained', async () => {
    const clientId = newClientId();
    const secret = `sd-${randomBytes(12).toString('hex')}`;
    idp.registerApp({ tenantId: TID, clientId, webRedirectUris: [catcher.redirectUri], secrets: [secret], delegatedPermissions: [...MAIL_PERMISSIONS] });
    const sd = (name: string, redirectUri: string) => draftFor(AuthMethod.SelfDeployed, name, ALICE.upn, { selfDeployed: { tenant: TID, resolvedTenantId: TID, clientId, redirectUri, credentialKind: 'secret', certificate: null, authCodeObtainedAt: new Date().toISOString() } });
    const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, TID, clientId, catcher.redirectUri), ALICE);
    const draft = sd('SD secret', catcher.redirectUri);
    const id = await h.profile(draft, [[SecretField.SelfDeployedClientSecret, secret], [SecretField.SelfDeployedAuthCode, code]]);
    const r = await h.xsoar.send(t6(), { profileId: id, draft, ...base, confirmedVersion: null, test: true });
    expect(r).toMatchObject({ ok: true, value: { test: { passed: true } } });
    expect(await h.xsoar.runTest(t6(), 'SD secret', '')).toMatchObject({ ok: true, value: { passed: true } });

    const wrongRedirect = sd('SD wrong redirect', 'https://localhost');
    const code2 = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, TID, clientId, catcher.redirectUri), ALICE);
    const id2 = await h.profile(wrongRedirect, [[SecretField.SelfDeployedClientSecret, secret], [SecretField.SelfDeployedAuthCode, code2]]);
    const r2 = await h.xsoar.send(t6(), { profileId: id2, draft: wrongRedirect, ...base, confirmedVersion: null, test: true });
    expect(r2).toMatchObject({ ok: true, value: { test: { passed: false, explanation: { kind: IntegrationErrorKind.Aadsts } } } });

    const code3 = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, TID, clientId, catcher.redirectUri), ALICE);
    const expired = sd('SD expired', catcher.redirectUri);
    const id3 = await h.profile(expired, [[SecretField.SelfDeployedClientSecret, secret], [SecretField.SelfDeployedAuthCode, code3]]);
    idp.clock.advance(601);
    const r3 = await h.xsoar.send(t6(), { profileId: id3, draft: expired, ...base, confirmedVersion: null, test: true });
    expect(r3).toMatchObject({ ok: true, value: { test: { passed: false, explanation: { kind: IntegrationErrorKind.Aadsts, aadsts: { code: 70008 }, suggestsAuthReset: true } } } });
    const reset = await h.xsoar.authReset(t6(), 'SD expired', '');
    expect(reset).toMatchObject({ ok: true, value: { passed: true } });
  });
});

describe('Forget everything', () => {
  it('removes the XSOAR connections with their keys, not only the profiles', async () => {
    const local = await startHarness();
    try {
      const added = await local.services.xsoarConnections.add({ name: 'prod', url: x6.url, keyId: '', advancedKey: false, caPem: '', caFileName: '' }, KEY6);
      expect(added).toMatchObject({ ok: true });
      expect(await local.services.xsoarConnections.store.list()).toMatchObject({ ok: true, value: [{ name: 'prod' }] });
      const forgotten = await local.services.profiles.forgetEverything();
      expect(forgotten).toMatchObject({ ok: true, value: { connectionsDeleted: 1 } });
      expect(forgotten.ok && forgotten.value.itemsDeleted).toBeGreaterThanOrEqual(1);
      expect(await local.services.xsoarConnections.store.list()).toEqual({ ok: true, value: [] });
    } finally {
      await local.close();
    }
  });
});
