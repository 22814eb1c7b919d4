/**
 * Injected into the page where Electron's preload would run: builds `window.hetao` with the same
 * buildApi, forwarding each call to the real main-process dispatcher through a Playwright binding.
 */
import { buildApi } from '../../../shared/ipc/buildApi';
import type { MenuCommand } from '../../../shared/ipc/contract';
import type { TaskProgress } from '../../../shared/tasks/progress';

type HarnessWindow = Window & {
  /** Takes and returns JSON text: Playwright carries one string far faster than a large object. */
  __hetaoInvoke(channel: string, input: string | undefined): Promise<string>;
  __hetaoMenu?: (command: MenuCommand) => void;
  __hetaoProgress?: (progress: TaskProgress) => void;
};

const harnessWindow = window as unknown as HarnessWindow;
const menuListeners = new Set<(command: MenuCommand) => void>();
// The harness's stand-in for the application menu.
harnessWindow.__hetaoMenu = (command) => menuListeners.forEach((listener) => listener(command));
const progressListeners = new Set<(progress: TaskProgress) => void>();
// The harness's stand-in for the task-progress channel.
harnessWindow.__hetaoProgress = (progress) => progressListeners.forEach((listener) => listener(progress));

Object.defineProperty(window, 'hetao', {
  value: buildApi(
    async (channel, input) =>
      JSON.parse(await harnessWindow.__hetaoInvoke(channel, input === undefined ? undefined : JSON.stringify(input))),
    (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  ),
  writable: false,
  configurable: false,
});
