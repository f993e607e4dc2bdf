import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { IdentityPlatform } from '../../idp/identity-platform';
import { endpointsOf } from '../signin/signin-fixture';
import { TS_LOADER } from '../support/run-child';

const CHILD = resolve('test/integration/support/rotation-child.ts');

/** A rotation running in a child process (another app or `gma`), paused at a chosen point until killed. */
export interface PausedRotation {
  /** What the child said: `paused <point>` (or `finished …` when the point never came). */
  readonly said: string;
  /** Kills it with SIGKILL (as a crash would) and resolves once it is gone. */
  kill(): Promise<void>;
}

/** Where the child works: the same data folder, keychain service, identity platform and connection as the test. */
export interface RotationChildScope {
  readonly dataDir: string;
  readonly keychainService: string;
  readonly idp: IdentityPlatform;
  readonly connection: string;
}

/**
 * Starts a rotation of `profileId` in a child process with the real services and waits until it pauses at `point`
 * (`journal:<phase>` or `acted:<action>`; see rotation-child.ts). The child stays alive — holding the profile's
 * rotation claim — until {@link PausedRotation.kill}.
 */
export function startPausedRotation(scope: RotationChildScope, profileId: string, point: string): Promise<PausedRotation> {
  return new Promise((done, failed) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', TS_LOADER, CHILD, scope.dataDir, scope.keychainService, JSON.stringify(endpointsOf(scope.idp)), profileId, scope.connection, point], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const gone = new Promise<void>((ended) => child.once('exit', () => ended()));
    const kill = async (): Promise<void> => {
      child.kill('SIGKILL');
      await gone;
    };
    const timer = setTimeout(() => void kill(), 60_000);
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => /^(paused|finished|failed) /.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        done({ said: line, kill });
      }
    });
    child.on('error', failed);
    void gone.then(() => {
      clearTimeout(timer);
      if (!/^(paused|finished|failed) /m.test(out)) failed(new Error(`child said nothing; stderr: ${err.slice(-1500)}`));
    });
  });
}

/** Runs a rotation in a child process until it pauses at `point`, then kills it with SIGKILL; returns what it said. */
export async function crashAt(scope: RotationChildScope, profileId: string, point: string): Promise<string> {
  const paused = await startPausedRotation(scope, profileId, point);
  await paused.kill();
  return paused.said.startsWith('paused ') ? `${paused.said} (SIGKILL)` : paused.said;
}
