import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/openBackend';
import { QueuedDialogs } from '../../electron/dialogs/dialogs';
import type { Result } from '../../shared/ipc/errors';
import { APP_ORIGIN } from '../../shared/security/contentSecurityPolicy';

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  dialogs: QueuedDialogs;
  openedFolders: string[];
}

/** The real backend on a fresh temp folder (or the one given), with stand-ins for the OS. */
export async function openTestBackend(options: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'hetao-test-')));
  const dialogs = options.dialogs instanceof QueuedDialogs ? options.dialogs : new QueuedDialogs();
  const openedFolders: string[] = [];
  const backend = await openBackend({
    appVersion: '0.0.0-test',
    systemLocale: 'zh-HK',
    appOrigin: APP_ORIGIN,
    openFolder: async (folder) => void openedFolders.push(folder),
    ...options,
    dataDir,
    dialogs,
  });
  return { backend, dataDir, dialogs, openedFolders };
}

/** A call as the app's own window makes it. */
export const appFrame = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/** A test's backend and how to call it as the app's own window does. */
export interface TestSession extends TestBackend {
  /** The result as the renderer receives it: a value or a typed error. */
  call<T>(channel: string, input?: unknown): Promise<Result<T>>;
  /** The value, or a thrown error naming the channel and the typed error. */
  value<T>(channel: string, input?: unknown): Promise<T>;
}

/**
 * Registers an afterEach that closes whatever backend the test opened, and returns the opener.
 * Call it once at the top of a test file.
 */
export function useTestBackend(): (options?: Partial<BackendOptions>) => Promise<TestSession> {
  let current: Backend | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => {
    const opened = await openTestBackend(options);
    current = opened.backend;
    const call = async <T>(channel: string, input?: unknown) => (await opened.backend.dispatch(channel, input, appFrame)) as Result<T>;
    const value = async <T>(channel: string, input?: unknown) => {
      const result = await call<T>(channel, input);
      if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}`), { value: result.error });
      return result.value;
    };
    return { ...opened, call, value };
  };
}
