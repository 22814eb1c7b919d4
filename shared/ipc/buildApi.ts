import { channels } from './channels';
import type { HetaoApi, MenuCommand } from './contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type SubscribeMenu = (listener: (command: MenuCommand) => void) => () => void;

/**
 * Builds `window.hetao` from the channel list. The Electron preload passes ipcRenderer.invoke; the
 * browser test harness passes its binding to the same main-process handlers.
 */
export function buildApi(invoke: Invoke, onMenuCommand: SubscribeMenu): HetaoApi {
  const api: Record<string, unknown> = { onMenuCommand };
  for (const [ns, methods] of Object.entries(channels)) {
    const group: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of methods as readonly string[]) {
      group[method] = (input?: unknown) => invoke(`${ns}.${method}`, input);
    }
    api[ns] = Object.freeze(group);
  }
  return Object.freeze(api) as HetaoApi;
}
