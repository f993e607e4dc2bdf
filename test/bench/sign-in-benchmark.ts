/**
 * Benchmark (a script, not a test) of the verified sign-in against the test identity platform, with Chromium
 * playing the user: the app's `SignInVerificationService.verify` (tenant lookup, own loopback listener, PKCE,
 * code redemption, checklist) against a bare msal-node `acquireTokenInteractive` followed by the same
 * checklist, so the ratio is the overhead of the app's sign-in over msal-node's own (target ≤ 1.03×).
 *
 * Needs NODE_EXTRA_CA_CERTS set to the test CA before Node starts, so run-benchmarks.ts runs it as a child.
 */
import { PublicClientApplication } from '@azure/msal-node';
import { performance } from 'node:perf_hooks';
import { createNodeFetchClient } from '../../main/adapters/node-fetch-client';
import { runSignInChecklist } from '../../main/auth/sign-in-checklist';
import { SignInVerificationService } from '../../main/auth/sign-in-verification-service';
import { TenantResolver } from '../../main/auth/tenant-resolver';
import { msalAuthorityFor } from '../../shared/config/identity-endpoints';
import { launchBrowserUser } from '../idp/browser-user';
import { startIdentityPlatform } from '../idp/identity-platform';
import { ALICE, publicApp, TENANT, TID, USERS } from '../integration/idp/fixture';
import { endpointsOf } from '../integration/signin/signin-fixture';
import type { BrowserOpener } from '../../main/ports/browser-opener';
import { alternate, ratioResult, type BenchResult } from './bench-result';

const RUNS = 9;
const WARMUP = 1;
const SCOPES = ['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'MailboxSettings.ReadWrite'].map((p) => `https://graph.microsoft.com/${p}`);

/** Runs the sign-in benchmark. */
export async function runSignInBenchmark(): Promise<BenchResult[]> {
  const idp = await startIdentityPlatform({ tenants: [TENANT], users: USERS });
  const browser = await launchBrowserUser(idp.caCertPath);
  const endpoints = endpointsOf(idp);
  const http = createNodeFetchClient();
  const target = { mailbox: ALICE.upn, folderToFetch: 'Inbox' };
  const script = { user: ALICE, consent: 'accept' } as const;
  try {
    const app = async (): Promise<number> => {
      const registered = idp.registerApp(publicApp());
      // The system browser: Chromium plays the user; what its page shows at the end does not matter here.
      const opener: BrowserOpener = { open: async (url) => void browser.play(url, script).catch(() => undefined) };
      const service = new SignInVerificationService(http, endpoints, new TenantResolver(http, endpoints), opener);
      const t = performance.now();
      const result = await service.verify({ tenant: TID, clientId: registered.clientId, ...target, prompt: 'login' });
      const elapsed = performance.now() - t;
      if (!result.ok || !result.value.allPassed) throw new Error(`app sign-in failed: ${JSON.stringify(result)}`);
      return elapsed;
    };
    const bare = async (): Promise<number> => {
      const registered = idp.registerApp(publicApp());
      const { authority, knownAuthorities } = msalAuthorityFor(endpoints, TID);
      const t = performance.now();
      const pca = new PublicClientApplication({ auth: { clientId: registered.clientId, authority, knownAuthorities: [...knownAuthorities] } });
      let played: Promise<unknown> = Promise.resolve();
      const result = await pca.acquireTokenInteractive({
        scopes: SCOPES,
        loginHint: ALICE.upn,
        prompt: 'login',
        openBrowser: async (url) => {
          // What the page shows after msal-node's own loopback answered does not matter here.
          played = browser.play(url, script).catch(() => undefined);
        },
      });
      const checklist = await runSignInChecklist(result, target, http, endpoints, new AbortController().signal);
      const elapsed = performance.now() - t;
      await played;
      if (!checklist.allPassed) throw new Error('bare sign-in failed its checklist');
      return elapsed;
    };
    const [appTimes, bareTimes] = await alternate(RUNS, WARMUP, app, bare);
    return [ratioResult('Sign-in: verified sign-in (tenant lookup + interactive + checklist)', appTimes, 'bare msal-node acquireTokenInteractive + same checklist', bareTimes, 1.03)];
  } finally {
    await browser.close();
    await idp.close();
  }
}

// Run as a child of run-benchmarks.ts: print the results as JSON on stdout.
if (process.argv[1]?.endsWith('sign-in-benchmark.ts')) {
  const results = await runSignInBenchmark();
  process.stdout.write(`${JSON.stringify(results)}\n`);
  process.exit(0);
}
