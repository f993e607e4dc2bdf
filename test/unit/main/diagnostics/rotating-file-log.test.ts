import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingFileLog } from '../../../../main/diagnostics/rotating-file-log';
import { REDACTED } from '../../../../shared/diagnostics/redact';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RotatingFileLog', () => {
  it('writes redacted JSON lines, readable only by the user', async () => {
    const log = new RotatingFileLog(join(dir, 'logs'), 'cli');
    const token = `0.AXkA${'x'.repeat(200)}`;
    log.log('warn', 'auth', `token request failed for ${token}`, { refreshToken: token, status: 400 });
    const text = await readFile(join(dir, 'logs', 'gma.log'), 'utf8');
    expect(text).not.toContain(token);
    const entry = JSON.parse(text.trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', source: 'cli', component: 'auth', fields: { refreshToken: REDACTED, status: 400 } });
    expect((await stat(join(dir, 'logs', 'gma.log'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'logs'))).mode & 0o777).toBe(0o700);
  });

  it('stays bounded: rotates at the size limit and keeps only the configured files', async () => {
    const log = new RotatingFileLog(join(dir, 'logs'), 'app', undefined, { maxFileBytes: 2_000, keepFiles: 2 });
    for (let i = 0; i < 200; i += 1) log.log('info', 'test', `line ${i} ${'.'.repeat(50)}`);
    const files = (await readdir(join(dir, 'logs'))).sort();
    expect(files).toEqual(['gma.1.log', 'gma.2.log', 'gma.log']);
    for (const f of files) expect((await stat(join(dir, 'logs', f))).size).toBeLessThanOrEqual(2_000);
    const tail = log.tail(5);
    expect(tail).toHaveLength(5);
    expect(tail.at(-1)).toContain('line 199');
  });

  it('cuts a runaway line and never throws on an unwritable folder', async () => {
    const log = new RotatingFileLog(join(dir, 'logs'), 'app');
    log.log('info', 'test', 'y '.repeat(20_000));
    const text = await readFile(join(dir, 'logs', 'gma.log'), 'utf8');
    expect(text.length).toBeLessThan(4_200);
    // A regular file where the folder should be: mkdir fails with ENOTDIR. (Not a path under /proc: Node's
    // recursive mkdir loops forever there.)
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const broken = new RotatingFileLog(join(blocker, 'logs'), 'app');
    expect(() => broken.log('error', 'test', 'x')).not.toThrow();
  });
});
