/**
 * Injected into the page where Electron's preload would run: builds `window.hetao` with the same
 * buildApi, forwarding each call to the real main-process dispatcher through a Playwright binding.
 */
import { buildApi } from '../../../shared/ipc/buildApi';
import type { MenuCommand } from '../../../shared/ipc/contract';

type HarnessWindow = Window & {
  __hetaoInvoke(channel: string, input: unknown): Promise<unknown>;
  __hetaoMenu?: (command: MenuCommand) => void;
};

const harnessWindow = window as unknown as HarnessWindow;
const menuListeners = new Set<(command: MenuCommand) => void>();
// The harness's stand-in for the application menu.
harnessWindow.__hetaoMenu = (command) => menuListeners.forEach((listener) => listener(command));

Object.defineProperty(window, 'hetao', {
  value: buildApi(
    (channel, input) => harnessWindow.__hetaoInvoke(channel, input),
    (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
  ),
  writable: false,
  configurable: false,
});
