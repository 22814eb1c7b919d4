import { render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { Backend, BackendOptions } from '../../electron/backend/openBackend';
import { buildApi } from '../../shared/ipc/buildApi';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { Language } from '../../shared/model/language';
import { unwrap } from '../../renderer/api/hetao';
import { initI18n } from '../../renderer/i18n/i18n';
import { App } from '../../renderer/shell/App';
import { LockGate } from '../../renderer/lock/LockGate';
import { appFrame, openTestBackend } from '../support/testBackend';

/**
 * Renders the whole app in jsdom against the real backend on a temp data folder: the components
 * talk to the same handlers and store as in the app, with no mocks in between.
 */
export async function renderApp(
  options: {
    systemLocale?: string;
    dataDir?: string;
    backend?: Partial<BackendOptions>;
    /** Start as the app does, behind the lock gate (the lock screen for an encrypted folder). */
    lockGate?: boolean;
  } = {},
) {
  const { backend, dataDir, dialogs } = await openTestBackend({
    systemLocale: options.systemLocale ?? 'zh-HK',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...options.backend,
  });
  const menuListeners = new Set<(command: MenuCommand) => void>();
  Object.defineProperty(window, 'hetao', {
    configurable: true,
    value: buildApi(
      (channel, input) => backend.dispatch(channel, input, appFrame),
      (listener) => {
        menuListeners.add(listener);
        return () => menuListeners.delete(listener);
      },
    ),
  });
  const view = options.lockGate ? await renderLockGate() : await renderUnlocked();
  return {
    ...view,
    backend,
    dataDir,
    dialogs,
    sendMenuCommand: (command: MenuCommand) => menuListeners.forEach((l) => l(command)),
  };
}

async function renderUnlocked() {
  const info = await unwrap(window.hetao.app.info());
  const language: Language = info.dataProblem ? info.systemLanguage : (await unwrap(window.hetao.settings.get())).language;
  await initI18n(language);
  return render(<App info={info} initialLanguage={language} />);
}

async function renderLockGate() {
  const status = await unwrap(window.hetao.lock.status());
  await initI18n(status.language);
  return render(<LockGate initial={status} />);
}

/**
 * Registers an afterEach that closes the backend of the app the test rendered last, and returns the
 * renderer. Call it once at the top of a test file.
 */
export function useRenderedApp(): typeof renderApp {
  let current: Backend | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => {
    const app = await renderApp(options);
    current = app.backend;
    return app;
  };
}
