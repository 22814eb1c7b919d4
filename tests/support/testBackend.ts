import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/openBackend';
import { QueuedDialogs } from '../../electron/dialogs/dialogs';
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
