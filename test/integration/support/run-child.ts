import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The fault child script and the loader that lets node run it. */
export const CHILD_SCRIPT = resolve('test/integration/support/fault-child.ts');
export const TS_LOADER = resolve('test/support/register-ts.mjs');

/** The argv that runs the fault child with `args`. */
export function childCommand(args: readonly string[]): string[] {
  return [process.execPath, '--import', TS_LOADER, CHILD_SCRIPT, ...args];
}

/** Runs a command to completion (bounded) and parses the last JSON line of its stdout. */
export function runForReport(argv: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  return new Promise((ok, fail) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        ok(JSON.parse(last) as Record<string, unknown>);
      } catch {
        fail(new Error(`no report from child; stdout: ${out.slice(-500)} stderr: ${err.slice(-1500)}`));
      }
    });
  });
}

/** Starts the child and resolves once it printed a line starting with `marker`. */
export function startUntil(argv: readonly string[], marker: string, timeoutMs = 30_000): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`child never printed ${marker}; stderr: ${err.slice(-1500)}`));
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith(marker));
      if (line !== undefined) {
        clearTimeout(timer);
        ok({ child, line });
      }
    });
    child.on('error', fail);
  });
}
