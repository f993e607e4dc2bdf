import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NodeFileSystem } from '../../../main/adapters/node-file-system';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { emptyDraft } from '../../../shared/domain/profile-draft';
import { SecretField } from '../../../shared/domain/secret-field';
import { FakeClock } from '../../fakes/fake-clock';
import { SecretVault } from '../../../main/secrets/secret-vault';
import { freshKeytarStore, requirePrivateKeyring } from '../support/private-keyring';
import { childCommand, runForReport, startUntil } from '../support/run-child';

beforeAll(() => {
  requirePrivateKeyring();
});

async function withDataDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gma-fault-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const EVERY_OPERATION = ['set', 'reveal', 'copy', 'deleteSecret', 'deleteProfile', 'orphans', 'forget'];

describe('keychain faults: stable code, a message that says how to fix it, the profiles file untouched', () => {
  it('no Secret Service (D-Bus address points at nothing) → keychain/unavailable', async () => {
    await withDataDir(async (dir) => {
      const store = new ProfileStore(new NodeFileSystem(), dir, new FakeClock());
      await store.mutate(() => ({
        profiles: [
          {
            id: '0f6c2a8e-5b0d-4e43-9a57-3f1f3d6a2c10',
            name: 'Prod SOC',
            nameSetByUser: true,
            draft: { ...emptyDraft(), method: 'xsoar-app' },
            secretFields: [SecretField.XsoarAppKey],
            createdAt: '2026-11-01T00:00:00.000Z',
            updatedAt: '2026-11-01T00:00:00.000Z',
            notes: '',
            secretExpiresAt: null,
            credentialEnds: [],
            resumeStep: 'method',
            verifiedChecks: [],
            secretVersions: {},
          },
        ],
        result: undefined,
      }));
      const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gma-no-bus', DISPLAY: '' };
      const report = await runForReport(childCommand(['unavailable', dir]), env);
      const codes = report['codes'] as Record<string, string>;
      for (const op of EVERY_OPERATION) {
        expect(codes[op], op).toMatch(/^keychain\/unavailable: /);
        expect(codes[op], op).toContain('gnome-keyring');
      }
      expect(report['fileUnchanged']).toBe(true);
    });
  });

  it('keyring collection locked (Secret.Service.Lock over D-Bus) → keychain/locked, never "missing"', async () => {
    await withDataDir(async (dir) => {
      // A keyring session of its own: locking the shared one would disturb the other tests.
      const argv = ['dbus-run-session', '--', 'bash', resolve('test/keyring/inside-keyring-session.sh'), ...childCommand(['locked', dir])];
      const report = await runForReport(argv, process.env, 90_000);
      expect(report['error']).toBeUndefined();
      const codes = report['codes'] as Record<string, string>;
      for (const op of EVERY_OPERATION) {
        expect(codes[op], op).toMatch(/^keychain\/locked: /);
        expect(codes[op], op).toContain('Unlock');
      }
      expect(report['fileUnchanged']).toBe(true);
    });
  });
});

describe('a process killed in the middle of a secret write', () => {
  it('leaves the previous value readable; the new generation’s chunks are leftovers that can be removed', async () => {
    const keytar = freshKeytarStore();
    const profileId = 'c0ffee00-0000-4000-8000-000000000001';
    const { child } = await startUntil(childCommand(['crash-mid-secret-write', tmpdir(), keytar.service]), 'paused before head');
    const exited = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGKILL');
    await exited;
    const vault = new SecretVault(keytar);
    expect(await vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey)).toBe('A'.repeat(9000));
    const leftovers = await vault.findOrphans(new Set([profileId]));
    expect(leftovers).toEqual([{ owner: profileId, fields: [SecretField.SelfDeployedPrivateKey], itemCount: 4 }]);
    expect(await vault.removeOrphans(new Set([profileId]))).toBe(4);
    expect(await vault.get({ kind: 'profile', profileId }, SecretField.SelfDeployedPrivateKey)).toBe('A'.repeat(9000));
    await vault.deleteAll();
  });
});
