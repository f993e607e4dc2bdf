import type { Api } from '../shared/ipc/build-api';

declare global {
  interface Window {
    /** The preload's bridge (or the test host's); use only through `ipc/api-client.ts`. */
    readonly api: Api;
  }
}
