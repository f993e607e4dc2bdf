import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { AppServices } from '../../../main/app/app-services';
import { createNodeFetchClient } from '../../../main/adapters/node-fetch-client';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { ProperFileLock } from '../../../main/adapters/proper-file-lock';
import { TokenCachePlugin } from '../../../main/auth/token-cache-plugin';
import { generateSelfSignedCertificate } from '../../../main/certs/self-signed-generator';
import { createRotationService } from '../../../main/lifecycle/rotation-services';
import type { RotationService } from '../../../main/lifecycle/rotation-service';
import type { RotationHooks } from '../../../main/lifecycle/rotation-types';
import { SecretField } from '../../../shared/domain/secret-field';
import type { Profile } from '../../../shared/domain/profile';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { BrowserUser } from '../../idp/browser-user';
import type { RedirectCatcher } from '../../idp/redirect-catcher';
import type { XsoarServer } from '../../xsoar/xsoar-server';
import { PLAYGROUND_ID } from '../../xsoar/xsoar-world';
import { codeFromBrowser, xsoarLoginUrl } from '../idp/flows';
import { endpointsOf, type PlayingBrowser } from '../signin/signin-fixture';
import { ADA, ETID, MAILBOX, reload, selfDeployedProfile, TEST_BACKOFF_MS } from '../entra/entra-fixture';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../../main/app/app-services';
import { SystemClock } from '../../../main/adapters/system-clock';
import type { BrowserOpener } from '../../../main/ports/browser-opener';
import type { Clock } from '../../../main/ports/clock';
import type { SecretStore } from '../../../main/ports/secret-store';
import { RecordingClipboard } from '../../fakes/recording-clipboard';
import { FolderSaveDialog, PresetOpenDialog } from '../../host/test-ports';
import { freshKeytarStore } from '../support/private-keyring';

/** The app's services against the platform in a fresh data folder and keychain service (both returned: a crash child reuses them). */
export async function rotationAppServices(idp: IdentityPlatform, opener: BrowserOpener, store: SecretStore & { readonly service?: string } = freshKeytarStore(), dataDir?: string, clock: Clock = new SystemClock()): Promise<{ services: AppServices; dataDir: string }> {
  const dir = dataDir ?? join(await mkdtemp(join(tmpdir(), 'gma-rotation-')), 'data');
  const services = createAppServices({
    fs: new NodeFileSystem(), saveDialog: new FolderSaveDialog(join(dir, '..', 'exports')), openDialog: new PresetOpenDialog(), browserOpener: opener,
    productName: 'GMA', version: '0.0.0-test', secretStore: store, clipboard: new RecordingClipboard(), dataDir: dir, clock,
    http: createNodeFetchClient(), endpoints: endpointsOf(idp), authTimeouts: { interactiveMs: 30_000 }, entraBackoffMs: TEST_BACKOFF_MS,
  });
  return { services, dataDir: dir };
}

/** The XSOAR API key the test servers accept. */
export const XSOAR_KEY = `rot-${randomBytes(16).toString('hex')}`;
/** The saved connection's name. */
export const CONNECTION = 'lab';

/** The rotation service over the app's services, unattended (token from the keychain cache), as `gma rotate` builds it. */
export function rotationOf(services: AppServices, idp: IdentityPlatform, dataDir: string, hooks?: RotationHooks): RotationService {
  return createRotationService({
    http: createNodeFetchClient(), endpoints: endpointsOf(idp), fs: new NodeFileSystem(), dataDir, fileLock: new ProperFileLock(), profiles: services.profiles, secrets: services.secrets, vault: services.vault,
    xsoar: services.xsoar, connections: services.xsoarConnections.store, adminCachePlugin: new TokenCachePlugin(services.vault, SecretField.MsalAdminTokenCache),
    signIn: { mode: 'silent-only' }, backoffMs: TEST_BACKOFF_MS, ...(hooks ? { hooks } : {}),
  });
}

/**
 * A working self-deployed profile end to end: the app registration created by "Create the app for me" (the
 * administrator signs in once; the token is cached in the keychain), the mailbox's code, the instance sent to XSOAR
 * and its test passed (so the integration holds a refresh token).
 */
