import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from './dialogs';

/** The system's own open and save dialogs, attached to the focused window. */
export const electronDialogs: Dialogs = {
  async openFile({ title, filters }) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title, filters, properties: ['openFile' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async saveFile({ title, defaultPath, filters }) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title, defaultPath, filters };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
  },
  async chooseFolder({ title }) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
