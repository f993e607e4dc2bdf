import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests (pure logic, services with in-memory
// fakes, components under jsdom), integration tests against real components
// (keychain, identity provider), and end-to-end tests of the built renderer
// in Chromium. `npm test` runs all of them inside a private keychain session.
export default defineConfig({
  test: {
    // Makes this run's test CA and exports NODE_EXTRA_CA_CERTS before workers start (test/idp/README.md).
    globalSetup: ['test/idp/global-setup.ts'],
    projects: [
      {
        extends: true,
        // 20 s, not vitest's 5 s: a few unit tests generate RSA keys, which a loaded 2-core machine needs seconds for.
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 20_000, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // Two files at once even on a 2-core machine (vitest's default there is one): these tests mostly wait on
        // child processes, servers, the keychain daemon and Chromium. A worker count of its own needs a group of its
        // own, so the projects run one after the other: unit, integration, e2e.
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 60_000, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
