import type { HttpClient } from './http-client';

/** How one XSOAR connection reaches its server. */
export interface XsoarTransportOptions {
  /** Extra CA certificates (PEM) trusted besides the system's; empty for the system's trust only. */
  readonly caPem: string;
}

/**
 * Makes the {@link HttpClient} for one XSOAR connection. Redirects are not followed (a redirect means the console's
 * browser address, which the probe reports); TLS is always verified — there is no "ignore certificate errors".
 */
export type XsoarTransportFactory = (options: XsoarTransportOptions) => HttpClient;
