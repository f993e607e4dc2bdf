#!/usr/bin/env node
// `npm start` / `npm run dev`, first step: make sure the Electron runtime is present.
//
// Runs Electron's own installer (node_modules/electron/install.js, which `npm ci` skips: see `allowScripts`)
// and, when it cannot fetch the runtime, replaces its bare stack trace ("TypeError: fetch failed") with what
// failed and the ways around it. Exit code 0 when the runtime is there, 1 when it is not.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  console.error('Electron is not installed in node_modules. Run `npm ci` first.');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(dirname(installScript), 'package.json'), 'utf8'));

const result = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (result.status === 0) process.exit(0);

const details = (result.stderr ?? '').trim();
const cause = details.split('\n').find((line) => line.trim() !== '' && !/^\s+at /.test(line)) ?? `exit code ${result.status}`;
const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const source = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
const cache = process.env.electron_config_cache || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches', 'electron') : process.platform === 'win32' ? join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache') : join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron'));
// The installer prints only "fetch failed"; ask the source once more to learn the underlying reason.
let reason = '';
if (/fetch failed/.test(cause)) {
  try {
    await fetch(source, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const inner = error?.cause ?? error;
    reason = ` (${[inner?.code, inner?.message].filter(Boolean).join(': ')})`;
  }
}
const proxy = process.env.HTTPS_PROXY || process.env.https_proxy || process.env.GLOBAL_AGENT_HTTPS_PROXY;

console.error(`
Could not get the Electron ${version} runtime (electron-v${version}-${platform}-${arch}.zip) that \`npm start\` needs.
  Source: ${source}
  Error:  ${cause}${reason}

What you can do:
  1. Behind a proxy? Set it for the download, then retry:
       ELECTRON_GET_USE_PROXY=1 GLOBAL_AGENT_HTTPS_PROXY=http://proxy.example:8080 npm start${proxy ? `\n     (a proxy is set in your environment, ${proxy}; the download uses it only with ELECTRON_GET_USE_PROXY=1)` : ''}
  2. Use a mirror your network allows (it must hold ${version}/electron-v${version}-${platform}-${arch}.zip):
       ELECTRON_MIRROR=https://your-mirror.example/electron/ npm start
  3. Use a runtime fetched elsewhere: copy electron-v${version}-${platform}-${arch}.zip (and SHASUMS256.txt)
     into the Electron cache, ${cache} (or point electron_config_cache at a folder holding them), then retry.
  4. Skip the download: ELECTRON_OVERRIDE_DIST_PATH=/path/to/an/unpacked/electron-${version} npm start

Node ${process.version}: Electron ${version}'s tooling expects Node >= 22.12; use 22.13 or later (see README, "Which Node for which task").
`);
process.exit(1);
