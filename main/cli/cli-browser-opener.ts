import { spawn } from 'node:child_process';
import type { BrowserOpener } from '../ports/browser-opener';
import type { CliIo } from './cli-io';

/** The platform's "open this URL" command. */
function openerCommand(platform: string): readonly [string, readonly string[]] {
  if (platform === 'darwin') return ['open', []];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  return ['xdg-open', []];
}

/**
 * The system browser for `gma`: prints the sign-in address on stderr (so it works over SSH or when no browser
 * starts) and asks the desktop to open it, unless `GMA_NO_BROWSER=1`. A missing opener is not an error: the
 * printed address is enough.
 */
export class CliBrowserOpener implements BrowserOpener {
  constructor(
    private readonly io: CliIo,
    private readonly platform: string = process.platform,
  ) {}

  async open(url: string): Promise<void> {
    this.io.stderr(`gma: sign in in the browser; if it did not open, open this address: ${url}\n`);
    if (this.io.env['GMA_NO_BROWSER'] === '1') return;
    const [command, args] = openerCommand(this.platform);
    try {
      const child = spawn(command, [...args, url], { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // No opener on this machine: the printed address is the way.
    }
  }
}
