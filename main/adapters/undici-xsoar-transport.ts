import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { HttpClient, HttpRequest, HttpResponse } from '../ports/http-client';
import type { XsoarTransportFactory, XsoarTransportOptions } from '../ports/xsoar-transport';
import { readBoundedResponse } from './bounded-response';

/** Largest XSOAR answer we read (an instance search with its module configuration is a few hundred kilobytes). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Chooses the dispatcher (direct or through a proxy) for one request. */
export type DispatcherFor = (url: string, tls: { readonly ca?: readonly string[] }) => Promise<Dispatcher> | Dispatcher;

/**
 * The trust list for a connection with its own CA: the bundled roots, the certificates named by the standard
 * `NODE_EXTRA_CA_CERTS`, and the connection's PEM. Node replaces (not extends) its store when `ca` is given, so
 * all three are listed.
 */
export function trustWith(caPem: string, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const extraPath = env['NODE_EXTRA_CA_CERTS'];
  let extra: string[] = [];
  if (extraPath) {
    try {
      extra = [readFileSync(extraPath, 'utf8')];
    } catch {
      // An unreadable extra-CA file is Node's own warning at start-up; the connection's CA still applies.
    }
  }
  return [...rootCertificates, ...extra, caPem];
}

/** An {@link HttpClient} over undici's fetch with the given dispatcher; redirects are returned, not followed. */
export class UndiciHttpClient implements HttpClient {
  constructor(
    private readonly dispatcherFor: (url: string) => Promise<Dispatcher> | Dispatcher,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const dispatcher = await this.dispatcherFor(request.url);
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: { ...request.headers },
      redirect: 'manual',
      dispatcher,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    return readBoundedResponse(response, request.url, MAX_BODY_BYTES);
  }
}

/**
 * XSOAR transport for `gma` and the tests: undici with the standard proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`,
 * `NO_PROXY`, lower-case too) and, per connection, an extra CA. Idle connections close after a second so a finished
 * `gma` command exits promptly.
 */
export function createEnvXsoarTransport(env: Readonly<Record<string, string | undefined>> = process.env): XsoarTransportFactory {
  return (options: XsoarTransportOptions) => {
    const ca = options.caPem.trim() === '' ? undefined : trustWith(options.caPem, env);
    const tls = ca === undefined ? {} : { ca };
    // Lower case first, as curl does; an empty value counts as unset.
    const pick = (name: string): string | undefined => env[name.toLowerCase()] || env[name] || undefined;
    const dispatcher = new EnvHttpProxyAgent({
      keepAliveTimeout: 1000,
      connect: tls,
      requestTls: tls,
      ...(pick('HTTP_PROXY') === undefined ? {} : { httpProxy: pick('HTTP_PROXY') }),
      ...(pick('HTTPS_PROXY') === undefined ? {} : { httpsProxy: pick('HTTPS_PROXY') }),
      ...(pick('NO_PROXY') === undefined ? {} : { noProxy: pick('NO_PROXY') }),
    });
    return new UndiciHttpClient(() => dispatcher);
  };
}

/** A direct (no proxy) undici dispatcher trusting the connection's CA, for the app's CA-file connections. */
export function directDispatcher(caPem: string): Dispatcher {
  const tls = { ca: trustWith(caPem) };
  return new Agent({ keepAliveTimeout: 1000, connect: tls });
}
