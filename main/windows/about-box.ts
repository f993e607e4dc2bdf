import { app, clipboard, dialog, type BrowserWindow } from 'electron';
import { arch, platform, release } from 'node:os';
import { aboutText } from './about-text';

/** Shows the About box with the versions; its Copy button puts them on the clipboard for a bug report. */
export async function showAboutBox(parent: BrowserWindow | undefined): Promise<void> {
  const { message, detail } = aboutText(app.getName(), {
    app: app.getVersion(),
    electron: process.versions.electron ?? 'unknown',
    chromium: process.versions.chrome ?? 'unknown',
    node: process.versions.node,
    v8: process.versions.v8,
    os: `${platform()} ${release()} (${arch()})`,
  });
  const options = { type: 'info' as const, title: `About ${app.getName()}`, message, detail, buttons: ['OK', 'Copy versions'], defaultId: 0, cancelId: 0, noLink: true };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(`${message}\n${detail}`);
}
