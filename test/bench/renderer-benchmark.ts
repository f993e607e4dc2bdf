/**
 * Benchmark (a script, not a test) of the built renderer (`out/renderer`, `npm run build`) in Debian's
 * Chromium, served by the browser test host with the real main-process services behind it:
 *
 * - the gzip size of the JavaScript Chromium loads before the first step is interactive (target ≤ 90 KB);
 * - the time from navigation until the first step's first choice is visible, against a static page with one
 *   input field served from 127.0.0.1 in the same Chromium (target ≤ 2×). Each navigation gets a fresh
 *   browser context (an empty cache, as at app start), and the two alternate.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { createAppServices } from '../../main/app/app-services';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store';
import { createNodeFetchClient } from '../../main/adapters/node-fetch-client';
import { NodeFileSystem } from '../../main/adapters/node-file-system';
import { SystemClock } from '../../main/adapters/system-clock';
import { registerHandlers } from '../../main/ipc/register-handlers';
import { keychainServiceName } from '../../main/secrets/secret-accounts';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../shared/config/identity-endpoints';
import { RecordingClipboard } from '../fakes/recording-clipboard';
import { startTestHost } from '../host/test-host';
import { FolderSaveDialog, PresetOpenDialog, RecordingBrowserOpener } from '../host/test-ports';
import { launchChromium } from '../support/chromium';
import { alternate, ratioResult, type BenchResult } from './bench-result';

const RENDERER_DIR = resolve('out/renderer');
const RUNS = 21;
const WARMUP = 2;
/** The first step is interactive when its first method choice is visible. */
const APP_READY = 'input[name="method"]';
const STATIC_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><label>Name <input id="name"></label></body></html>';

async function timeToVisible(browser: Browser, url: string, selector: string, scripts?: Set<string>): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 900 } });
  try {
    const page = await context.newPage();
    if (scripts) page.on('request', (r) => void (r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname)));
    const t = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { state: 'visible' });
    return performance.now() - t;
  } finally {
    await context.close();
  }
}

/** Runs the renderer benchmarks; needs `npm run build` first. */
export async function runRendererBenchmark(): Promise<BenchResult[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'gma-bench-renderer-'));
  const secretStore = new KeytarSecretStore(keychainServiceName('bench-renderer'));
  const services = createAppServices({
    secretStore,
    clipboard: new RecordingClipboard(),
    dataDir: join(workDir, 'data'),
    clock: new SystemClock(),
    http: createNodeFetchClient(),
    endpoints: PRODUCTION_IDENTITY_ENDPOINTS,
    fs: new NodeFileSystem(),
    saveDialog: new FolderSaveDialog(join(workDir, 'exports')),
    openDialog: new PresetOpenDialog(),
    browserOpener: new RecordingBrowserOpener(),
    productName: 'Graph Mail Auth Assistant',
    version: '0.0.0-bench',
  });
  const host = await startTestHost(RENDERER_DIR, registerHandlers(services));
  const statics = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STATIC_PAGE));
  await new Promise<void>((done) => statics.listen(0, '127.0.0.1', done));
  const staticUrl = `http://127.0.0.1:${(statics.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    // Which scripts load before the first step shows (the test host's own bridge is not part of the app).
    const scripts = new Set<string>();
    await timeToVisible(browser, host.url, APP_READY, scripts);
    let gzipBytes = 0;
    for (const path of scripts) {
      if (path === '/__test-bridge.js') continue;
      gzipBytes += gzipSync(await readFile(join(RENDERER_DIR, path))).length;
    }
    const [app, page] = await alternate(RUNS, WARMUP, () => timeToVisible(browser, host.url, APP_READY), () => timeToVisible(browser, staticUrl, '#name'));
    const kb = gzipBytes / 1024;
    return [
      { name: `Renderer: JavaScript before the first step is interactive (${scripts.size - (scripts.has('/__test-bridge.js') ? 1 : 0)} file(s), gzip)`, value: kb, unit: 'KB', baseline: null, baselineName: null, ratio: null, target: 90, met: kb <= 90, runs: 0 },
      ratioResult('Renderer: navigation to the first interactive step (Chromium, cold context)', app, 'static one-field page', page, 2),
    ];
  } finally {
    await browser.close();
    await host.close();
    await new Promise<void>((done) => statics.close(() => done()));
    await services.vault.deleteAll();
    await rm(workDir, { recursive: true, force: true });
  }
}
