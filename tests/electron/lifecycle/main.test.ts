import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's app, dialogs and shell that records what the main process asks of them;
// the window, protocol, IPC and menu adapters are replaced by recorders too.
const electron = vi.hoisted(() => ({
  userData: '',
  systemLanguages: ['zh-CN'],
  listeners: new Map<string, (...args: unknown[]) => void>(),
  calls: [] as string[],
  messageBoxes: [] as Array<Record<string, unknown>>,
  errorBoxes: [] as Array<[string, string]>,
  messageBoxResponse: 1,
  openedPaths: [] as string[],
  windows: [] as string[],
  opening: null as null | Promise<unknown>,
  backendOptions: null as null | { printer: { print(file: string): Promise<void> }; logFile: string },
  registeredDispatch: null as null | ((channel: string, input: unknown, sender: unknown) => Promise<unknown>),
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => true,
    releaseSingleInstanceLock: () => electron.calls.push('releaseSingleInstanceLock'),
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: (...args: unknown[]) => void) => electron.listeners.set(event, listener),
    getPath: () => electron.userData,
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => electron.systemLanguages,
    getLocale: () => 'en-US',
    quit: () => electron.calls.push('quit'),
    exit: (code: number) => electron.calls.push(`exit ${code}`),
  },
  dialog: {
    showMessageBox: async (options: Record<string, unknown>) => {
      electron.messageBoxes.push(options);
      return { response: electron.messageBoxResponse };
    },
    showErrorBox: (title: string, content: string) => electron.errorBoxes.push([title, content]),
  },
  shell: {
    openPath: async (target: string) => {
      electron.openedPaths.push(target);
      return '';
    },
  },
  session: {},
  BrowserWindow: class {},
}));
vi.mock('../../../electron/window/mainWindow.electron', () => ({
  hardenWebContents: () => undefined,
  createMainWindow: (title: string) => {
    electron.windows.push(title);
    return { on: () => undefined, isMinimized: () => false, restore() {}, show() {}, focus() {}, webContents: { send() {} } };
  },
}));
vi.mock('../../../electron/protocol/appProtocol.electron', () => ({ registerAppScheme: () => undefined, serveRenderer: () => undefined }));
vi.mock('../../../electron/menu/appMenu.electron', () => ({ setAppMenu: () => undefined }));
vi.mock('../../../electron/ipc/registerIpc.electron', () => ({
  registerIpc: (dispatch: typeof electron.registeredDispatch) => (electron.registeredDispatch = dispatch),
}));
vi.mock('../../../electron/backend/openBackend', async (importActual) => ({
  ...(await importActual<object>()),
  openBackend: (options: typeof electron.backendOptions) => {
    electron.backendOptions = options;
    return electron.opening;
  },
}));

// Each launch imports the whole main process afresh, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/** Starts the main process module afresh, as a launch does, and lets its start-up run. */
async function launch(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main.electron');
  await vi.waitFor(() => expect(electron.calls.some((c) => c.startsWith('exit')) || electron.registeredDispatch !== null).toBe(true), { timeout: 20_000 });
}

const processHandlers = new Map<string, (error: unknown) => void>();

beforeEach(async () => {
  electron.userData = await mkdtemp(path.join(tmpdir(), 'hetao-main-'));
  electron.listeners.clear();
  electron.calls = [];
  electron.messageBoxes = [];
  electron.errorBoxes = [];
  electron.openedPaths = [];
  electron.windows = [];
  electron.registeredDispatch = null;
  processHandlers.clear();
  // The handlers main installs are kept here rather than on the test runner's own process.
  vi.spyOn(process, 'on').mockImplementation(((event: string, handler: (error: unknown) => void) => {
    processHandlers.set(event, handler);
    return process;
  }) as typeof process.on);
});

afterEach(() => vi.restoreAllMocks());

