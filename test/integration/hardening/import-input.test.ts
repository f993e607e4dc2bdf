import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliServices } from '../../../main/cli/cli-services';
import { MAILBOX_PARAMS } from '../../fixtures/export-fixtures';
import { fakeOproxyValues } from '../../unit/shared/oproxy/oproxy-fixtures';
import { requirePrivateKeyring } from '../support/private-keyring';

// Issue 11, items 1, 2, 5 and 9, through the built `gma` as a child process
// (what a user sees: exit code, stdout, stderr), against the real keychain.
const GMA = resolve('out/cli/gma.mjs');
const oproxy = fakeOproxyValues();
const cred = (password: string) => ({ credential: '', identifier: '', password, passwordChanged: false });
const XSOAR_APP = { ...MAILBOX_PARAMS, self_deployed: false, creds_auth_id: cred(oproxy.id), creds_refresh_token: cred(oproxy.token), creds_enc_key: cred(oproxy.key) };

let dir: string;
let env: Record<string, string>;

interface Run {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `gma`; a run that does not end within 20 s is killed and reported as `timeout`. */
function gma(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [GMA, ...args], { env: { ...process.env, ...env }, timeout: 20_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : error.killed ? 'timeout' : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

async function file(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'gma-import-input-'));
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `import-input-${randomBytes(4).toString('hex')}` };
});
afterAll(async () => {
  if (env !== undefined) await createCliServices(env, 'test').profiles.forgetEverything();
  await rm(dir, { recursive: true, force: true });
});

describe('item 1: import checks the file before reading it, and reads with a bound', () => {
  it('a FIFO is refused at once (no hang)', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await gma(['import', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });

  it('/dev/zero is refused at once (no unbounded read)', async () => {
    const r = await gma(['import', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });

  it('a 1.9 GB (sparse) file is refused from its size, without reading it', async () => {
    const path = join(dir, 'huge.json');
    const handle = await open(path, 'w');
    await handle.truncate(1_900_000_000);
    await handle.close();
    const r = await gma(['import', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too large/);
  });
});

describe('item 2: no library warning carries file content to any output', () => {
  it('an unknown YAML tag on a secret line is refused by line number, and the secret appears nowhere', async () => {
    const yaml = [
      `mailbox_to_fetch: ${MAILBOX_PARAMS.mailbox_to_fetch}`,
      `folder_to_fetch: ${MAILBOX_PARAMS.folder_to_fetch}`,
      'self_deployed: false',
      `creds_auth_id: {credential: "", identifier: "", password: "${oproxy.id}", passwordChanged: false}`,
      `creds_refresh_token: {credential: "", identifier: "", password: !x "${oproxy.token}", passwordChanged: false}`,
      `creds_enc_key: {credential: "", identifier: "", password: "${oproxy.key}", passwordChanged: false}`,
    ].join('\n');
    const r = await gma(['import', await file('tagged.params.yaml', yaml)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 5/);
    expect(r.stdout + r.stderr).not.toContain(oproxy.token);
    expect(r.stderr).not.toMatch(/Warning/);
  });
});

describe('item 5: text encodings', () => {
  it('bytes that are not UTF-8 inside a secret are refused, naming the parameter', async () => {
    const text = JSON.stringify(XSOAR_APP);
    const at = text.indexOf(oproxy.token) + 10;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(text.slice(at), 'utf8')]);
    const r = await gma(['import', await file('latin.params.json', bytes)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('creds_refresh_token');
    expect(r.stderr).toMatch(/UTF-8/);
    expect(r.stderr).not.toContain(oproxy.token.slice(0, 10));
  });

  it("a UTF-16 file with BOM (Windows PowerShell 5's `>`) is read", async () => {
    const text = JSON.stringify({ ...XSOAR_APP, mailbox_to_fetch: 'utf16@contoso.example' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await gma(['import', await file('ps5.params.json', le)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported profile "ps5"');
  });

  it('a UTF-16 big-endian file with BOM is read too', async () => {
    const text = JSON.stringify({ ...XSOAR_APP, mailbox_to_fetch: 'utf16be@contoso.example' });
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const r = await gma(['import', await file('ps5be.params.json', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))]);
    expect(r.code).toBe(0);
  });
});

describe('item 9: one message per refusal, in the format the file claims', () => {
  it('each problem is printed once', async () => {
    const r = await gma(['import', await file('bad.params.json', JSON.stringify({ ...XSOAR_APP, mailbox_to_fetch: 'not-an-address', fetch_limit: 'many' }))]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    for (const needle of ['not-an-address', 'whole number']) expect(lines.filter((l) => l.includes(needle))).toHaveLength(1);
  });

  it('a truncated .json file is reported as not valid JSON', async () => {
    const text = JSON.stringify(XSOAR_APP, null, 2);
    const r = await gma(['import', await file('cut.params.json', text.slice(0, Math.floor(text.length / 2)))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toMatch(/YAML/);
  });
});
