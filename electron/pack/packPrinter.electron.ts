import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { PackPrinter } from './packPrinter';

/**
 * Opens the pack in Chromium's PDF viewer, in its own window on a session that loads nothing but
 * that file and the viewer itself, and opens the system print dialog over it. The window stays, so
 * the reader can also page through it and print again from the viewer's toolbar.
 */
export const electronPackPrinter: PackPrinter = {
  async print(pdfPath) {
    const url = pathToFileURL(pdfPath).href;
    const printSession = session.fromPartition('pack-print', { cache: false });
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== url && !details.url.startsWith('chrome-extension://') && !details.url.startsWith('chrome://') }),
    );
    const window = new BrowserWindow({
      width: 900,
      height: 1000,
      show: true,
      webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    await window.loadURL(url);
    await new Promise<void>((resolve) => window.webContents.print({ silent: false, printBackground: true }, () => resolve()));
  },
};
