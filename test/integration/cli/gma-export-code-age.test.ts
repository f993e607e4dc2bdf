import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { type AppServices } from '../../../main/app/app-services';
import { agedCodeDraft, agedCodeSecrets } from '../../fixtures/aged-code-profile';
import { requirePrivateKeyring } from '../support/private-keyring';
import { runGma, type GmaRun } from '../support/run-gma';
import { keychainAppServices } from '../support/keychain-app-services';

let dir: string;
let env: Record<string, string>;
let app: AppServices;

function gma(args: readonly string[]): Promise<GmaRun> {
  return runGma(args, env);
}

/** A complete self-deployed profile whose code was obtained `minutesAgo` minutes ago. */
async function seed(name: string, minutesAgo: number): Promise<void> {
  const draft = agedCodeDraft({ instanceName: name, minutesAgo });
  const created = await app.profiles.create(name, draft.method);
  if (!created.ok) throw new Error(created.error.message);
  const stored = await app.secrets.setMany(created.value.id, agedCodeSecrets());
  if (!stored.ok) throw new Error(stored.error.message);
  await app.profiles.saveDraft(created.value.id, draft, 'review');
}

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'gma-code-age-'));
  env = { GMA_DATA_DIR: join(dir, 'data'), GMA_KEYCHAIN_PREFIX: `code-age-${randomBytes(4).toString('hex')}` };
  app = keychainAppServices({ dataDir: env['GMA_DATA_DIR']!, exportsDir: join(dir, 'exports'), secretStore: new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'])) });
  await seed('SD fresh', 1);
  await seed('SD nearly', 8);
  await seed('SD expired', 25);
});
afterAll(async () => {
  await app?.vault.deleteAll();
  await rm(dir, { recursive: true, force: true });
});

describe('gma export warns about the authorization code\'s age on stderr', () => {
  it('an expired code: exported, with a warning that names its age', async () => {
    const r = await gma(['export', 'SD expired', '--format', 'params', '--include-secrets']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)['creds_auth_code']).toBeDefined();
    expect(r.stderr).toMatch(/gma: warning: creds_auth_code: the authorization code was obtained 25 minutes ago and has expired/);
  });

  it('a nearly expired code: a warning with the time left', async () => {
    const r = await gma(['export', 'SD nearly', '--format', 'params']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/gma: warning: creds_auth_code: the authorization code expires in about [12] minutes?/);
  });

  it('a fresh code: no warning about it', async () => {
    const r = await gma(['export', 'SD fresh', '--format', 'params']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('creds_auth_code');
  });
});
