import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's objects that records what the adapter asks of them.
const recorded = vi.hoisted(() => ({
  windowOptions: null as null | Record<string, unknown>,
  loadedUrl: '',
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  permissionRequest: null as null | ((c: unknown, p: string, cb: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    on: (event: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(event, listener),
  },
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions = options;
    }
    once() {}
    loadURL(url: string) {
      recorded.loadedUrl = url;
      return Promise.resolve();
    }
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
      webRequest: { onBeforeRequest: (h: typeof recorded.beforeRequest) => (recorded.beforeRequest = h) },
    },
  },
}));

const { createMainWindow, hardenWebContents } = await import('../../../electron/window/mainWindow.electron');

describe('the main window', () => {
  beforeEach(() => recorded.appListeners.clear());

  it('is sandboxed and isolated, with no Node in the page, and loads the app over app://', () => {
    createMainWindow('一區兩園工作台');
    expect(recorded.windowOptions).toMatchObject({
      title: '一區兩園工作台',
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(recorded.loadedUrl).toBe('app://hetao/index.html');
  });

  it('denies navigation, new windows, webviews, permissions and remote requests', () => {
    hardenWebContents();
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    recorded.appListeners.get('web-contents-created')!({}, {
      on: (event: string, handler: (event: { preventDefault(): void }) => void) => handlers.set(event, handler),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      handlers.get(event)!({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });

    const granted = vi.fn();
    recorded.permissionRequest!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck!()).toBe(false);

    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://hetao/assets/index.js')).toBe(false);
    expect(decide('https://example.com/tracker.js')).toBe(true);
  });
});
