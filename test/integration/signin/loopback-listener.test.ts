import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loopbackPage, startLoopbackListener, type LoopbackListener } from '../../../main/auth/loopback-listener';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { portIsOpen } from './signin-fixture';

const PAGES = { success: loopbackPage('OK', 'done'), failure: loopbackPage('Failed', 'not done') };

async function listen(delivery: 'query' | 'form_post', path = '/', timeoutMs = 30_000, signal?: AbortSignal): Promise<LoopbackListener> {
  const started = await startLoopbackListener({ port: 0, path, delivery, expectedState: 'the-state', timeoutMs, pages: PAGES, ...(signal ? { signal } : {}) });
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

/** A raw HTTP request to 127.0.0.1 with a chosen Host header (fetch does not let us forge it). */
function send(port: number, options: { method?: string; path?: string; host?: string; body?: string; type?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: options.host ?? `localhost:${port}`, ...(options.type ? { 'content-type': options.type } : {}) }, timeout: 5_000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.end(options.body);
  });
}

describe('one-shot loopback listener', () => {
  it('accepts one GET with our state, answers a locked-down page, then closes the port', async () => {
    const listener = await listen('query');
    expect(listener.redirectUri).toBe(`http://localhost:${listener.port}`);
    const answer = await send(listener.port, { path: '/?code=abc&state=the-state' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('OK');
    expect(answer.body).not.toContain('abc');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(answer.headers['cache-control']).toBe('no-store');
    const outcome = await listener.outcome;
    expect(outcome).toMatchObject({ kind: 'response', address: `http://localhost:${listener.port}/?code=abc&state=the-state` });
    expect(await portIsOpen(listener.port)).toBe(false);
  });

  it('refuses another state, another path, another method and a foreign Host header, and keeps waiting', async () => {
    const listener = await listen('form_post', '/cb');
    expect((await send(listener.port, { method: 'POST', path: '/cb', body: 'code=x&state=other', type: 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await send(listener.port, { method: 'POST', path: '/elsewhere', body: 'code=x&state=the-state', type: 'application/x-www-form-urlencoded' })).status).toBe(404);
    expect((await send(listener.port, { path: '/cb?code=x&state=the-state' })).status).toBe(405);
    expect((await send(listener.port, { method: 'POST', path: '/cb', host: 'attacker.example', body: 'code=x&state=the-state', type: 'application/x-www-form-urlencoded' })).status).toBe(421);
    expect(await portIsOpen(listener.port)).toBe(true);
    const ok = await send(listener.port, { method: 'POST', path: '/cb', body: 'error=access_denied&error_description=AADSTS65004%3A+no&state=the-state', type: 'application/x-www-form-urlencoded' });
    expect(ok).toMatchObject({ status: 200, body: expect.stringContaining('Failed') });
    const outcome = await listener.outcome;
    expect(outcome.kind === 'response' && outcome.params.get('error')).toBe('access_denied');
  });

  it('a fixed port already in use → auth/port-in-use', async () => {
    const first = await listen('query');
    const second = await startLoopbackListener({ port: first.port, path: '/', delivery: 'query', expectedState: 's', timeoutMs: 1_000, pages: PAGES });
    expect(second).toMatchObject({ ok: false, error: { code: ErrorCode.AuthPortInUse } });
    await first.close();
    expect(await first.outcome).toEqual({ kind: 'stopped', reason: 'cancelled' });
  });

  it('cancel and timeout stop the wait and close the port, even with an idle connection held open', async () => {
    const controller = new AbortController();
    const cancelled = await listen('query', '/', 30_000, controller.signal);
    expect((await send(cancelled.port, { path: '/favicon.ico' })).status).toBe(404);
    // A browser's idle keep-alive connection that never sends a request.
    const idle = connect({ host: '127.0.0.1', port: cancelled.port });
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    await new Promise<void>((resolve) => idle.once('connect', () => resolve()));
    controller.abort();
    expect(await cancelled.outcome).toEqual({ kind: 'stopped', reason: 'cancelled' });
    await idleClosed;
    expect(await portIsOpen(cancelled.port)).toBe(false);

    const timed = await listen('query', '/', 300);
    expect(await timed.outcome).toEqual({ kind: 'stopped', reason: 'timeout' });
    expect(await portIsOpen(timed.port)).toBe(false);
  });
});
