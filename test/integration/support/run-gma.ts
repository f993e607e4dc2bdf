import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The built command line (`npm run build` writes it). */
export const GMA = resolve('out/cli/gma.mjs');

/** How one `gma` child process ended. */
export interface GmaRun {
  /** The exit code; 1 when it was killed or ended by a signal. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `gma` with `args` as a child process of this Node, with `env` over the test's environment (the
 * data folder and keychain prefix of the test), killed after `timeoutMs`.
 */
export function runGma(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<GmaRun> {
  return new Promise((done) => {
    execFile(process.execPath, [GMA, ...args], { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}
