import { FetchHttpClient } from './fetch-http-client';
import type { HttpClient } from '../ports/http-client';

/**
 * {@link HttpClient} over Node's global fetch: used by tests and by the browser test host. Node trusts the test
 * identity platform's CA through `NODE_EXTRA_CA_CERTS` (test/idp/README.md), so there is no test-only path.
 */
export function createNodeFetchClient(): HttpClient {
  return new FetchHttpClient((url, init) => fetch(url, init));
}
