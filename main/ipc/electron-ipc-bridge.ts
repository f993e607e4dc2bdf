import { ipcMain } from 'electron';
import type { SenderInfo } from '../windows/sender-guard';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { fail } from '../../shared/result';
import type { HandlerRegistry } from './handler-registry';

/**
 * Serves the registry on Electron's `ipcMain`, after checking the sender.
 *
 * A message is trusted only when it comes from a webContents the app
 * created and from its main frame at the app's own origin; anything else
 * (an iframe, a navigated page) is answered with `ipc/untrusted-sender`.
 */
export function serveRegistryOnIpcMain(registry: HandlerRegistry, isTrustedSender: (event: SenderInfo) => boolean): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail(appError(ErrorCode.UntrustedSender, 'This request did not come from the app window.'));
      return registry.invoke(channel, payload);
    });
  }
}
