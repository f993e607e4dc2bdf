import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCa } from './test-ca';

/** Environment variable naming the directory of this run's test CA (read by `startIdentityPlatform`). */
export const TEST_CA_DIR_ENV = 'GMA_TEST_CA_DIR';

/**
 * Vitest global setup: makes this run's test CA before any test worker starts.
 *
 * Node reads NODE_EXTRA_CA_CERTS once, at process start, so the CA must exist before the
 * worker processes are forked; they inherit this process's environment. msal-node's fetch
 * (and the product's own fetch) then trust the test platform with no test-only code path.
 * An outer runner may provide the CA instead (both variables already set): it is reused.
 */
export default function setup(): () => void {
  if (process.env[TEST_CA_DIR_ENV] && process.env['NODE_EXTRA_CA_CERTS']) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gma-test-ca-'));
  const ca = createTestCa(dir);
  process.env[TEST_CA_DIR_ENV] = ca.dir;
  process.env['NODE_EXTRA_CA_CERTS'] = ca.certPath;
  return () => rmSync(dir, { recursive: true, force: true });
}
