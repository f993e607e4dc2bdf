import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../../shared/ipc/channel-names';
import { CONTRACT } from '../../../../shared/ipc/contract';

const ID = '0f6c2a8e-5b0d-4e43-9a57-3f1f3d6a2c10';

describe('profiles and secrets channels', () => {
  it('offer no generic secret read: only reveal, copy, set and delete', () => {
    expect(CHANNEL_NAMES.filter((c) => c.startsWith('secrets:')).sort()).toEqual(['secrets:copy', 'secrets:delete', 'secrets:reveal', 'secrets:set']);
  });

  it.each([
    ['an unknown secret field', 'secrets:reveal', { profileId: ID, field: 'msal.token-cache' }],
    ['a path-like profile id', 'secrets:reveal', { profileId: '../../etc', field: 'xsoar-app.key' }],
    ['an empty secret', 'secrets:set', { profileId: ID, field: 'xsoar-app.key', value: '' }],
    ['an oversized secret', 'secrets:set', { profileId: ID, field: 'xsoar-app.key', value: 'x'.repeat(256 * 1024 + 1) }],
    ['forget without confirmation', 'profiles:forget-everything', {}],
    ['forget with a truthy non-true', 'profiles:forget-everything', { confirmed: 'yes' }],
    ['a blank profile name', 'profiles:create', { name: '   ', method: null }],
    ['a malformed expiry date', 'profiles:update-details', { id: ID, notes: '', secretExpiresAt: 'next year' }],
  ] as const)('reject %s', (_what, channel, payload) => {
    expect(CONTRACT[channel].request.safeParse(payload).success).toBe(false);
  });

  it('accept well-formed requests', () => {
    expect(CONTRACT['secrets:set'].request.safeParse({ profileId: ID, field: 'self-deployed.private-key', value: '-----BEGIN' }).success).toBe(true);
    expect(CONTRACT['profiles:forget-everything'].request.safeParse({ confirmed: true }).success).toBe(true);
    expect(CONTRACT['profiles:update-details'].request.safeParse({ id: ID, notes: 'n', secretExpiresAt: '2027-03-31' }).success).toBe(true);
  });
});
