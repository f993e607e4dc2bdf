import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote } from '../../../shared/export/curl-examples';
import { exportSettings } from '../../../shared/export/export-formats';
import { FIXTURE_INSTANCE, redactedFixture } from '../../fixtures/export-fixtures';

// Runs the generated curl script with the real /bin/sh and curl against a
// local server standing in for XSOAR, and checks what arrives.

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const FAKE_API_KEY = 'FAKE-api-key-for-tests-0123456789';
const FAKE_KEY_ID = '42';

function record(server: Server, received: Received[]): void {
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function run(script: string, args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', [script, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env }, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function selfSignedCertificate(host: string): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 3_600_000);
  const attrs = [{ name: 'commonName', value: host }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: [{ type: 2, value: host }] }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

describe('generated curl script against a stand-in XSOAR', () => {
  let dir: string;
  let script: string;
  let bodyText: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gma-curl-'));
    const r = exportSettings('rest', { instanceName: FIXTURE_INSTANCE, params: redactedFixture('self-deployed-secret'), secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    const [body, curl] = r.value.files;
    if (body === undefined || curl === undefined) throw new Error('missing files');
    bodyText = body.text;
    await writeFile(join(dir, body.fileName), body.text);
    script = join(dir, curl.fileName);
    await writeFile(script, curl.text);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await rm(dir, { recursive: true, force: true });
  });

  it('XSOAR 6: PUT /acc_<account>/settings/integration with Authorization, body verbatim, key not in argv', async () => {
    const received: Received[] = [];
    const server = createHttpServer();
    servers.push(server);
    record(server, received);
    const port = await listen(server);
    const out = await run(script, ['xsoar6'], { XSOAR_URL: `http://127.0.0.1:${port}/`, XSOAR_API_KEY: FAKE_API_KEY, XSOAR_ACCOUNT: 'acme' }, dir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(received).toHaveLength(1);
    const req = received[0];
    expect(req?.method).toBe('PUT');
    expect(req?.url).toBe('/acc_acme/settings/integration');
    expect(req?.headers['authorization']).toBe(FAKE_API_KEY);
    expect(req?.headers['x-xdr-auth-id']).toBeUndefined();
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toBe(bodyText);
    expect(await readFile(script, 'utf8')).not.toContain(FAKE_API_KEY);
  });

  it('XSOAR 8 / XSIAM: PUT https://api-<fqdn>/xsoar/settings/integration with Authorization and x-xdr-auth-id', async () => {
    const host = 'api-gma-test.example';
    const { key, cert } = selfSignedCertificate(host);
    const received: Received[] = [];
    const server = createHttpsServer({ key, cert });
    servers.push(server);
    record(server, received);
    const port = await listen(server);
    // curl reads $HOME/.curlrc: route the tenant's host to the local server and trust its certificate.
    await writeFile(join(dir, 'ca.pem'), cert);
    await writeFile(join(dir, '.curlrc'), `connect-to = "${host}:443:127.0.0.1:${port}"\ncacert = "${join(dir, 'ca.pem')}"\n`);
    const out = await run(script, ['xsoar8'], { HOME: dir, XSOAR_FQDN: 'gma-test.example', XSOAR_API_KEY: FAKE_API_KEY, XSOAR_API_KEY_ID: FAKE_KEY_ID }, dir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const req = received[0];
    expect(req?.method).toBe('PUT');
    expect(req?.url).toBe('/xsoar/settings/integration');
    expect(req?.headers['host']).toBe(host);
    expect(req?.headers['authorization']).toBe(FAKE_API_KEY);
    expect(req?.headers['x-xdr-auth-id']).toBe(FAKE_KEY_ID);
    expect(req?.body).toBe(bodyText);
  });

  it('stops with a message when the key is not set or the target is unknown', async () => {
    const missing = await run(script, ['xsoar6'], { XSOAR_URL: 'http://127.0.0.1:9' }, dir);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('XSOAR_API_KEY');
    const usage = await run(script, [], {}, dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage:');
  });
});


describe('shellQuote with the real /bin/sh', () => {
  it('passes hostile strings through unexpanded', async () => {
    for (const hostile of [`it's`, '$(id)', '`id`', '${HOME}', 'a\nb', '"; rm -rf / #', "''\\'", '*']) {
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn('/bin/sh', ['-c', `printf %s ${shellQuote(hostile)}`], { timeout: 5_000 });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('error', reject);
        child.on('close', () => resolve(stdout));
      });
      expect(out).toBe(hostile);
    }
  });
});
