import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { MENU_COMMAND_CHANNEL, type menuCommands } from '../../shared/ipc/channels';

type Command = (typeof menuCommands)[number];

/** The application menu in the user's language; rebuilt whenever the language changes. */
export function setAppMenu(t: TFunction, window: () => BrowserWindow | null, openDataFolder: () => void): void {
  const send = (command: Command) => () => window()?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: app.name, submenu: [{ role: 'about' as const, label: t('menu.about') }, { type: 'separator' as const }, { role: 'quit' as const, label: t('menu.quit') }] }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.newSubGroup'), accelerator: 'CmdOrCtrl+Shift+N', click: send('newSubGroup') },
        { type: 'separator' },
        { label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: send('openSettings') },
        { label: t('menu.lock'), accelerator: 'CmdOrCtrl+L', click: send('lock') },
        { label: t('menu.openDataFolder'), click: openDataFolder },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t('menu.quit') }]),
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('menu.close') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.about'), click: send('openSettings') }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
