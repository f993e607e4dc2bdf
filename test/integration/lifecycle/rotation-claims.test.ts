import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import { keychainServiceName } from '../../../main/secrets/secret-accounts';
import { LEFTOVER_GRACE_MS } from '../../../main/secrets/item-age';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { SecretField } from '../../../shared/domain/secret-field';
import { FakeClock } from '../../fakes/fake-clock';
import { endpointsOf } from '../signin/signin-fixture';
import { runGma } from '../support/run-gma';
import { ETID, reload } from '../entra/entra-fixture';
import { crashAt, startPausedRotation, type RotationChildScope } from './rotation-child-runner';
import { CONNECTION, expectConsistent, instanceCredential, rotationAppServices, rotationOf, workingProfile } from './rotation-fixture';
import { startRotationWorld, type RotationWorld } from './rotation-world';

// Issue 15, the rotation's claims on what it needs: the app and gma may run at once, a crash can leave a rotation
// unfinished for days, and the user may meanwhile remove leftovers or delete profiles. None of it may lose the new
// credential (valid in Entra ID, kept only in the rotation's keychain slot) or the old one the undo gives back.

const prefix = `rotate-claims-${randomBytes(4).toString('hex')}`;
const store = new KeytarSecretStore(keychainServiceName(prefix));
let w: RotationWorld;
let child: RotationChildScope;

beforeAll(async () => {
  w = await startRotationWorld(store);
  child = { dataDir: w.dataDir, keychainService: store.service, idp: w.idp, connection: CONNECTION };
});
afterAll(async () => {
  await w?.close();
});

async function journals(): Promise<string[]> {
  return (await readdir(join(w.dataDir, 'rotations')).catch(() => [])).filter((n) => n.endsWith('.json')).sort();
}

async function slotAccounts(): Promise<string[]> {
  return (await store.listAccounts()).filter((a) => a.startsWith('p/rotation-'));
}

function gma(args: readonly string[]): ReturnType<typeof runGma> {
  return runGma(args, { GMA_DATA_DIR: w.dataDir, GMA_KEYCHAIN_PREFIX: prefix, GMA_IDENTITY_ENDPOINTS: JSON.stringify(endpointsOf(w.idp)) }, 120_000);
}

