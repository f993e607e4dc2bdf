import { bench, describe } from 'vitest';
import { startIdentityPlatform } from '../idp/identity-platform';
import { TENANT, USERS } from '../integration/idp/fixture';

// Start-up time of the test identity platform (target: under 3 s). A benchmark, not an assertion:
//   npx vitest bench --run --project integration test/bench/idp-startup.bench.ts
describe('test identity platform', () => {
  bench('startIdentityPlatform + close (one tenant, three users)', async () => {
    const idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
    await idp.close();
  }, { iterations: 10, warmupIterations: 1, time: 0 });
});
