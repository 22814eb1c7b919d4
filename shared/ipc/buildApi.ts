import { channels } from './channels';
import type { HetaoApi, MenuCommand } from './contract';
import type { TaskProgress } from '../tasks/progress';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type SubscribeMenu = (listener: (command: MenuCommand) => void) => () => void;
export type SubscribeProgress = (listener: (progress: TaskProgress) => void) => () => void;

/**
 * Builds `window.hetao` from the channel list. The Electron preload passes ipcRenderer.invoke; the
 * browser test harness passes its binding to the same main-process handlers.
 */
export function buildApi(
  invoke: Invoke,
  onMenuCommand: SubscribeMenu,
  // Hosts without long tasks (component tests) may leave progress out.
  onTaskProgress: SubscribeProgress = () => () => undefined,
): HetaoApi {
  const api: Record<string, unknown> = { onMenuCommand, onTaskProgress };
  for (const [ns, methods] of Object.entries(channels)) {
    const group: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of methods as readonly string[]) {
      group[method] = (input?: unknown) => invoke(`${ns}.${method}`, input);
    }
    api[ns] = Object.freeze(group);
  }
  return Object.freeze(api) as HetaoApi;
}
