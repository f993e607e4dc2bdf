import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../../shared/ipc/build-api';
import { CHANNEL_NAMES, splitChannel } from '../../../../shared/ipc/channel-names';
import { CONTRACT } from '../../../../shared/ipc/contract';
import { emptyDraft } from '../../../../shared/domain/profile-draft';

describe('IPC contract', () => {
  it('declares schemas for exactly the channel names', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('names every channel domain:kebab-verb', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('maps channels to api methods', () => {
    expect(splitChannel('shell:open-external')).toEqual({ domain: 'shell', method: 'openExternal' });
    expect(splitChannel('settings:export')).toEqual({ domain: 'settings', method: 'export' });
  });

  it('builds an api with one method per channel, each sending on its own channel', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    });
    const methods = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}.${m}`));
    expect(methods).toHaveLength(CHANNEL_NAMES.length);
    await api.shell.openExternal({ url: 'https://xsoar.pan.dev/' });
    await api.app.getInfo({});
    expect(calls).toEqual([['shell:open-external', { url: 'https://xsoar.pan.dev/' }], ['app:get-info', {}]]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.shell)).toBe(true);
  });

  describe('request schemas', () => {
    it('accept a well-formed export request', () => {
      expect(CONTRACT['settings:export'].request.safeParse({ draft: emptyDraft(), profileId: null, format: 'params', includeSecrets: false, confirmRebind: false }).success).toBe(true);
    });

    it.each([
      ['missing draft', {}],
      ['extra keys', { draft: emptyDraft(), profileId: null, confirmRebind: false, path: '/etc/passwd' }],
      ['missing confirmation flag', { draft: emptyDraft(), profileId: null }],
      ['wrong method', { draft: { ...emptyDraft(), method: 'basic-auth' } }],
      ['boolean as string', { draft: { ...emptyDraft(), mailbox: { ...emptyDraft().mailbox, insecure: 'false' } } }],
      ['unknown draft field', { draft: { ...emptyDraft(), secret: 'x' } }],
      ['oversized field', { draft: { ...emptyDraft(), mailbox: { ...emptyDraft().mailbox, fetchLimit: '1'.repeat(21) } } }],
    ])('reject %s', (_what, payload) => {
      expect(CONTRACT['settings:export'].request.safeParse(payload).success).toBe(false);
    });

    it('reject a non-string URL', () => {
      expect(CONTRACT['shell:open-external'].request.safeParse({ url: 42 }).success).toBe(false);
    });
  });
});
