import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Web app's redirect endpoint on 127.0.0.1 that captures the query of each redirect it receives. */
export interface RedirectCatcher {
  /** `http://localhost:<port>/callback` — register this as a Web redirect URI. */
  readonly redirectUri: string;
  /** The query of the next redirect (or one already received), bounded by `timeoutMs`. */
  next(timeoutMs?: number): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Starts a redirect catcher on an ephemeral port. */
export async function startRedirectCatcher(): Promise<RedirectCatcher> {
  const received: URLSearchParams[] = [];
  const waiters: ((q: URLSearchParams) => void)[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Browsers also ask for /favicon.ico: only the callback path counts.
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const query = url.searchParams;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>Done</title><p>Redirect received.</p>');
    const waiter = waiters.shift();
    if (waiter) waiter(query);
    else received.push(query);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://localhost:${port}/callback`,
    next: (timeoutMs = 15_000) => {
      const ready = received.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no redirect within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((q) => {
          clearTimeout(timer);
          resolve(q);
        });
      });
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
