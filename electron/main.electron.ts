import * as path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { APP_ORIGIN } from '../shared/security/contentSecurityPolicy';
import { openBackend, type Backend } from './backend/openBackend';
import { electronDialogs } from './dialogs/dialogs.electron';
import { ElectronPdfRenderer } from './documents/pdf/pdfRenderer.electron';
import { electronPackPrinter } from './pack/packPrinter.electron';
import { TASK_PROGRESS_CHANNEL } from '../shared/tasks/channels';
import { translator } from './i18n/translator';
import { registerIpc } from './ipc/registerIpc.electron';
import { setAppMenu } from './menu/appMenu.electron';
import { registerAppScheme, serveRenderer } from './protocol/appProtocol.electron';
import { createMainWindow, hardenWebContents } from './window/mainWindow.electron';

/** The composition root: wires Electron's real effects into the plain-Node backend. */
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function openFolder(folder: string): Promise<void> {
  const failure = await shell.openPath(folder);
  if (failure) throw new Error(failure);
}

function showMainWindow(): void {
  const t = translator(backend!.language());
  mainWindow = createMainWindow(t('app.title'));
  mainWindow.on('closed', () => (mainWindow = null));
}

async function start(): Promise<void> {
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  hardenWebContents();
  const dataDir = path.join(app.getPath('userData'), 'data');
  backend = await openBackend({
    dataDir,
    appVersion: app.getVersion(),
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    appOrigin: APP_ORIGIN,
    openFolder,
    dialogs: electronDialogs,
    pdfRenderer: new ElectronPdfRenderer(),
    printer: electronPackPrinter,
  });
  registerIpc(backend.dispatch);
  backend.onTaskProgress((progress) => mainWindow?.webContents.send(TASK_PROGRESS_CHANNEL, progress));
  const applyLanguage = () => {
    const t = translator(backend!.language());
    setAppMenu(t, () => mainWindow, () => void openFolder(dataDir));
  };
  applyLanguage();
  backend.onSettingsChanged(applyLanguage);
  showMainWindow();
}

/** Writes what is still queued before quitting; if the disk refuses, the user decides. */
function flushBeforeQuit(): void {
  let flushed = false;
  let flushing = false;
  app.on('before-quit', (event) => {
    if (flushed || !backend) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    backend
      .close()
      .then(() => {
        flushed = true;
        app.quit();
      })
      .catch((error: { code?: string }) => {
        flushing = false;
        const t = translator(backend!.language());
        const choice = dialog.showMessageBoxSync({
          type: 'warning',
          title: t('app.title'),
          message: t('save.unsaved', { reason: t(`errors.${error.code ?? 'disk.writeFailed'}`) }),
          buttons: [t('save.retry'), t('menu.quit')],
          defaultId: 0,
          cancelId: 0,
        });
        if (choice === 1) {
          flushed = true;
          app.quit();
        }
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && backend) showMainWindow();
  });
  flushBeforeQuit();
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Hetao Desk', String(error));
    app.exit(1);
  });
}
