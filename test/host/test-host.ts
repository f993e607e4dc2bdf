/**
 * Browser test host: serves the built renderer on 127.0.0.1 and injects a
 * bridge that implements `window.api` over HTTP against a real
 * {@link HandlerRegistry}. Test-only; never shipped.
 *
 * Security even in tests: a random per-run token is required to load the
 * page, fetch the bridge and call the registry, and requests whose Host
 * header is not this server are refused (no DNS rebinding).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CHANNEL_NAMES, splitChannel } from '../../shared/ipc/channel-names';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import type { HandlerRegistry } from '../../main/ipc/handler-registry';

/** A running host. */
export interface TestHost {
  /** The page URL, token included. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1024 * 1024;

/** The bridge script: the same channel → `api.domain.method` mapping as the preload. */
function bridgeScript(token: string): string {
  const map: Record<string, Record<string, string>> = {};
  for (const channel of CHANNEL_NAMES) {
    const { domain, method } = splitChannel(channel);
    (map[domain] ??= {})[method] = channel;
  }
  return `(() => {
  const token = ${JSON.stringify(token)};
  const map = ${JSON.stringify(map)};
  const invoke = async (channel, request) => {
    const res = await fetch('/__rpc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': token },
      body: JSON.stringify(request === undefined ? null : request),
    });
    return res.json();
  };
  const api = {};
  for (const [domain, methods] of Object.entries(map)) {
    api[domain] = {};
    for (const [method, channel] of Object.entries(methods)) api[domain][method] = (request) => invoke(channel, request);
    Object.freeze(api[domain]);
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
})();
`;
}

/** Starts a host for `rendererDir` (the built `out/renderer`) serving `registry`. */
export async function startTestHost(rendererDir: string, registry: HandlerRegistry): Promise<TestHost> {
  const token = randomBytes(24).toString('hex');
  const root = resolve(rendererDir);
  let origin = '';

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'host error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host');
    if (req.method === 'POST' && url.pathname.startsWith('/__rpc/')) {
      if (req.headers['x-bridge-token'] !== token) return send(res, 403, 'text/plain', 'bad token');
      const body = await readBody(req);
      let payload: unknown;
      try {
        payload = JSON.parse(body);
      } catch {
        payload = undefined;
      }
      const result = await registry.invoke(decodeURIComponent(url.pathname.slice('/__rpc/'.length)), payload);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/__test-bridge.js') {
      if (url.searchParams.get('token') !== token) return send(res, 403, 'text/plain', 'bad token');
      return send(res, 200, TYPES['.js']!, bridgeScript(token));
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (url.searchParams.get('token') !== token) return send(res, 403, 'text/plain', 'bad token');
      const html = await readFile(resolve(root, 'index.html'), 'utf8');
      const injected = html.replace('<script', `<script src="/__test-bridge.js?token=${token}"></script>\n    <script`);
      return send(res, 200, TYPES['.html']!, injected);
    }
    const file = resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + sep)) return send(res, 404, 'text/plain', 'not found');
    try {
      const data = await readFile(file);
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data);
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
