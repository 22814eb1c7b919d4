import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/ipc/contract';
import { MENU_COMMAND_CHANNEL } from '../../../shared/ipc/channels';
import { TASK_PROGRESS_CHANNEL } from '../../../shared/tasks/channels';

/** Builds the real preload as the app does and runs it against a recording stand-in for Electron. */
async function loadPreload() {
  const outfile = path.join(tmpdir(), `hetao-preload-${process.pid}.cjs`);
  await build({ entryPoints: ['electron/preload.electron.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], outfile, logLevel: 'silent' });
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipcRenderer = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    // As Electron's does: it returns ipcRenderer itself, which must never reach the page.
    removeListener: (channel: string) => {
      listeners.delete(channel);
      return ipcRenderer;
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer,
  };
  const module = { exports: {} };
  runInNewContext(await readFile(outfile, 'utf8'), {
    require: (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`The sandboxed preload may not require ${name}`);
    },
    module,
    exports: module.exports,
  });
  return { exposed, invoked, listeners };
}

describe('the preload', () => {
  it('exposes exactly the contract’s methods as window.hetao, and no way to reach ipcRenderer', async () => {
    const { exposed } = await loadPreload();
    expect([...exposed.keys()]).toEqual(['hetao']);
    const api = exposed.get('hetao')!;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'onMenuCommand', 'onTaskProgress'].sort());
    for (const [ns, methods] of Object.entries(contract)) {
      expect(Object.keys(api[ns] as object).sort()).toEqual(Object.keys(methods).sort());
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('sends each call on its own channel', async () => {
    const { exposed, invoked } = await loadPreload();
    const api = exposed.get('hetao') as { subGroups: { create(i: unknown): Promise<unknown> }; app: { info(): Promise<unknown> } };
    await api.app.info();
    await api.subGroups.create({ code: 'DF' });
    expect(invoked).toEqual([
      ['app.info', undefined],
      ['subGroups.create', { code: 'DF' }],
    ]);
  });

  it('passes menu commands to the page without the Electron event, ignores unknown ones, and unsubscribes', async () => {
    const { exposed, listeners } = await loadPreload();
    const api = exposed.get('hetao') as { onMenuCommand(l: (c: string) => void): () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args) => received.push(args));
    const forward = listeners.get(MENU_COMMAND_CHANNEL)!;
    forward({ sender: 'secret' }, 'openSettings');
    forward({ sender: 'secret' }, 'rm -rf');
    expect(received).toEqual([['openSettings']]);
    expect(unsubscribe()).toBeUndefined();
    expect(listeners.has(MENU_COMMAND_CHANNEL)).toBe(false);
  });

  it('unsubscribes from task progress without handing ipcRenderer back to the page', async () => {
    const { exposed, listeners } = await loadPreload();
    const api = exposed.get('hetao') as { onTaskProgress(l: (p: unknown) => void): () => unknown };
    const unsubscribe = api.onTaskProgress(() => undefined);
    expect(listeners.has(TASK_PROGRESS_CHANNEL)).toBe(true);
    expect(unsubscribe()).toBeUndefined();
    expect(listeners.has(TASK_PROGRESS_CHANNEL)).toBe(false);
  });
});