describe('an unfinished rotation keeps what it needs', () => {
  it('its keychain slot is never a leftover, however old: "Remove leftovers" days later keeps it and the recovery still works', async () => {
    const profile = await workingProfile({ ...w, name: 'Claims slot', credential: 'secret' });
    expect(await crashAt(child, profile.id, 'journal:testing')).toBe('paused journal:testing (SIGKILL)');
    // The instance holds the new secret, which only the rotation slot keeps; Entra ID holds both.
    const slots = await slotAccounts();
    expect(slots.length).toBeGreaterThan(0);
    const instanceHolds = instanceCredential(w.x6, 'Claims slot', 'creds_enc_key')?.password;
    expect(instanceHolds).not.toBe(await w.services.vault.get({ kind: 'profile', profileId: profile.id }, SecretField.SelfDeployedClientSecret));

    // The same app, started well past the grace that protects fresh keychain items.
    const later = (await rotationAppServices(w.idp, w.opener, store, w.dataDir, new FakeClock(Date.now() + LEFTOVER_GRACE_MS + 60_000))).services;
    const orphans = await later.profiles.listOrphans();
    if (!orphans.ok) throw new Error(orphans.error.message);
    expect(orphans.value.filter((g) => g.owner.startsWith('rotation-'))).toEqual([]);
    const removed = await later.profiles.removeOrphans();
    expect(removed.ok).toBe(true);
    expect(await slotAccounts()).toEqual(slots);

    // So the restart can still act on the journal: here it undoes the rotation (the test had not passed).
    const recovered = await rotationOf(later, w.idp, w.dataDir).recover();
    expect(recovered).toEqual({ ok: true, value: [{ profileId: profile.id, outcome: 'rolled-back' }] });
    expect(await slotAccounts()).toEqual([]);
    await expectConsistent({ ...w, server: w.x6, profileId: profile.id });
  }, 240_000);

  it('a rotation running in another process is neither started twice, nor undone as if crashed, nor its profile deleted', async () => {
    const profile = await workingProfile({ ...w, name: 'Claims live', credential: 'secret' });
    const running = await startPausedRotation(child, profile.id, 'acted:xsoar-updated');
    try {
      expect(running.said).toBe('paused acted:xsoar-updated');
      const journalBefore = await readFile(join(w.dataDir, 'rotations', `${profile.id}.json`), 'utf8');
      const [second, recovered, deleted] = await Promise.all([
        rotationOf(w.services, w.idp, w.dataDir).rotate({ profileId: profile.id, connection: CONNECTION, playgroundId: null, secretDays: 30, certificateDays: 30 }),
        rotationOf(w.services, w.idp, w.dataDir).recover(),
        w.services.profiles.delete(profile.id),
      ]);
      expect(second).toMatchObject({ ok: false, error: { code: ErrorCode.RotationRefused } });
      if (!second.ok) expect(second.error.message).toContain('running right now');
      expect(recovered).toEqual({ ok: true, value: [{ profileId: profile.id, outcome: 'running-elsewhere' }] });
      expect(deleted).toMatchObject({ ok: false, error: { code: ErrorCode.RotationInProgress } });
      // Nothing was touched: the journal as the running rotation wrote it, one new secret besides the old one.
      expect(await readFile(join(w.dataDir, 'rotations', `${profile.id}.json`), 'utf8')).toBe(journalBefore);
      expect(w.idp.application(ETID, (await reload(w.services, profile.id)).draft.selfDeployed.clientId)?.passwordCredentials).toHaveLength(2);
    } finally {
      await running.kill();
    }
    // Once that process is gone (killed here), its claim goes stale and the restart undoes the rotation.
    const recovered = await rotationOf(w.services, w.idp, w.dataDir).recover();
    expect(recovered).toEqual({ ok: true, value: [{ profileId: profile.id, outcome: 'rolled-back' }] });
    await expectConsistent({ ...w, server: w.x6, profileId: profile.id });
  }, 240_000);

  it('its profile cannot be deleted, replaced or forgotten; a journal whose profile is gone anyway does not hold up the others', async () => {
    const profile = await workingProfile({ ...w, name: 'Claims delete', credential: 'certificate' });
    expect(await crashAt(child, profile.id, 'journal:committing')).toBe('paused journal:committing (SIGKILL)');
    expect(await w.services.profiles.delete(profile.id)).toMatchObject({ ok: false, error: { code: ErrorCode.RotationInProgress } });
    expect(await w.services.profiles.forgetEverything()).toMatchObject({ ok: false, error: { code: ErrorCode.RotationInProgress } });
    expect(await w.services.secrets.delete(profile.id, SecretField.SelfDeployedPrivateKey)).toMatchObject({ ok: false, error: { code: ErrorCode.RotationInProgress } });
    const replaced = await w.services.profiles.commitImport({ name: 'Imported over it', draft: (await reload(w.services, profile.id)).draft, secrets: [], preferredId: null, replaceId: profile.id });
    expect(replaced).toMatchObject({ ok: false, error: { code: ErrorCode.RotationInProgress } });
    expect((await reload(w.services, profile.id)).name).toBe('Claims delete');

    // A journal naming a profile that no longer exists (a restored backup, a hand-edited profiles file).
    const real = JSON.parse(await readFile(join(w.dataDir, 'rotations', `${profile.id}.json`), 'utf8')) as Record<string, unknown>;
    const ghostId = randomUUID();
    await writeFile(join(w.dataDir, 'rotations', `${ghostId}.json`), JSON.stringify({ ...real, profileId: ghostId, rotationId: randomUUID() }));
    expect(await journals()).toEqual([`${ghostId}.json`, `${profile.id}.json`].sort());

    const recovered = await rotationOf(w.services, w.idp, w.dataDir).recover();
    if (!recovered.ok) throw new Error(recovered.error.message);
    expect(recovered.value).toHaveLength(2);
    expect(recovered.value).toContainEqual({ profileId: profile.id, outcome: 'finished' });
    const ghost = recovered.value.find((r) => r.profileId === ghostId);
    expect(ghost).toMatchObject({ outcome: 'needs-attention' });
    if (ghost?.outcome === 'needs-attention') expect(ghost.reason).toContain('no longer exists');
    await expectConsistent({ ...w, server: w.x6, profileId: profile.id });
    // The orphan is left for the user, and gma says so with exit 1.
    expect(await journals()).toEqual([`${ghostId}.json`]);
    const cli = await gma(['rotate', '--recover']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`the interrupted rotation of profile ${ghostId} needs you: The profile of this rotation no longer exists`);
    await rm(join(w.dataDir, 'rotations', `${ghostId}.json`));

    // Finished, the profile is the user's to delete again.
    expect(await w.services.profiles.delete(profile.id)).toMatchObject({ ok: true });
  }, 300_000);
});
