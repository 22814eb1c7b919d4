import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreFs } from '../../electron/store/storeFs';
import { appFrame, openTestBackend } from '../support/testBackend';
import { renderApp } from './realBackend';

let close: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await close?.().catch(() => undefined);
  close = null;
});

/** Reads work; every write fails as on a read-only disk. */
const readOnlyFs: StoreFs = {
  ...fsp,
  open: ((file: string, flags?: string) =>
    flags && flags !== 'r' ? Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' })) : fsp.open(file, flags)) as typeof fsp.open,
  rename: (() => Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' }))) as typeof fsp.rename,
};

describe('what the user is told about the data folder as the app opens', () => {
  it('a read-only folder opens with a banner that says why nothing can be saved', async () => {
    const seeded = await openTestBackend();
    // A folder the app has run in holds its settings.
    await seeded.backend.dispatch('settings.get', undefined, appFrame);
    await seeded.backend.close();
    const app = await renderApp({ dataDir: seeded.dataDir, systemLocale: 'zh-HK', backend: { fs: readOnlyFs } });
    close = () => app.backend.close();
    await screen.findByRole('tab', { name: '聯合政策' });
    expect(await screen.findByText(`資料夾「${seeded.dataDir}」是唯讀的：資料只供閱覽，所作的變更無法儲存。`)).toBeVisible();
  });

  it('a folder whose collections are gone offers its save points instead of starting anew', async () => {
    const seeded = await openTestBackend();
    await seeded.backend.close();
    // A save point is taken of the data as found when a folder is opened again.
    await (await openTestBackend({ dataDir: seeded.dataDir })).backend.close();
    await fsp.rm(path.join(seeded.dataDir, 'collections'), { recursive: true });
    const app = await renderApp({ dataDir: seeded.dataDir, systemLocale: 'en-GB' });
    close = () => app.backend.close();
    expect(await screen.findByText('The data is missing, but backups exist')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Restore this save point' })).toBeVisible();
    await expect(fsp.stat(path.join(seeded.dataDir, 'collections'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
