/**
 * `gma`: the assistant's profiles, exports and imports on the command line.
 * Plain Node, no Electron; the same services and keychain as the app.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli-app';
import { createCliServices } from './cli-services';
import type { CliIo } from './cli-io';

// The bundle lives in out/cli/, two levels below the package's manifest.
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Reads a line from the terminal in raw mode, echoing nothing; `null` without a terminal or on Ctrl-C. */
function askSecret(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return Promise.resolve(null);
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done) => {
    let answer = '';
    const finish = (value: string | null): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      done(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(answer);
        if (ch === '\u0003') return finish(null);
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    stdin.on('data', onData);
  });
}

// Ctrl-C stops a running sign-in cleanly (its loopback port closes); a second Ctrl-C exits at once.
const interrupted = new AbortController();
process.once('SIGINT', () => {
  interrupted.abort();
  process.once('SIGINT', () => process.exit(130));
});

const io: CliIo = {
  cancel: interrupted.signal,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  askSecret,
};

runCli(process.argv.slice(2), async () => createCliServices(process.env, version), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gma: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
