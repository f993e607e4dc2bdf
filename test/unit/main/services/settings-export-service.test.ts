import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { ExportBuilder, type ExportRequest } from '../../../../main/services/export-builder';
import { SettingsExportService } from '../../../../main/services/settings-export-service';
import { openBundle } from '../../../../main/bundle/bundle-crypto';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { SecretField } from '../../../../shared/domain/secret-field';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { InMemoryProfileSecrets } from '../../../fakes/in-memory-profile-secrets';
import { FolderSaveDialog } from '../../../host/test-ports';
import { fakeOproxyValues } from '../../shared/oproxy/oproxy-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const oproxy = fakeOproxyValues();

function xsoarDraft(patch: Partial<ProfileDraft['xsoarApp']> = {}, instanceName = 'Graph Mail SOC'): ProfileDraft {
  const d = emptyDraft();
  return { ...d, method: AuthMethod.XsoarApp, xsoarApp: { id: oproxy.id, boundInstanceName: '', ...patch }, mailbox: { ...d.mailbox, instanceName, mailboxToFetch: 'soc@contoso.example' } };
}

function service(secrets = new InMemoryProfileSecrets().put('p1', SecretField.XsoarAppToken, oproxy.token).put('p1', SecretField.XsoarAppKey, oproxy.key), dialog = new FolderSaveDialog(dir)) {
  return new SettingsExportService(new NodeFileSystem(), dialog, new ExportBuilder(secrets));
}

const request = (patch: Partial<ExportRequest> = {}): ExportRequest => ({ draft: xsoarDraft(), profileId: 'p1', format: 'params', includeSecrets: true, confirmRebind: false, ...patch });

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('SettingsExportService', () => {
  it('exports XSOAR-app values from the keychain as type-9 objects with self_deployed false, mode 0600', async () => {
    const r = await service().export(request());
    const path = join(dir, 'Graph_Mail_SOC.params.json');
    expect(r).toEqual({ ok: true, value: { status: 'saved', path, files: [path], warnings: [], containsSecrets: true, boundInstanceName: 'Graph Mail SOC' } });
    const exported = await readJson(path);
    expect(exported['creds_auth_id']).toEqual({ credential: '', identifier: '', password: oproxy.id, passwordChanged: false });
    expect(exported['creds_refresh_token']).toEqual({ credential: '', identifier: '', password: oproxy.token, passwordChanged: false });
    expect(exported['creds_enc_key']).toEqual({ credential: '', identifier: '', password: oproxy.key, passwordChanged: false });
    expect(exported['self_deployed']).toBe(false);
    for (const other of ['use_managed_identities', 'managed_identities_client_id', 'creds_certificate', 'creds_auth_code', 'redirect_uri', 'auth_id', 'refresh_token', 'enc_key']) expect(exported).not.toHaveProperty(other);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('leaves secrets out by default with placeholders that say where they live', async () => {
    const r = await service().export(request({ includeSecrets: false }));
    expect(r).toMatchObject({ ok: true, value: { containsSecrets: false } });
    const text = await readFile(join(dir, 'Graph_Mail_SOC.params.json'), 'utf8');
    expect(text).not.toContain(oproxy.token);
    expect(text).not.toContain(oproxy.key);
    expect(JSON.parse(text).creds_enc_key.password).toBe('<stored in keychain: profile "Profile p1", field oproxy-key>');
  });

  it('writes companion files beside the main one (REST body + curl script)', async () => {
    const r = await service().export(request({ format: 'rest', includeSecrets: false }));
    expect(r.ok && r.value.status === 'saved' ? r.value.files : []).toEqual([join(dir, 'Graph_Mail_SOC.xsoar-instance.json'), join(dir, 'Graph_Mail_SOC.xsoar-instance.curl.sh')]);
    const body = await readJson(join(dir, 'Graph_Mail_SOC.xsoar-instance.json'));
    expect(body['brand']).toBe('Microsoft Graph Mail Single User');
    expect(await readFile(join(dir, 'Graph_Mail_SOC.xsoar-instance.curl.sh'), 'utf8')).not.toContain(oproxy.key);
  });

  it('seals a bundle that opens with the passphrase and carries the secrets', async () => {
    const passphrase = 'correct horse battery staple orbit';
    const r = await service().export(request({ format: 'bundle', includeSecrets: false, passphrase }));
    expect(r).toMatchObject({ ok: true, value: { containsSecrets: true } });
    const opened = await openBundle(new Uint8Array(await readFile(join(dir, 'Graph_Mail_SOC.gma-bundle'))), passphrase);
    expect(opened.ok && opened.value.secrets).toEqual({ 'oproxy-token': oproxy.token, 'oproxy-key': oproxy.key });
    // Two scrypt derivations at the bundle's real cost (128 MiB each): seconds on a loaded machine.
  }, 30_000);

  it('refuses a weak bundle passphrase without writing', async () => {
    const r = await service().export(request({ format: 'bundle', passphrase: 'short' }));
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.BundleWeakPassphrase } });
  });

  it('refuses to export when a secret is missing from the keychain, naming the field', async () => {
    const r = await service(new InMemoryProfileSecrets().put('p1', SecretField.XsoarAppToken, oproxy.token)).export(request());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(ErrorCode.ConfigInvalid);
      expect(r.error.fields?.map((f) => f.field)).toEqual(['xsoarApp.key']);
      expect(r.error.message).toContain('Key must be provided');
    }
  });

  it('asks for confirmation before exporting bound values for another instance', async () => {
    const draft = xsoarDraft({ boundInstanceName: 'Graph Mail SOC' }, 'Graph Mail SOC 2');
    const refused = await service().export(request({ draft }));
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.InstanceBindingMismatch } });
    if (!refused.ok) expect(refused.error.message).toContain('one instance only');
    expect(await service().export(request({ draft, confirmRebind: true }))).toMatchObject({ ok: true, value: { status: 'saved', boundInstanceName: 'Graph Mail SOC 2' } });
  });

  it('exports bound values again for the same instance without asking', async () => {
    expect((await service().export(request({ draft: xsoarDraft({ boundInstanceName: 'Graph Mail SOC' }) }))).ok).toBe(true);
  });

  it('reports a cancelled dialog without writing', async () => {
    const dialog = new FolderSaveDialog(dir);
    dialog.cancelNext = true;
    expect(await service(undefined, dialog).export(request())).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('reports a write failure as retryable data', async () => {
    // The chosen path is occupied by a non-empty folder, so the final rename fails.
    await mkdir(join(dir, 'Graph_Mail_SOC.params.json', 'child'), { recursive: true });
    expect(await service().export(request())).toMatchObject({ ok: false, error: { code: ErrorCode.ExportWriteFailed, retryable: true } });
  });
});
