import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { SettingsExportService, safeFileName } from '../../../../main/services/settings-export-service';
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

function service(secrets = new InMemoryProfileSecrets().put('p1', SecretField.XsoarAppToken, oproxy.token).put('p1', SecretField.XsoarAppKey, oproxy.key)) {
  return { svc: new SettingsExportService(new NodeFileSystem(), new FolderSaveDialog(dir), secrets), secrets };
}

describe('SettingsExportService', () => {
  it('exports XSOAR-app values from the keychain as type-9 objects with self_deployed false', async () => {
    const { svc } = service();
    const r = await svc.exportInstanceJson({ draft: xsoarDraft(), profileId: 'p1', confirmRebind: false });
    expect(r).toEqual({ ok: true, value: { status: 'saved', path: join(dir, 'Graph_Mail_SOC.json'), boundInstanceName: 'Graph Mail SOC' } });
    const exported = JSON.parse(await readFile(join(dir, 'Graph_Mail_SOC.json'), 'utf8'));
    expect(exported.creds_auth_id).toEqual({ credential: '', identifier: '', password: oproxy.id, passwordChanged: false });
    expect(exported.creds_refresh_token).toEqual({ credential: '', identifier: '', password: oproxy.token, passwordChanged: false });
    expect(exported.creds_enc_key).toEqual({ credential: '', identifier: '', password: oproxy.key, passwordChanged: false });
    expect(exported.self_deployed).toBe(false);
    for (const other of ['use_managed_identities', 'managed_identities_client_id', 'creds_certificate', 'creds_auth_code', 'redirect_uri', 'auth_id', 'refresh_token', 'enc_key']) expect(exported).not.toHaveProperty(other);
  });

  it('refuses to export when a secret is missing from the keychain, naming the field', async () => {
    const { svc } = service(new InMemoryProfileSecrets().put('p1', SecretField.XsoarAppToken, oproxy.token));
    const r = await svc.exportInstanceJson({ draft: xsoarDraft(), profileId: 'p1', confirmRebind: false });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(ErrorCode.ConfigInvalid);
      expect(r.error.fields?.map((f) => f.field)).toEqual(['xsoarApp.key']);
      expect(r.error.message).toContain('Key must be provided');
    }
  });

  it('asks for confirmation before exporting bound values for another instance', async () => {
    const { svc } = service();
    const draft = xsoarDraft({ boundInstanceName: 'Graph Mail SOC' }, 'Graph Mail SOC 2');
    const refused = await svc.exportInstanceJson({ draft, profileId: 'p1', confirmRebind: false });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.InstanceBindingMismatch } });
    if (!refused.ok) expect(refused.error.message).toContain('one instance only');
    const confirmed = await svc.exportInstanceJson({ draft, profileId: 'p1', confirmRebind: true });
    expect(confirmed).toMatchObject({ ok: true, value: { status: 'saved', boundInstanceName: 'Graph Mail SOC 2' } });
  });

  it('exports bound values again for the same instance without asking', async () => {
    const { svc } = service();
    const r = await svc.exportInstanceJson({ draft: xsoarDraft({ boundInstanceName: 'Graph Mail SOC' }), profileId: 'p1', confirmRebind: false });
    expect(r.ok).toBe(true);
  });

  it('reports a cancelled dialog without writing', async () => {
    const dialog = new FolderSaveDialog(dir);
    dialog.cancelNext = true;
    const svc = new SettingsExportService(new NodeFileSystem(), dialog, service().secrets);
    expect(await svc.exportInstanceJson({ draft: xsoarDraft(), profileId: 'p1', confirmRebind: false })).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('reports a write failure as retryable data', async () => {
    // The chosen path is occupied by a non-empty folder, so the final rename fails.
    await mkdir(join(dir, 'Graph_Mail_SOC.json', 'child'), { recursive: true });
    const r = await service().svc.exportInstanceJson({ draft: xsoarDraft(), profileId: 'p1', confirmRebind: false });
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.ExportWriteFailed, retryable: true } });
  });

  it.each([
    ['Graph Mail SOC', 'Graph_Mail_SOC'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['   ', 'instance-settings'],
  ])('derives a safe file name from %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});
