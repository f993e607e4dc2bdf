import type { MenuItemConstructorOptions } from 'electron';

/** What the application menu depends on; plain values, so the template is built and tested without Electron. */
export interface MenuSetup {
  readonly appName: string;
  /** `process.platform`: macOS puts About and Quit in the app menu, others under Help and File. */
  readonly platform: NodeJS.Platform;
  /** Packaged builds have no Reload or developer tools. */
  readonly isPackaged: boolean;
  /** Shows the About box. */
  readonly onAbout: () => void;
}

/**
 * The application menu: Edit with the standard roles (so Cut, Copy, Paste, Select All and Undo work in every
 * field with the platform's shortcuts), View with zoom, Window, and About with the versions. Roles, not custom
 * handlers: Electron maps them to each platform's native behaviour and accelerators.
 */
export function applicationMenuTemplate(setup: MenuSetup): MenuItemConstructorOptions[] {
  const mac = setup.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${setup.appName}`, click: setup.onAbout };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(setup.isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] };
  if (mac) {
    return [
      { label: setup.appName, submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
      edit,
      view,
      window,
    ];
  }
  return [{ label: 'File', submenu: [{ role: 'quit', label: 'Exit' }] }, edit, view, window, { label: 'Help', submenu: [about] }];
}
