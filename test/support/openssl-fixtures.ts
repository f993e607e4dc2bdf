/**
 * Key, certificate and PKCS#12 files made by the real `openssl` command at
 * test time, so our parsing and thumbprints are checked against OpenSSL's,
 * not against values we computed ourselves.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory with an `openssl` runner. Call `dispose()` when done. */
export interface OpenSslWorkspace {
  readonly dir: string;
  /** Runs `openssl <args>` in `dir`; returns stdout. Throws with stderr on failure. */
  run(args: readonly string[]): string;
  /** Reads a file of the workspace as text. */
  text(name: string): string;
  /** Reads a file of the workspace as bytes. */
  bytes(name: string): Buffer;
  /** Writes a file into the workspace and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  dispose(): void;
}

/** Creates a fresh workspace under the OS temp directory. */
export function openSslWorkspace(): OpenSslWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'gma-certs-'));
  return {
    dir,
    run: (args) => execFileSync('openssl', [...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }),
    text: (name) => readFileSync(join(dir, name), 'utf8'),
    bytes: (name) => readFileSync(join(dir, name)),
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `openssl x509 -fingerprint -<algorithm>` of a PEM file, as 40/64 upper-case hex without colons. */
export function opensslFingerprint(ws: OpenSslWorkspace, certFile: string, algorithm: 'sha1' | 'sha256'): string {
  const out = ws.run(['x509', '-in', certFile, '-noout', '-fingerprint', `-${algorithm}`]).trim();
  const value = out.slice(out.indexOf('=') + 1);
  return value.replaceAll(':', '').toUpperCase();
}
