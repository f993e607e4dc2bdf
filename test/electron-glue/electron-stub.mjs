// A recording stand-in for the `electron` module, for the contract test of
// the Electron glue (test/integration/electron-glue). It does nothing but
// remember what the main entry asked for, so the driver can inspect and
// exercise it. Test-only: resolved through electron-alias-hooks.mjs.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';

export const record = {
  singleInstanceLock: 0,
  quit: 0,
  exit: null,
  errorBoxes: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  windows: [],
  ipcHandlers: new Map(),
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  openedExternally: [],
  shownInFolder: [],
  appListeners: new Map(),
  applicationMenu: null,
};
globalThis.gmaElectronRecord = record;

let nextWebContentsId = 1;

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextWebContentsId++;
    this.windowOpenHandler = null;
    this.loaded = [];
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.focused = 0;
    this.loadedUrls = [];
    record.windows.push(this);
  }
  static getAllWindows() {
    return record.windows;
  }
  loadURL(url) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show() {}
  focus() {
    this.focused += 1;
  }
}

export const app = {
  requestSingleInstanceLock() {
    record.singleInstanceLock += 1;
    return process.env.GMA_STUB_SINGLE_INSTANCE !== 'taken';
  },
  quit() {
    record.quit += 1;
  },
  exit(code) {
    record.exit = code;
    // Electron's exit ends the process at once: nothing after it may run.
    globalThis.gmaElectronExit?.(code);
  },
  whenReady() {
    return process.env.GMA_STUB_NEVER_READY === '1' ? new Promise(() => {}) : Promise.resolve();
  },
  on(event, listener) {
    const list = record.appListeners.get(event) ?? [];
    list.push(listener);
    record.appListeners.set(event, list);
    return app;
  },
  getName: () => 'Graph Mail Auth Assistant',
  getVersion: () => '0.0.0-stub',
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return process.env.GMA_STUB_USER_DATA;
  },
  isPackaged: false,
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.applicationMenu = menu;
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record.errorBoxes.push({ title, content });
  },
  showMessageBox: async () => ({ response: 0 }),
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const net = {
  // The protocol handler fetches file:// URLs of the built renderer; nothing else may use the network here.
  async fetch(url) {
    const u = new URL(typeof url === 'string' ? url : url.url);
    if (u.protocol !== 'file:') throw new Error(`stub net.fetch refuses ${u.protocol}`);
    try {
      return new Response(await readFile(fileURLToPath(u)), { status: 200, headers: { 'content-type': 'text/html' } });
    } catch {
      return new Response('missing', { status: 404 });
    }
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler;
    },
  },
};

export const shell = {
  async openExternal(url) {
    record.openedExternally.push(url);
  },
  showItemInFolder(path) {
    record.shownInFolder.push(path);
  },
};

export const ipcMain = {
  handle(channel, listener) {
    if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, listener);
  },
};

export const clipboard = {
  text: '',
  writeText(text) {
    clipboard.text = text;
  },
  readText() {
    return clipboard.text;
  },
};

export default { app, BrowserWindow, Menu, dialog, protocol, net, session, shell, ipcMain, clipboard };
