import { net } from 'electron';
import { FetchHttpClient } from './fetch-http-client';
import type { HttpClient } from '../ports/http-client';

/**
 * {@link HttpClient} over Electron's `net.fetch`: Chromium's network stack, so MSAL and Graph calls use the
 * system proxy settings (PAC, WPAD) and the OS certificate store, as corporate networks with TLS inspection need.
 * `bypassCustomProtocolHandlers` keeps our own `app://` handler out of the way.
 */
export function createElectronNetHttpClient(): HttpClient {
  return new FetchHttpClient((url, init) => net.fetch(url, { ...init, bypassCustomProtocolHandlers: true }));
}
