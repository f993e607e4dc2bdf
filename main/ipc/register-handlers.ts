import { ok } from '../../shared/result';
import type { AppServices } from '../app/app-services';
import { HandlerRegistry, type RegistryLogger } from './handler-registry';

/**
 * The single router: one line per channel.
 *
 * Returns a registry that both Electron's `ipcMain` and the browser test
 * host serve.
 */
export function registerHandlers(services: AppServices, logger?: RegistryLogger): HandlerRegistry {
  return new HandlerRegistry(logger)
    .register('app:get-info', () => ok(services.info))
    .register('settings:export', (req) => services.settingsExport.exportInstanceJson(req))
    .register('shell:open-external', (req) => services.externalLinks.open(req.url));
}
