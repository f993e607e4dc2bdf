import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../../../main/adapters/system-clock';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { ExportBuilder } from '../../../../main/services/export-builder';
import { ExportLocationService } from '../../../../main/services/export-location-service';
import { SettingsExportService } from '../../../../main/services/settings-export-service';
import { WrittenExports } from '../../../../main/services/written-exports';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft } from '../../../../shared/domain/profile-draft';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { InMemoryProfileSecrets } from '../../../fakes/in-memory-profile-secrets';
import { FolderSaveDialog, RecordingFolderRevealer } from '../../../host/test-ports';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-export-location-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const written = new WrittenExports();
  const revealer = new RecordingFolderRevealer();
  const dialog = new FolderSaveDialog(dir);
  const exporter = new SettingsExportService(new NodeFileSystem(), dialog, new ExportBuilder(new InMemoryProfileSecrets(), new SystemClock()), written);
  return { written, revealer, dialog, exporter, location: new ExportLocationService(written, revealer) };
}

const d = emptyDraft();
const draft = { ...d, method: AuthMethod.ManagedIdentity, mailbox: { ...d.mailbox, instanceName: 'Graph Mail SOC', mailboxToFetch: 'soc@contoso.example' } };

describe('Show in folder after an export', () => {
  it('shows the main file and its companions once the export wrote them, and nothing before', async () => {
    const { exporter, location, revealer } = setup();
    const main = join(dir, 'Graph_Mail_SOC.xsoar-instance.json');
    const script = join(dir, 'Graph_Mail_SOC.xsoar-instance.curl.sh');
    expect(await location.showInFolder(main)).toMatchObject({ ok: false, error: { code: ErrorCode.ExportPathUnknown } });
    expect(revealer.shown).toEqual([]);

    const r = await exporter.export({ draft, profileId: null, format: 'rest', includeSecrets: false, confirmRebind: false });
    expect(r).toMatchObject({ ok: true, value: { status: 'saved', path: main, files: [main, script] } });
    expect(await location.showInFolder(main)).toEqual({ ok: true, value: { shown: true } });
    expect(await location.showInFolder(script)).toEqual({ ok: true, value: { shown: true } });
    expect(revealer.shown).toEqual([main, script]);
  });

  it('refuses any other path: the folder, a look-alike, a relative or traversing path, a cancelled export', async () => {
    const { exporter, location, revealer, dialog } = setup();
    const main = join(dir, 'Graph_Mail_SOC.params.json');
    await exporter.export({ draft, profileId: null, format: 'params', includeSecrets: false, confirmRebind: false });
    dialog.cancelNext = true;
    expect(await exporter.export({ draft, profileId: null, format: 'checklist-md', includeSecrets: false, confirmRebind: false })).toEqual({ ok: true, value: { status: 'cancelled' } });
    for (const other of [dir, `${main} `, `${dir}/./Graph_Mail_SOC.params.json`, `${dir}/x/../Graph_Mail_SOC.params.json`, 'Graph_Mail_SOC.params.json', '/etc/passwd', join(dir, 'Graph_Mail_SOC.checklist.md')]) {
      expect(await location.showInFolder(other), other).toMatchObject({ ok: false, error: { code: ErrorCode.ExportPathUnknown } });
    }
    expect(revealer.shown).toEqual([]);
  });

  it('without a file manager (a host that has none) the action is refused, not faked', async () => {
    const written = new WrittenExports();
    written.remember(['/tmp/a.json']);
    expect(await new ExportLocationService(written, undefined).showInFolder('/tmp/a.json')).toMatchObject({ ok: false, error: { code: ErrorCode.ExportPathUnknown } });
  });

  it('remembers the newest 100 files', () => {
    const written = new WrittenExports();
    written.remember(Array.from({ length: 101 }, (_, i) => `/x/${i}.json`));
    expect(written.has('/x/0.json')).toBe(false);
    expect(written.has('/x/1.json')).toBe(true);
    expect(written.has('/x/100.json')).toBe(true);
  });
});
