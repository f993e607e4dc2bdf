import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names';

// Contract test of the Electron glue: the BUILT main entry (out/main/index.js)
// runs in a child Node process in which the bare specifier `electron` resolves
// to a recording stand-in (test/electron-glue/electron-stub.mjs, through a
// module hook that only the driver registers — never the product). The
// driver exercises what the entry set up and prints it as JSON.
const ENTRY = resolve('out/main/index.js');
const DRIVER = resolve('test/electron-glue/drive-main.mjs');
let userData: string;

interface Driven {
  readonly exitedWith?: number;
  readonly record: {
    readonly singleInstanceLock: number;
    readonly quit: number;
    readonly errorBoxes: ReadonlyArray<{ title: string; content: string }>;
    readonly privilegedSchemes: ReadonlyArray<{ scheme: string; privileges: Record<string, boolean> }>;
    readonly protocolSchemes: readonly string[];
    readonly windows: ReadonlyArray<{ options: { webPreferences: Record<string, unknown> }; loadedUrls: readonly string[] }>;
    readonly ipcChannels: readonly string[];
    readonly appEvents: readonly string[];
    readonly applicationMenu: ReadonlyArray<{ label: string | null; role: string | null; items: ReadonlyArray<string | null> }> | null;
  };
  readonly [key: string]: unknown;
}

function drive(env: Record<string, string> = {}): Promise<Driven> {
  return new Promise((done, failed) => {
    execFile(process.execPath, [DRIVER, ENTRY], { env: { ...process.env, GMA_IDENTITY_ENDPOINTS: '', GMA_STUB_USER_DATA: userData, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return failed(new Error(`driver failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').at(-1) ?? '';
      done(JSON.parse(line) as Driven);
    });
  });
}

let normal: Driven;
beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first`);
  userData = await mkdtemp(join(tmpdir(), 'gma-glue-'));
  normal = await drive();
});
afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('Electron glue of the built main entry', () => {
  it('takes the single-instance lock, and focuses the window on a second instance', () => {
    expect(normal.record.singleInstanceLock).toBe(1);
    expect(normal.record.quit).toBe(0);
    expect(normal.record.appEvents).toEqual(expect.arrayContaining(['second-instance', 'window-all-closed', 'activate']));
    expect(normal.focusedOnSecondInstance).toBe(1);
  });

  it('quits when another instance holds the lock', async () => {
    const second = await drive({ GMA_STUB_SINGLE_INSTANCE: 'taken' });
    expect(second.record.quit).toBeGreaterThanOrEqual(1);
  });

  it('registers app:// as a secure standard scheme and serves the build with the CSP header', () => {
    expect(normal.record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(normal.record.protocolSchemes).toEqual(['app']);
    const served = normal.served as Record<string, { status: number; csp: string | null; nosniff: string | null; body: string }>;
    expect(served['index']).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });
    expect(served['index']!.body).toMatch(/<!doctype html>/i);
    expect(served['root']).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(served['otherHost']!.status).toBe(404);
    expect(served['traversal']!.status).toBe(404);
    expect(served['encodedSlash']!.status).toBe(404);
  });

  it('creates one locked-down window on app://renderer/index.html with an existing preload', () => {
    expect(normal.record.windows).toHaveLength(1);
    const [win] = normal.record.windows;
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(String(win!.options.webPreferences['preload'])).toMatch(/out[\\/]preload[\\/]preload\.cjs$/);
    expect(normal.preloadExists).toBe(true);
    expect(win!.loadedUrls).toEqual(['app://renderer/index.html']);
  });

  it('denies navigation away, new windows, webviews and every permission', () => {
    expect(normal.navigation).toEqual({ away: true, file: true, own: false, redirectAway: true });
    expect(normal.webviewPrevented).toBe(true);
    expect(normal.newWindow).toEqual({ evil: { action: 'deny' }, javascript: { action: 'deny' }, docs: { action: 'deny' } });
    // An allow-listed link goes to the system browser instead; nothing else does.
    expect(normal.openedExternally).toEqual(['https://learn.microsoft.com/en-us/entra/']);
    expect(normal.permissionAnswers).toEqual([false, false]);
    expect(normal.permissionCheck).toEqual([false, false]);
  });

  it('registers every contract channel on ipcMain, each behind the sender guard', () => {
    expect([...normal.record.ipcChannels].sort()).toEqual([...CHANNEL_NAMES].sort());
    const ipc = normal.ipc as Record<string, { ok: boolean; error?: { code: string } }>;
    expect(ipc['trusted']).toMatchObject({ ok: true });
    for (const k of ['otherWindow', 'subFrame', 'otherOrigin', 'noFrame']) expect(ipc[k]).toMatchObject({ ok: false, error: { code: 'ipc/untrusted-sender' } });
    // Even a trusted page cannot make the app open a folder it did not export to.
    expect(ipc['showForeignPath']).toMatchObject({ ok: false, error: { code: 'export/path-unknown' } });
    expect(normal.shownInFolder).toEqual([]);
    const refusals = normal.untrustedRefusals as Record<string, string>;
    expect(Object.keys(refusals).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(new Set(Object.values(refusals))).toEqual(new Set(['ipc/untrusted-sender']));
  });

  it('sets an application menu whose Edit menu gives fields copy and paste', () => {
    const menu = normal.record.applicationMenu;
    expect(menu).not.toBeNull();
    const edit = menu!.find((m) => m.label === 'Edit');
    expect(edit?.items).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    expect(menu!.map((m) => m.label)).toEqual(expect.arrayContaining(['Edit', 'Help']));
  });

  it('the renderer and preload paths exist in the build output', () => {
    expect(existsSync(resolve('out/renderer/index.html'))).toBe(true);
    expect(existsSync(resolve('out/preload/preload.cjs'))).toBe(true);
  });

  it.each([
    ['not JSON', '{authorityHost'],
    ['plain http', '{"authorityHost":"http://login.example"}'],
    ['an unknown key', '{"authority":"https://login.example"}'],
  ])('fails closed on an invalid GMA_IDENTITY_ENDPOINTS (%s): error box, exit 1, no window, no IPC', async (_what, value) => {
    const failed = await drive({ GMA_IDENTITY_ENDPOINTS: value });
    expect(failed.exitedWith).toBe(1);
    expect(failed.record.errorBoxes.map((b) => b.title)).toEqual(['Invalid GMA_IDENTITY_ENDPOINTS']);
    expect(failed.record.windows).toEqual([]);
    expect(failed.record.ipcChannels).toEqual([]);
  });

  it('a valid GMA_IDENTITY_ENDPOINTS starts normally', async () => {
    const custom = await drive({ GMA_IDENTITY_ENDPOINTS: '{"authorityHost":"https://localhost:8443"}' });
    expect(custom.record.errorBoxes).toEqual([]);
    expect(custom.record.windows).toHaveLength(1);
  });
});
