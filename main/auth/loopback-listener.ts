import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ok, type Result } from '../../shared/result';
import { bindLoopbackPort } from './loopback-bind';
import { OperationScope, type StopReason } from './operation-scope';

/** How the identity platform delivers the response: query of a GET (admin consent, XSOAR) or a form POST (MSAL). */
export type ResponseDelivery = 'query' | 'form_post';

/** What the listener is told to wait for. */
export interface LoopbackListenerOptions {
  /** 0 = any free port (our own redirects); a fixed port for the XSOAR redirect URI. */
  readonly port: number;
  /** Path of the redirect URI (`/` for `http://localhost:<port>`). */
  readonly path: string;
  /** Host name written in the redirect URI: `localhost` (Entra's rule for loopback) or `127.0.0.1`. */
  readonly redirectHost?: 'localhost' | '127.0.0.1';
  readonly delivery: ResponseDelivery;
  /** Only a response carrying exactly this `state` ends the wait; others are refused and ignored. */
  readonly expectedState: string;
  /** Upper bound of the wait (5 minutes for interactive steps). */
  readonly timeoutMs: number;
  /** The user's Cancel. */
  readonly signal?: AbortSignal;
  /** The page shown in the browser for the accepted response: success unless it carried `error`. */
  readonly pages: { readonly success: string; readonly failure: string };
}

/** The end of the wait. */
export type LoopbackOutcome =
  | {
      readonly kind: 'response';
      /** All parameters of the accepted response (query or form), first value of each. */
      readonly params: ReadonlyMap<string, string>;
      /** The accepted response as an address `http://localhost:<port><path>?<params>` for parsers that want one. */
      readonly address: string;
    }
  | { readonly kind: 'stopped'; readonly reason: StopReason };

/** A listening loopback endpoint. */
export interface LoopbackListener {
  /** `http://localhost:<port>` (plus the path when it is not `/`): register/send exactly this. */
  readonly redirectUri: string;
  readonly port: number;
  /** Settles once: the accepted response, or `stopped` (cancel, timeout, close). The port is closed by then. */
  readonly outcome: Promise<LoopbackOutcome>;
  /** Stops waiting and closes the port (idempotent); resolves when the port is closed. */
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 64 * 1024;

/** Security headers of every answer: nothing cached, nothing loaded, no referrer to leak the code. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A minimal page: a heading and one sentence, no scripts, no echo of the request. */
export function loopbackPage(title: string, sentence: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;margin:3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(sentence)}</p></body></html>`;
}

function answer(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, connection: 'close' });
  res.end(html);
}

function readForm(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function firstValues(search: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of search) if (!params.has(key)) params.set(key, value);
  return params;
}

/**
 * Starts a one-shot HTTP listener on the loopback port (127.0.0.1 and [::1], see {@link bindLoopbackPort}) for an OAuth redirect.
 *
 * It accepts exactly one response: a request on `path` (GET with a query, or a form POST) whose `state` equals
 * `expectedState`. Requests with another or no `state`, another path or method, or a `Host` header that is not
 * our loopback name (DNS rebinding) get a 4xx page and change nothing, so a stray or forged request can
 * neither end nor hijack the wait. After the accepted response, a timeout, Cancel or `close()`, the server stops
 * listening and drops every open connection, so the port is really closed when `outcome` settles.
 *
 * Fails with `auth/port-in-use` when the port cannot be bound.
 */
export async function startLoopbackListener(options: LoopbackListenerOptions): Promise<Result<LoopbackListener>> {
  const bound = await bindLoopbackPort(options.port);
  if (!bound.ok) return bound;
  const { servers, port } = bound.value;
  const sockets = new Set<Socket>();
  for (const server of servers) {
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }

  const redirectHost = options.redirectHost ?? 'localhost';
  const redirectUri = `http://${redirectHost}:${port}${options.path === '/' ? '' : options.path}`;
  const allowedHosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, ...(port === 80 ? ['localhost', '127.0.0.1', '[::1]'] : [])]);
  const scope = new OperationScope(options.signal, options.timeoutMs);

  let settle!: (outcome: LoopbackOutcome) => void;
  const settled = new Promise<LoopbackOutcome>((resolve) => (settle = resolve));
  let done = false;
  let closing: Promise<void> | null = null;

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      scope.dispose();
      void Promise.all(servers.map((server) => new Promise<void>((closed) => server.close(() => closed())))).then(() => resolve());
      // Give the page just written a moment to flush, then drop keep-alive and half-open connections.
      setImmediate(() => {
        for (const socket of sockets) socket.destroy();
      });
    });
    return closing;
  };

  const finish = (outcome: LoopbackOutcome): void => {
    if (done) return;
    done = true;
    void close().then(() => settle(outcome));
  };

  scope.signal.addEventListener('abort', () => finish({ kind: 'stopped', reason: scope.stopReason ?? 'cancelled' }), { once: true });

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      if (done) return answer(res, 410, loopbackPage('Already finished', 'This sign-in step is over; return to Graph Mail Auth Assistant.'));
      if (!allowedHosts.has(req.headers.host ?? '')) return answer(res, 421, loopbackPage('Not accepted', 'This address only answers the sign-in started by Graph Mail Auth Assistant.'));
      const url = new URL(req.url ?? '/', `http://localhost:${port}`);
      if (url.pathname !== options.path) return answer(res, 404, loopbackPage('Not found', 'Nothing here.'));
      let search: URLSearchParams;
      if (options.delivery === 'query' && req.method === 'GET') search = url.searchParams;
      else if (options.delivery === 'form_post' && req.method === 'POST' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        const form = await readForm(req);
        if (form === null) return answer(res, 413, loopbackPage('Not accepted', 'The response is too large.'));
        search = new URLSearchParams(form);
      } else return answer(res, 405, loopbackPage('Not accepted', 'This address only receives the sign-in response.'));

      const params = firstValues(search);
      if (params.get('state') !== options.expectedState) {
        return answer(res, 400, loopbackPage('Not accepted', 'This response does not belong to the sign-in Graph Mail Auth Assistant is waiting for. Start the step again from the app.'));
      }
      const failed = params.has('error');
      const outcome: LoopbackOutcome = { kind: 'response', params, address: `${redirectUri}${options.path === '/' ? '/' : ''}?${search.toString()}` };
      // Claim the result now (a second matching request gets "Already finished"), close once the page is sent.
      done = true;
      res.once('close', () => void close().then(() => settle(outcome)));
      answer(res, 200, failed ? options.pages.failure : options.pages.success);
    })();
  };
  for (const server of servers) server.on('request', onRequest);

  return ok({ redirectUri, port, outcome: settled, close: async () => { finish({ kind: 'stopped', reason: 'cancelled' }); await close(); } });
}
