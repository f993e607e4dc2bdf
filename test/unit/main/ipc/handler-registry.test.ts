import { describe, expect, it } from 'vitest';
import { createNodeFetchClient } from '../../../../main/adapters/node-fetch-client';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../../shared/config/identity-endpoints';
import { HandlerRegistry } from '../../../../main/ipc/handler-registry';
import { registerHandlers } from '../../../../main/ipc/register-handlers';
import { createAppServices } from '../../../../main/app/app-services';
import { CHANNEL_NAMES } from '../../../../shared/ipc/channel-names';
import { ok } from '../../../../shared/result';
import { RecordingBrowserOpener, FolderSaveDialog, PresetOpenDialog } from '../../../host/test-ports';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';
import { InMemorySecretStore } from '../../../fakes/in-memory-secret-store';
import { RecordingClipboard } from '../../../fakes/recording-clipboard';
import { FakeClock } from '../../../fakes/fake-clock';

function services(opener = new RecordingBrowserOpener()) {
  return createAppServices({ fs: new NodeFileSystem(), saveDialog: new FolderSaveDialog('/nonexistent'), openDialog: new PresetOpenDialog(), browserOpener: opener, productName: 'GMA', version: '1.2.3', secretStore: new InMemorySecretStore(), clipboard: new RecordingClipboard(), dataDir: '/nonexistent', clock: new FakeClock(), http: createNodeFetchClient(), endpoints: PRODUCTION_IDENTITY_ENDPOINTS });
}

describe('HandlerRegistry', () => {
  it('the router registers every channel of the contract', () => {
    expect(registerHandlers(services()).registeredChannels().sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers unknown channels with a stable code', async () => {
    const r = await new HandlerRegistry().invoke('secrets:get', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc/unknown-channel' } });
  });

  it('validates the payload before the handler runs', async () => {
    let called = false;
    const registry = new HandlerRegistry().register('shell:open-external', () => {
      called = true;
      return ok({ opened: true as const });
    });
    const r = await registry.invoke('shell:open-external', { url: 'https://xsoar.pan.dev/', extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc/invalid-request' } });
    expect(called).toBe(false);
  });

  it('turns a thrown error into an internal error', async () => {
    const registry = new HandlerRegistry().register('app:get-info', () => {
      throw new Error('boom');
    });
    expect(await registry.invoke('app:get-info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a response outside the contract', async () => {
    const registry = new HandlerRegistry().register('app:get-info', () => ok({ productName: 'x' } as never));
    expect(await registry.invoke('app:get-info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses to register a channel twice', () => {
    const registry = new HandlerRegistry().register('app:get-info', () => ok({ productName: 'a', version: 'b' }));
    expect(() => registry.register('app:get-info', () => ok({ productName: 'a', version: 'b' }))).toThrow(/twice/);
  });

  it('opens allow-listed links and refuses the rest without calling the opener', async () => {
    const opener = new RecordingBrowserOpener();
    const registry = registerHandlers(services(opener));
    expect(await registry.invoke('shell:open-external', { url: 'https://oproxy.demisto.ninja/ms-graph-mail-listener' })).toEqual({ ok: true, value: { opened: true } });
    expect(await registry.invoke('shell:open-external', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'shell/url-not-allowed' } });
    expect(opener.opened).toEqual(['https://oproxy.demisto.ninja/ms-graph-mail-listener']);
  });

  it('answers app:get-info', async () => {
    expect(await registerHandlers(services()).invoke('app:get-info', {})).toEqual({ ok: true, value: { productName: 'GMA', version: '1.2.3' } });
  });
});
