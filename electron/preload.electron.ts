import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/buildApi';
import { MENU_COMMAND_CHANNEL, menuCommands } from '../shared/ipc/channels';
import { TASK_PROGRESS_CHANNEL } from '../shared/tasks/channels';
import type { TaskProgress } from '../shared/tasks/progress';
import type { HetaoApi, MenuCommand } from '../shared/ipc/contract';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    // The Electron event stays here; the page only ever sees a known command name.
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if ((menuCommands as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    // Braces, so the page gets nothing back (removeListener returns ipcRenderer itself).
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
  (listener) => {
    // Only the four plain fields reach the page, never the event.
    const forward = (_event: Electron.IpcRendererEvent, progress: TaskProgress) => {
      const { taskId, done, total, label } = progress ?? {};
      if (typeof taskId === 'string' && typeof done === 'number' && typeof total === 'number' && typeof label === 'string') {
        listener({ taskId, done, total, label });
      }
    };
    ipcRenderer.on(TASK_PROGRESS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(TASK_PROGRESS_CHANNEL, forward);
    };
  },
) satisfies HetaoApi;

contextBridge.exposeInMainWorld('hetao', api);
