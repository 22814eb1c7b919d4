import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreFs } from '../../electron/store/storeFs';
import { SCHEMA_VERSION } from '../../shared/model/dataset';
import { openTestBackend } from '../support/testBackend';
import { renderApp } from './realBackend';

let close: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await close?.().catch(() => undefined);
  close = null;
});

async function seededFolder(): Promise<string> {
  const { backend, dataDir } = await openTestBackend();
  await backend.close();
  return dataDir;
}

/** A disk that fills up when told to: every new file then fails with ENOSPC. */
function fillableDisk() {
  const state = { full: false };
  const fs: StoreFs = {
    ...fsp,
    open: ((...args: Parameters<typeof fsp.open>) => {
      if (state.full) return Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      return fsp.open(...args);
    }) as typeof fsp.open,
  };
  return { fs, state };
}

describe('when the disk is full', () => {
  it('says so in the user’s script, keeps the change on screen, and saves it once space is freed', async () => {
    const dataDir = await seededFolder();
    const disk = fillableDisk();
    const app = await renderApp({ dataDir, systemLocale: 'zh-CN', backend: { fs: disk.fs } });
    close = () => app.backend.close();
    const user = userEvent.setup();
    await screen.findByRole('tab', { name: '联合政策' });

    disk.state.full = true;
    await user.click(screen.getByText('English'));
    // The switch applies on screen at once; the banner says it is only in memory.
    expect(await screen.findByText(/Some changes are not yet on disk: The disk is full\./)).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Joint Policy' })).toBeVisible();

    disk.state.full = false;
    await user.click(screen.getByRole('button', { name: 'Retry saving' }));
    await waitFor(() => expect(screen.queryByText(/Some changes are not yet on disk/)).toBeNull());
    const settings = JSON.parse(await readFile(path.join(dataDir, 'collections/settings/00.json'), 'utf8'));
    expect(Object.values(settings.records as Record<string, { language: string }>)[0]!.language).toBe('en');
  });
});

describe('when a data file is damaged', () => {
  it('tells the user which file was moved where, and shows the data restored from the backup', async () => {
    const dataDir = await seededFolder();
    const subGroupsFile = path.join(dataDir, 'collections/subGroups/00.json');
    await writeFile(subGroupsFile, '{"format":"hetao-desk","schemaVersion":1,"collection":"subGr');
    const app = await renderApp({ dataDir, systemLocale: 'zh-HK' });
    close = () => app.backend.close();

    const notice = await screen.findByText(/資料檔「.*subGroups.*00\.json」已損壞，已移至「.*damaged.*」，並從 .* 的備份還原。/);
    expect(notice).toBeTruthy();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['總覽', '通訊錄', '合作安排', '交換', '香港科學園落戶深圳', '聯合政策', '聯合推廣']);
  });
});

describe('when the data was written by a newer version of the app', () => {
  it('explains in the user’s script that nothing was changed, instead of opening the workbench', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-newer-'));
    const file = path.join(dataDir, 'collections/settings/00.json');
    await mkdir(path.dirname(file), { recursive: true });
    const future = JSON.stringify({ format: 'hetao-desk', schemaVersion: 7, collection: 'settings', records: {} });
    await writeFile(file, future);

    const app = await renderApp({ dataDir, systemLocale: 'zh-CN' });
    close = () => app.backend.close();
    const alert = await screen.findByText('此数据由较新版本的一区两园工作台创建');
    expect(alert).toBeTruthy();
    expect(screen.getByText(new RegExp(`数据格式为第 7 版，本程序只支持至第 ${SCHEMA_VERSION} 版。为免损坏数据，本程序未作任何更改。`))).toBeVisible();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(within(document.body).getByRole('button', { name: '打开数据文件夹' })).toBeVisible();
    expect(await readFile(file, 'utf8')).toBe(future);
  });
});
