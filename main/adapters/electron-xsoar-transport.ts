import { net, session } from 'electron';
import { ProxyAgent } from 'undici';
import type { HttpClient, HttpRequest, HttpResponse } from '../ports/http-client';
import type { XsoarTransportFactory } from '../ports/xsoar-transport';
import { directDispatcher, trustWith, UndiciHttpClient } from './undici-xsoar-transport';

/** `net.fetch` without following redirects (a redirect means the console's browser address). */
class NetFetchClient implements HttpClient {
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await net.fetch(request.url, {
      method: request.method,
      headers: { ...request.headers },
      redirect: 'manual',
      bypassCustomProtocolHandlers: true,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  }
}

/**
 * The app's XSOAR transport. Without a CA file: Chromium's network stack (system proxy, PAC, OS trust store). With a
 * connection's CA file: undici trusting the bundled roots plus that CA, routed through the proxy Chromium resolves
 * for the URL — so an internal CA never needs "ignore certificate errors".
 */
export function createElectronXsoarTransport(): XsoarTransportFactory {
  return ({ caPem }) => {
    if (caPem.trim() === '') return new NetFetchClient();
    return new UndiciHttpClient(async (url) => {
      const rule = (await session.defaultSession.resolveProxy(url)).split(';')[0]?.trim() ?? 'DIRECT';
      const match = /^(PROXY|HTTPS)\s+(\S+)$/.exec(rule);
      if (match === null) return directDispatcher(caPem);
      const scheme = match[1] === 'HTTPS' ? 'https' : 'http';
      return new ProxyAgent({ uri: `${scheme}://${match[2]}`, requestTls: { ca: trustWith(caPem) } });
    });
  };
}