describe('a data folder that cannot be opened', () => {
  it('is named with the reason in the system language; the app offers to open it, then exits and gives up the single-instance lock', async () => {
    electron.systemLanguages = ['zh-CN'];
    electron.messageBoxResponse = 0;
    electron.opening = Promise.reject(Object.assign(new Error("EROFS: read-only file system, mkdir '…'"), { code: 'EROFS' }));
    electron.opening.catch(() => undefined);
    await launch();
    await vi.waitFor(() => expect(electron.calls).toContain('exit 1'), { timeout: 20_000 });

    expect(electron.messageBoxes).toHaveLength(1);
    const box = electron.messageBoxes[0]!;
    expect(box).toMatchObject({ type: 'error', title: '无法打开一区两园工作台', buttons: ['打开文件夹所在位置', '退出'] });
    expect(box.detail).toContain(path.join(electron.userData, 'data'));
    expect(box.detail).toContain('磁盘是只读的。');
    // The data folder was never made, so its nearest existing parent is opened instead.
    expect(electron.openedPaths).toEqual([electron.userData]);
    expect(electron.calls).toEqual(['releaseSingleInstanceLock', 'exit 1']);
  });

  it('speaks Traditional Chinese on a Hong Kong system, and quits without opening anything when asked to', async () => {
    electron.systemLanguages = ['zh-HK'];
    electron.messageBoxResponse = 1;
    electron.opening = Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    electron.opening.catch(() => undefined);
    await launch();
    await vi.waitFor(() => expect(electron.calls).toContain('exit 1'), { timeout: 20_000 });
    expect(electron.messageBoxes[0]).toMatchObject({ title: '無法開啟一區兩園工作台' });
    expect(electron.messageBoxes[0]!.detail).toContain('沒有權限讀寫這個資料夾。');
    expect(electron.openedPaths).toEqual([]);
    expect(electron.calls).toEqual(['releaseSingleInstanceLock', 'exit 1']);
  });
});

describe('the window at start', () => {
  it('opens at once, before the data has loaded, and its calls wait for the data', async () => {
    electron.systemLanguages = ['en-GB'];
    let finishOpening: (backend: unknown) => void = () => undefined;
    electron.opening = new Promise((resolve) => (finishOpening = resolve));
    await launch();
    expect(electron.windows).toEqual(['Hetao Desk']);

    const answer = electron.registeredDispatch!('app.info', undefined, { url: 'app://hetao/index.html', isMainFrame: true });
    let answered = false;
    void answer.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    finishOpening({
      dispatch: async () => ({ ok: true, value: 'info' }),
      language: () => 'en',
      onTaskProgress: () => () => undefined,
      onSettingsChanged: () => () => undefined,
      close: async () => undefined,
    });
    expect(await answer).toEqual({ ok: true, value: 'info' });
  });

  it('hands a pack to the system’s PDF viewer to print, and tells the backend where the error log is', async () => {
    electron.opening = new Promise(() => undefined);
    await launch();
    await electron.backendOptions!.printer.print('/packs/第3次會議會議文件包（繁體版）.pdf');
    expect(electron.openedPaths).toEqual(['/packs/第3次會議會議文件包（繁體版）.pdf']);
    expect(electron.backendOptions!.logFile).toBe(path.join(electron.userData, 'logs', 'main.log'));
  });
});

describe('an error nothing caught', () => {
  it('is written to the log under the user-data folder without its message, and shown to the user with where the log is', async () => {
    electron.systemLanguages = ['zh-HK'];
    electron.opening = new Promise(() => undefined);
    await launch();
    processHandlers.get('uncaughtException')!(new TypeError('Cannot read 陳家豪’s phone'));
    processHandlers.get('unhandledRejection')!(new RangeError('多於 5000 字的備註'));
    const logFile = path.join(electron.userData, 'logs', 'main.log');
    await vi.waitFor(async () => expect(await readFile(logFile, 'utf8')).toContain('unhandledRejection: RangeError'));
    const log = await readFile(logFile, 'utf8');
    expect(log).toContain('uncaughtException: TypeError');
    expect(log).toMatch(/\n\s+at /);
    expect(log).not.toContain('陳家豪');
    expect(log).not.toContain('備註');
    // Told once, with where the log is.
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]![0]).toBe('一區兩園工作台發生錯誤');
    expect(electron.errorBoxes[0]![1]).toContain(logFile);
  });
});
