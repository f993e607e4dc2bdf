import type { Api } from '../../shared/ipc/build-api';

/**
 * The renderer's only door to the main process.
 *
 * Components and hooks import `api` from here and never touch `window.api`,
 * so component tests replace this one module.
 */
export const api: Api = window.api;
