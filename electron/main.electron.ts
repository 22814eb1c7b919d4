import * as path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { APP_ORIGIN } from '../shared/security/contentSecurityPolicy';
import { languageForLocale, type Language } from '../shared/model/language';
import { dispatchWhenOpen, openBackend } from './backend/openBackend';
import type { LockableBackend } from './backend/lockableBackend';
import { electronDialogs } from './dialogs/dialogs.electron';
import { ElectronPdfRenderer } from './documents/pdf/pdfRenderer.electron';
import { TASK_PROGRESS_CHANNEL } from '../shared/tasks/channels';
import { translator } from './i18n/translator';
import { registerIpc } from './ipc/registerIpc.electron';
import { CrashLog } from './lifecycle/crashLog';
import { createQuitGuard, saveOrAsk, type UnsavedChoice } from './lifecycle/quitGuard';
import { onSystemLock } from './lifecycle/systemLock.electron';
import { MENU_COMMAND_CHANNEL } from '../shared/ipc/channels';
import { nearestExistingFolder, startupFailureMessage } from './lifecycle/startupFailure';
import { setAppMenu } from './menu/appMenu.electron';
import { registerAppScheme, serveRenderer } from './protocol/appProtocol.electron';
import { createMainWindow, hardenWebContents } from './window/mainWindow.electron';
import { electronKeystore } from './crypto/osKeystore.electron';

/** The composition root: wires Electron's real effects into the plain-Node backend. */
let mainWindow: BrowserWindow | null = null;
let backend: LockableBackend | null = null;

const dataDir = () => path.join(app.getPath('userData'), 'data');
const systemLanguage = (): Language => languageForLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
/** The user's language once the data is open; the system's before that (or if it never opens). */
const language = (): Language => backend?.language() ?? systemLanguage();

async function openPath(target: string): Promise<void> {
  const failure = await shell.openPath(target);
  if (failure) throw new Error(failure);
}

/** Shows the main window, opening it again if it was closed (macOS keeps running without one). */
function showMainWindow(): void {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(translator(language())('app.title'));
  mainWindow.on('closed', () => (mainWindow = null));
}

function applyLanguage(): void {
  setAppMenu(translator(language()), () => mainWindow, () => void openPath(dataDir()));
}

async function start(crashLog: CrashLog): Promise<void> {
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  hardenWebContents();
  const opening = openBackend({
    dataDir: dataDir(),
    appVersion: app.getVersion(),
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    appOrigin: APP_ORIGIN,
    openFolder: openPath,
    dialogs: electronDialogs,
    pdfRenderer: new ElectronPdfRenderer(),
    // The system's PDF viewer prints: Electron's own viewer has printed blank or grey pages.
    printer: { print: openPath },
    logFile: crashLog.file,
    keystore: electronKeystore,
  });
  // The window and its loading state come up at once; its first calls wait for the data to open.
  registerIpc(dispatchWhenOpen(opening));
  applyLanguage();
  showMainWindow();
  backend = await opening;
  backend.onTaskProgress((progress) => mainWindow?.webContents.send(TASK_PROGRESS_CHANNEL, progress));
  applyLanguage();
  backend.onSettingsChanged(applyLanguage);
  onSystemLock(() => void lockApp());
}

/**
 * The OS locked its screen or is suspending: write what is pending, drop the keys, and send the
 * window to its lock screen. Changes the disk refuses are not dropped silently: the user is asked,
 * as when quitting.
 */
async function lockApp(): Promise<void> {
  const locking = backend;
  if (!locking) return;
  const choice = await saveOrAsk({ save: () => locking.lock(false), ask: (error) => askAboutUnsaved(error, 'lock') });
  if (choice === 'back') return showMainWindow();
  if (choice === 'discard') await locking.lock(true);
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, 'lock');
}

/**
 * The data folder cannot be opened: say which and why in the system's language, offer to open it,
 * then exit and give up the single-instance lock, so the next launch starts afresh instead of
 * focusing a window that never was.
 */
async function failStartup(error: unknown, crashLog: CrashLog): Promise<void> {
  await crashLog.write('startup', error).catch(() => undefined);
  try {
    const folder = dataDir();
    const { response } = await dialog.showMessageBox(startupFailureMessage(error, folder, translator(systemLanguage())));
    if (response === 0) await shell.openPath(await nearestExistingFolder(folder));
  } finally {
    app.releaseSingleInstanceLock();
    app.exit(1);
  }
}

const unsavedTexts = {
  quit: { title: 'quit.unsavedTitle', message: 'quit.unsaved', detail: 'quit.unsavedDetail', retry: 'quit.retry', back: 'quit.back', discard: 'quit.discard' },
  lock: {
    title: 'encryption.unsaved.title',
    message: 'encryption.unsaved.message',
    detail: 'encryption.unsaved.detail',
    retry: 'encryption.unsaved.retry',
    back: 'encryption.unsaved.back',
    discard: 'encryption.unsaved.discard',
  },
} as const;

/** Asks what to do with changes the disk refused while quitting or locking; Esc goes back to the window. */
async function askAboutUnsaved(error: unknown, when: keyof typeof unsavedTexts = 'quit'): Promise<UnsavedChoice> {
  const t = translator(language());
  const texts = unsavedTexts[when];
  const failure = error as { code?: string; params?: { reason?: string } } | null;
  // Locking reports the disk's reason inside its own error.
  const code = failure?.params?.reason ?? failure?.code ?? 'disk.writeFailed';
  const options = {
    type: 'warning' as const,
    title: t(texts.title),
    message: t(texts.message, { reason: t(`errors.${code}`) }),
    detail: t(texts.detail),
    buttons: [t(texts.retry), t(texts.back), t(texts.discard)],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return (['retry', 'back', 'discard'] as const)[response] ?? 'back';
}

/** Every error nothing else caught is logged (no record contents) and the user is told once. */
function reportCrashes(crashLog: CrashLog): void {
  let told = false;
  const report = (kind: string) => (error: unknown) => {
    void crashLog
      .write(kind, error)
      .catch(() => undefined)
      .then(() => {
        if (told) return;
        told = true;
        const t = translator(language());
        dialog.showErrorBox(t('crash.title'), t('crash.message', { logFile: crashLog.file }));
      });
  };
  process.on('uncaughtException', report('uncaughtException'));
  process.on('unhandledRejection', report('unhandledRejection'));
}

// Development builds only: the smoke suite (npm run test:electron) runs on a user-data folder of its
// own. Set before the single-instance lock, which belongs to the user-data folder.
if (!app.isPackaged && process.env.HETAO_USER_DATA) app.setPath('userData', process.env.HETAO_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const crashLog = new CrashLog(path.join(app.getPath('userData'), 'logs'));
  reportCrashes(crashLog);
  registerAppScheme();
  app.on('second-instance', () => {
    if (backend || mainWindow) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && backend) showMainWindow();
  });
  app.on(
    'before-quit',
    createQuitGuard({
      save: async () => backend?.close(),
      ask: (error) => askAboutUnsaved(error, 'quit'),
      showWindow: showMainWindow,
      quit: () => app.quit(),
    }),
  );
  app
    .whenReady()
    .then(() => start(crashLog))
    .catch((error: unknown) => failStartup(error, crashLog));
}
