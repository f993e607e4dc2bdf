import { describe, expect, it } from 'vitest';
import { aboutText } from '../../../../main/windows/about-text';
import { applicationMenuTemplate } from '../../../../main/windows/menu-template';

// Derived, not imported: tests never import electron, not even its types.
type MenuItemConstructorOptions = ReturnType<typeof applicationMenuTemplate>[number];

function click(item: MenuItemConstructorOptions | undefined): void {
  if (typeof item?.click !== 'function') throw new Error('no click handler');
  (item.click as () => void)();
}

function roles(isPackaged: boolean): unknown[] {
  return submenu(applicationMenuTemplate({ appName: 'GMA', platform: 'linux', isPackaged, onAbout: () => undefined }), 'View').map((i) => i.role);
}

function submenu(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`has the Edit roles that make copy and paste work in fields (${platform})`, () => {
      const menu = applicationMenuTemplate({ appName: 'Graph Mail Auth Assistant', platform, isPackaged: true, onAbout: () => undefined });
      expect(submenu(menu, 'Edit').map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    });
  }

  it('puts About in the app menu on macOS and under Help elsewhere, and calls back', () => {
    let shown = 0;
    const onAbout = (): void => void (shown += 1);
    const mac = applicationMenuTemplate({ appName: 'GMA', platform: 'darwin', isPackaged: true, onAbout });
    click(submenu(mac, 'GMA').find((i) => i.label === 'About GMA'));
    const win = applicationMenuTemplate({ appName: 'GMA', platform: 'win32', isPackaged: true, onAbout });
    click(submenu(win, 'Help').find((i) => i.label === 'About GMA'));
    expect(shown).toBe(2);
  });

  it('offers developer tools only in unpackaged builds', () => {
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('the About box lists every version a bug report needs', () => {
    const { message, detail } = aboutText('Graph Mail Auth Assistant', { app: '0.1.0', electron: '45.5.0', chromium: '146.0.1', node: '22.20.0', v8: '14.6', os: 'linux 6.1.0 (x64)' });
    expect(message).toBe('Graph Mail Auth Assistant 0.1.0');
    expect(detail.split('\n').slice(2)).toEqual(['Version: 0.1.0', 'Electron: 45.5.0', 'Chromium: 146.0.1', 'Node.js: 22.20.0', 'V8: 14.6', 'OS: linux 6.1.0 (x64)']);
  });
});
