// Drives the BUILT main entry (out/main/index.js) with the recording
// `electron` stand-in and prints what it did as one JSON line on stdout.
// Usage: node test/electron-glue/drive-main.mjs <path to out/main/index.js>
// Environment: GMA_STUB_USER_DATA (required), GMA_STUB_SINGLE_INSTANCE=taken,
// GMA_IDENTITY_ENDPOINTS (passed through to the product).
import { register } from 'node:module';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register('./electron-alias-hooks.mjs', import.meta.url);

const entry = resolve(process.argv[2] ?? 'out/main/index.js');
const report = { entry };
const print = () => process.stdout.write(`${JSON.stringify(report)}\n`);

globalThis.gmaElectronExit = (code) => {
  report.exitedWith = code;
  report.record = summarize(globalThis.gmaElectronRecord);
  print();
  process.exit(0);
};

await import(pathToFileURL(entry).href);
for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
const rec = globalThis.gmaElectronRecord;
report.record = summarize(rec);

const win = rec.windows[0];
if (win !== undefined) {
  const wc = win.webContents;
  report.preloadExists = existsSync(win.options.webPreferences.preload);
  // Navigation: only the app's own origin.
  const navigate = (event, url) => {
    let prevented = false;
    for (const l of wc.listeners(event)) l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  report.navigation = {
    away: navigate('will-navigate', 'https://evil.example/'),
    file: navigate('will-navigate', 'file:///etc/passwd'),
    own: navigate('will-navigate', 'app://renderer/index.html#x'),
    redirectAway: navigate('will-redirect', 'https://evil.example/'),
  };
  let webviewPrevented = false;
  for (const l of wc.listeners('will-attach-webview')) l({ preventDefault: () => (webviewPrevented = true) }, {}, {});
  report.webviewPrevented = webviewPrevented;
  report.newWindow = {
    evil: wc.windowOpenHandler?.({ url: 'https://evil.example/' }),
    javascript: wc.windowOpenHandler?.({ url: 'javascript:alert(1)' }),
    docs: wc.windowOpenHandler?.({ url: 'https://learn.microsoft.com/en-us/entra/' }),
  };
  await new Promise((r) => setTimeout(r, 50));
  report.openedExternally = [...rec.openedExternally];
  const answers = [];
  rec.permissionRequestHandler?.(wc, 'media', (granted) => answers.push(granted), {});
  rec.permissionRequestHandler?.(wc, 'notifications', (granted) => answers.push(granted), {});
  report.permissionAnswers = answers;
  report.permissionCheck = [rec.permissionCheckHandler?.(wc, 'clipboard-read', 'app://renderer', {}), rec.permissionCheckHandler?.(wc, 'geolocation', 'app://renderer', {})];

  // The app:// scheme: files of the build with the CSP header; nothing outside it.
  const handler = rec.protocolHandlers.get('app');
  const get = async (url) => {
    const res = await handler(new Request(url));
    return { status: res.status, csp: res.headers.get('content-security-policy'), nosniff: res.headers.get('x-content-type-options'), body: res.status === 200 ? (await res.text()).slice(0, 200) : '' };
  };
  report.served = {
    index: await get('app://renderer/index.html'),
    root: await get('app://renderer/'),
    otherHost: await get('app://elsewhere/index.html'),
    traversal: await get('app://renderer/%2e%2e/%2e%2e/package.json'),
    encodedSlash: await get('app://renderer/..%2f..%2fpackage.json'),
  };

  // IPC: every channel behind the sender guard.
  const trusted = { sender: { id: wc.id }, senderFrame: { url: 'app://renderer/index.html', parent: null } };
  const invoke = (channel, event, payload = {}) => rec.ipcHandlers.get(channel)(event, payload);
  report.ipc = {
    trusted: await invoke('app:get-info', trusted),
    otherWindow: await invoke('app:get-info', { sender: { id: wc.id + 100 }, senderFrame: trusted.senderFrame }),
    subFrame: await invoke('app:get-info', { sender: { id: wc.id }, senderFrame: { url: 'app://renderer/index.html', parent: {} } }),
    otherOrigin: await invoke('app:get-info', { sender: { id: wc.id }, senderFrame: { url: 'https://evil.example/', parent: null } }),
    noFrame: await invoke('app:get-info', { sender: { id: wc.id }, senderFrame: null }),
    // "Show in folder" is wired to the shell, and refuses a path the app did not export.
    showForeignPath: await invoke('shell:show-in-folder', trusted, { path: '/etc/passwd' }),
  };
  report.shownInFolder = [...rec.shownInFolder];
  // Every channel refuses an untrusted sender before looking at the payload.
  const refusals = {};
  for (const channel of rec.ipcHandlers.keys()) {
    const r = await invoke(channel, { sender: { id: 9999 }, senderFrame: trusted.senderFrame }, { anything: true });
    refusals[channel] = r?.ok === false ? r.error.code : 'answered';
  }
  report.untrustedRefusals = refusals;
  for (const l of rec.appListeners.get('second-instance') ?? []) l();
  report.focusedOnSecondInstance = win.focused;
}
print();
process.exit(0);

function summarize(recorded) {
  return {
    singleInstanceLock: recorded.singleInstanceLock,
    quit: recorded.quit,
    exit: recorded.exit,
    errorBoxes: recorded.errorBoxes,
    privilegedSchemes: recorded.privilegedSchemes,
    protocolSchemes: [...recorded.protocolHandlers.keys()],
    windows: recorded.windows.map((w) => ({ options: w.options, loadedUrls: w.loadedUrls })),
    ipcChannels: [...recorded.ipcHandlers.keys()],
    hasPermissionRequestHandler: recorded.permissionRequestHandler !== null,
    hasPermissionCheckHandler: recorded.permissionCheckHandler !== null,
    appEvents: [...recorded.appListeners.keys()],
    // Labels and roles only (click handlers do not survive JSON).
    applicationMenu: recorded.applicationMenu === null ? null : recorded.applicationMenu.template.map((m) => ({ label: m.label ?? null, role: m.role ?? null, items: (m.submenu ?? []).map((i) => i.role ?? i.label ?? i.type ?? null) })),
  };
}
