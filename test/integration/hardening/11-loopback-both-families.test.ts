import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loopbackPage, startLoopbackListener } from '../../../main/auth/loopback-listener';
import { ErrorCode } from '../../../shared/errors/error-codes';

// Issue 11, item 11: the listener bound 127.0.0.1 but sent the browser to
// http://localhost:P; a process holding [::1]:P received the redirect with the
// code and state. The listener now holds the port on both loopback families.
//
// This sandbox has IPv6 loopback (checked in beforeAll: the test fails, not
// skips, if [::1] cannot be bound, since it would prove nothing).
const PAGES = { success: loopbackPage('OK', 'done'), failure: loopbackPage('Failed', 'not done') };
const squatters: Server[] = [];

function listenOn(host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((_req, res) => res.end('squatter got it'));
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}

function get(host: string, port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers: { host: `localhost:${port}` }, timeout: 5_000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.end();
  });
}

beforeAll(async () => {
  const probe = await listenOn('::1', 0);
  await new Promise<void>((r) => probe.close(() => r()));
});
afterEach(async () => {
  await Promise.all(squatters.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

describe('item 11: loopback on both ::1 and 127.0.0.1', () => {
  it('a squatter on [::1]:P makes a fixed port P fail with auth/port-in-use instead of receiving the code', async () => {
    const squatter = await listenOn('::1', 0);
    squatters.push(squatter);
    const port = (squatter.address() as AddressInfo).port;
    const started = await startLoopbackListener({ port, path: '/', delivery: 'query', expectedState: 'st', timeoutMs: 5_000, pages: PAGES });
    if (started.ok) await started.value.close();
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.code).toBe(ErrorCode.AuthPortInUse);
  });

  it('an ephemeral port is held on both families: the response arrives over ::1 as well', async () => {
    const started = await startLoopbackListener({ port: 0, path: '/', delivery: 'query', expectedState: 'st', timeoutMs: 10_000, pages: PAGES });
    if (!started.ok) throw new Error(started.error.message);
    const listener = started.value;
    // Nobody else can take [::1]:P while we wait.
    await expect(listenOn('::1', listener.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const answer = await get('::1', listener.port, '/?code=c0de&state=st');
    expect(answer.status).toBe(200);
    const outcome = await listener.outcome;
    expect(outcome.kind === 'response' && outcome.params.get('code')).toBe('c0de');
    // Both families are released.
    const again4 = await listenOn('127.0.0.1', listener.port);
    const again6 = await listenOn('::1', listener.port);
    squatters.push(again4, again6);
  });
});