export async function workingProfile(args: {
  readonly services: AppServices; readonly idp: IdentityPlatform; readonly opener: PlayingBrowser; readonly browser: BrowserUser; readonly catcher: RedirectCatcher;
  readonly name: string; readonly credential: 'secret' | 'certificate';
}): Promise<Profile> {
  const { services, idp, opener, browser, catcher } = args;
  let block = {};
  let privateKey: string | null = null;
  if (args.credential === 'certificate') {
    const g = await generateSelfSignedCertificate({ commonName: `rot-${args.name.toLowerCase().replace(/[^a-z0-9]/g, '-')}`, validityDays: 30, keySize: 2048, now: new Date() });
    if (!g.ok) throw new Error(g.error.message);
    const i = g.value.info;
    block = { credentialKind: 'certificate', certificate: { sha1Thumbprint: i.sha1Thumbprint, sha256Thumbprint: i.sha256Thumbprint, subject: i.subject, notAfter: i.notAfter, certificatePem: g.value.certificatePem } };
    privateKey = g.value.privateKeyPem;
  }
  const profile = await selfDeployedProfile(services, args.name, catcher.redirectUri, { ...block, resolvedTenantId: '' });
  const draft = { ...profile.draft, mailbox: { ...profile.draft.mailbox, instanceName: args.name } };
  await services.profiles.saveDraft(profile.id, draft, 'review');
  if (privateKey !== null) {
    const stored = await services.secrets.set(profile.id, SecretField.SelfDeployedPrivateKey, privateKey);
    if (!stored.ok) throw new Error(stored.error.message);
  }
  opener.plays({ user: ADA, consent: 'accept' });
  const run = await services.entra.run({ profileId: profile.id, mode: 'create', consent: 'tenant', secretExpiryDays: 60, bootstrapClientId: null }, () => undefined);
  await opener.outcome().then(() => undefined, () => undefined);
  if (!run.ok) throw new Error(run.error.message);
  const code = await codeFromBrowser(browser, catcher, xsoarLoginUrl(idp, ETID, run.value.clientId, catcher.redirectUri), MAILBOX);
  const setCode = await services.secrets.set(profile.id, SecretField.SelfDeployedAuthCode, code);
  if (!setCode.ok) throw new Error(setCode.error.message);
  await services.profiles.recordCodeObtained(profile.id, new Date().toISOString());
  const withCode = await reload(services, profile.id);
  const target = await services.xsoarConnections.store.target(CONNECTION);
  if (!target.ok) throw new Error(target.error.message);
  const sent = await services.xsoar.send(target.value, { profileId: profile.id, draft: withCode.draft, engine: '', confirmRebind: false, confirmedVersion: null, test: true, playgroundId: PLAYGROUND_ID });
  if (!sent.ok) throw new Error(sent.error.message);
  expect(sent.value).toMatchObject({ status: 'sent', test: { passed: true } });
  return reload(services, profile.id);
}

/** The instance's value of a type-9 parameter on the server (plain text: the server side). */
export function instanceCredential(server: XsoarServer, instanceName: string, param: 'creds_enc_key' | 'creds_certificate' | 'creds_auth_code'): { identifier: string; password: string } | null {
  const i = [...server.instances.values()].find((x) => x.name === instanceName);
  const v = i?.data.find((e) => e.name === param)?.value;
  return typeof v === 'object' && v !== null ? { identifier: v.identifier, password: v.password } : null;
}

/** The integration context's refresh token of an instance. */
export function refreshTokenOf(server: XsoarServer, instanceName: string): string | undefined {
  return [...server.instances.values()].find((x) => x.name === instanceName)?.context.current_refresh_token;
}

/**
 * The invariant after any rotation, failed, crashed or finished: exactly one credential in Entra ID, and it is the one
 * the profile holds in the keychain and the XSOAR instance uses; `!msgraph-mail-test` passes.
 */
export async function expectConsistent(args: { readonly services: AppServices; readonly idp: IdentityPlatform; readonly server: XsoarServer; readonly profileId: string }): Promise<void> {
  const { services, idp, server, profileId } = args;
  const profile = await reload(services, profileId);
  const sd = profile.draft.selfDeployed;
  const app = idp.application(ETID, sd.clientId);
  const instance = profile.draft.mailbox.instanceName;
  if (sd.credentialKind === 'secret') {
    const held = await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedClientSecret);
    expect(app?.passwordCredentials.map((p) => p.secretText)).toEqual([held]);
    expect(instanceCredential(server, instance, 'creds_enc_key')?.password).toBe(held);
  } else {
    expect(app?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([sd.certificate?.sha1Thumbprint]);
    expect(instanceCredential(server, instance, 'creds_certificate')?.identifier).toBe(sd.certificate?.sha1Thumbprint);
    const held = await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey);
    expect(instanceCredential(server, instance, 'creds_certificate')?.password).toBe(held);
  }
  const target = await services.xsoarConnections.store.target(CONNECTION);
  if (!target.ok) throw new Error(target.error.message);
  expect(await services.xsoar.runTest(target.value, instance, PLAYGROUND_ID)).toMatchObject({ ok: true, value: { passed: true } });
}
