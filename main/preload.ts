/**
 * Sandboxed preload: exposes exactly one object, `window.api`, built from the
 * channel list. Only `ipcRenderer.invoke` on contract channels is reachable;
 * raw `ipcRenderer` never crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/build-api';
import type { Result } from '../shared/result';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>),
);
