import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A local port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('scripts/ensure-electron.mjs (first step of npm start)', () => {
  it('when the runtime cannot be downloaded, says what failed and how to get around it, without a stack trace', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'gma-electron-cache-'));
    try {
      const mirror = `http://127.0.0.1:${await closedPort()}/`;
      // The Windows runtime is never installed here, so the installer always tries to download it.
      const run = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], {
        env: { ...process.env, ELECTRON_MIRROR: mirror, npm_config_platform: 'win32', npm_config_arch: 'x64', electron_config_cache: cache },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Could not get the Electron 45.5.0 runtime (electron-v45.5.0-win32-x64.zip)');
      expect(run.stderr).toContain(`Source: ${mirror}`);
      expect(run.stderr).toMatch(/Error: {2}TypeError: fetch failed \(ECONNREFUSED/);
      expect(run.stderr).toContain('GLOBAL_AGENT_HTTPS_PROXY');
      expect(run.stderr).toContain('ELECTRON_MIRROR=');
      expect(run.stderr).toContain(`into the Electron cache, ${cache}`);
      expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
