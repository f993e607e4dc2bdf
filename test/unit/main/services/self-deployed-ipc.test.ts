import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFetchClient } from '../../../../main/adapters/node-fetch-client';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { createAppServices } from '../../../../main/app/app-services';
import { registerHandlers } from '../../../../main/ipc/register-handlers';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../../shared/config/identity-endpoints';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { SecretField } from '../../../../shared/domain/secret-field';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../../../host/test-ports';
import { FakeClock } from '../../../fakes/fake-clock';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';
import { RecordingClipboard } from '../../../fakes/recording-clipboard';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'gma-sd-'));
  dirs.push(dir);
  const secretStore = new InMemorySecretStore();
  const services = createAppServices({
    fs: new NodeFileSystem(),
    saveDialog: new FolderSaveDialog(join(dir, 'saved')),
    openDialog: new PresetOpenDialog(),
    browserOpener: new RecordingBrowserOpener(),
    productName: 'GMA',
    version: '0.0.0-test',
    secretStore,
    clipboard: new RecordingClipboard(),
    dataDir: join(dir, 'data'),
    clock: new FakeClock(),
    http: createNodeFetchClient(),
    endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
  });
  const registry = registerHandlers(services);
  const created = await registry.invoke('profiles:create', { name: 'SOC', method: 'self-deployed' });
  if (!created.ok) throw new Error(created.error.message);
  return { registry, services, profileId: (created.value as { id: string }).id };
}

describe('self-deployed IPC: certificates and auth operations keep secrets in the main process', () => {
  it('certs:generate stores the PKCS#8 key in the keychain and answers with public facts only', async () => {
    const { registry, services, profileId } = await setUp();
    const r = await registry.invoke('certs:generate', { profileId, commonName: 'xsoar-graph-mail', validityDays: 365, keySize: 2048 });
    if (!r.ok) throw new Error(r.error.message);
    expect(JSON.stringify(r.value)).not.toContain('PRIVATE KEY');
    const value = r.value as { certificate: { sha1Thumbprint: string; certificatePem: string }; secretFields: string[] };
    expect(value.certificate.sha1Thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(value.secretFields).toEqual([SecretField.SelfDeployedPrivateKey]);
    const key = await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey);
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const saved = await registry.invoke('certs:save-public', { certificatePem: value.certificate.certificatePem, suggestedName: 'xsoar graph/mail' });
    if (!saved.ok || (saved.value as { status: string }).status !== 'saved') throw new Error('not saved');
    const path = (saved.value as { path: string }).path;
    expect(path.endsWith('xsoar_graph_mail.crt')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(`${value.certificate.certificatePem.trim()}\n`);
    // The save channel refuses to write a private key, whatever the renderer sends.
    const leak = await registry.invoke('certs:save-public', { certificatePem: `${value.certificate.certificatePem}\n${key ?? ''}`, suggestedName: 'x' });
    expect(leak).toMatchObject({ ok: false, error: { code: ErrorCode.CertNotACertificate } });
  });

  it('certs:import-pem converts the key and refuses a key that does not match the certificate', async () => {
    const { registry, services, profileId } = await setUp();
    const a = await registry.invoke('certs:generate', { profileId, commonName: 'a', validityDays: 30, keySize: 2048 });
    if (!a.ok) throw new Error(a.error.message);
    const keyA = (await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey)) ?? '';
    const certA = (a.value as { certificate: { certificatePem: string } }).certificate.certificatePem;
    const b = await registry.invoke('certs:generate', { profileId, commonName: 'b', validityDays: 30, keySize: 2048 });
    if (!b.ok) throw new Error(b.error.message);
    expect(await registry.invoke('certs:import-pem', { profileId, privateKeyText: keyA, certificateText: (b.value as { certificate: { certificatePem: string } }).certificate.certificatePem })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.CertKeyMismatch },
    });
    const imported = await registry.invoke('certs:import-pem', { profileId, privateKeyText: keyA, certificateText: certA });
    expect(imported.ok).toBe(true);
    expect(await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey)).toBe(keyA);
  });

  it('auth channels: no stored credential, unknown attempts and unknown cancels are answered as data', async () => {
    const { registry, profileId } = await setUp();
    expect(
      await registry.invoke('auth:check-credential', { requestId: 'r1', profileId, tenant: 'contoso.example', clientId: '00000000-0000-4000-8000-000000000001', credentialKind: 'secret' }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.AuthCredentialMissing } });
    expect(await registry.invoke('auth:paste-code', { attemptId: '00000000-0000-4000-8000-000000000002', profileId, pasted: 'http://localhost/?code=x' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.AuthAttemptExpired },
    });
    expect(await registry.invoke('auth:cancel', { requestId: 'nothing-running' })).toEqual({ ok: true, value: { cancelled: false } });
    // A client secret never travels on these channels: the contract has no field for one.
    expect(await registry.invoke('auth:check-credential', { requestId: 'r2', profileId, tenant: 't.example', clientId: 'x', credentialKind: 'secret', secret: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'ipc/invalid-request' },
    });
  });

  it('auth:prepare-code builds the integration\'s login URL and paste-code stores only the code', async () => {
    const { registry, services, profileId } = await setUp();
    const prepared = await registry.invoke('auth:prepare-code', { tenantId: '00000000-0000-4000-8000-0000000074e1', clientId: '00000000-0000-4000-8000-00000000c1d0', redirectUri: 'https://localhost', mailbox: 'soc@contoso.example' });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { attemptId, url, loopback } = prepared.value as { attemptId: string; url: string; loopback: boolean };
    expect(loopback).toBe(false);
    const state = new URL(url).searchParams.get('state') ?? '';
    const stored = await registry.invoke('auth:paste-code', { attemptId, profileId, pasted: `https://localhost/?code=0.AXYZ-code&state=${state}&session_state=abc` });
    expect(stored).toMatchObject({ ok: true, value: { capturedBy: 'paste', secretFields: [SecretField.SelfDeployedAuthCode] } });
    expect(await services.vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedAuthCode)).toBe('0.AXYZ-code');
    // One code per attempt.
    expect(await registry.invoke('auth:paste-code', { attemptId, profileId, pasted: `https://localhost/?code=again&state=${state}` })).toMatchObject({ ok: false, error: { code: ErrorCode.AuthAttemptExpired } });
  });
});
