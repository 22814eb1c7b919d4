import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness/useHarness';
import { WorkbenchPage } from './pages/workbenchPage';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

async function freshApp(systemLocale = 'zh-HK') {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-'));
  await mkdir(screenshots, { recursive: true });
  const harness = await openHarness({ dataDir, systemLocale });
  return { harness, dataDir, app: new WorkbenchPage(harness.page) };
}

describe('the shell', () => {
  it('seeds a fresh data folder, switches to Simplified, and keeps the choice across a restart', async () => {
    const { harness, dataDir, app } = await freshApp();

    await app.waitForTab('總覽');
    expect(await app.tabNames()).toEqual(['總覽', '通訊錄', '合作安排', '交換', '香港科學園落戶深圳', '聯合政策', '聯合推廣']);
    await expect(app.page.title()).resolves.toBe('一區兩園工作台');
    await app.page.getByText('已建立新的資料夾，並設立工作組及三個專組。').waitFor();
    await app.screenshot(path.join(screenshots, 'shell-zh-Hant.png'));

    await app.chooseLanguage('简体');
    await app.waitForTab('总览');
    expect(await app.tabNames()).toEqual(['总览', '通讯录', '合作安排', '交换', '香港科学园落户深圳', '联合政策', '联合推广']);
    await expect(app.page.title()).resolves.toBe('一区两园工作台');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('zh-Hans-CN');
    await app.screenshot(path.join(screenshots, 'shell-zh-Hans.png'));

    await harness.restart();
    await app.waitForTab('总览');
    expect(await app.tabNames()).toEqual(['总览', '通讯录', '合作安排', '交换', '香港科学园落户深圳', '联合政策', '联合推广']);
    // The data folder was really written: shard files and a save point.
    expect(await readdir(path.join(dataDir, 'collections'))).toContain('subGroups');
    expect((await readdir(path.join(dataDir, 'backups'))).length).toBeGreaterThan(0);
  });

  it('sets up a further sub-group from the add tab, validating in the user’s script', async () => {
    const { harness, app } = await freshApp();
    await app.waitForTab('總覽');

    const dialog = await app.openNewSubGroupDialog('新增專組');
    await dialog.getByRole('button', { name: '設立專組' }).click();
    await dialog.getByText('必須填寫。').first().waitFor();

    await dialog.getByLabel('繁體名稱').fill('「數據流通」專組');
    await dialog.getByLabel('簡體名稱').fill('「数据流通」专组');
    await dialog.getByLabel('英文名稱').fill('Sub-group on Data Flow');
    await dialog.getByLabel('代號').fill('sp');
    await dialog.getByLabel('代號').press('Enter');
    // The code is taken by the seeded Science Park sub-group; what was typed stays.
    await dialog.getByText('代號「SP」已被其他專組使用。').waitFor();
    expect(await dialog.getByLabel('繁體名稱').inputValue()).toBe('「數據流通」專組');

    await dialog.getByLabel('代號').fill('DF');
    await dialog.getByLabel('代號').press('Enter');
    await app.waitForTab('數據流通');
    expect(await app.tabNames()).toEqual(['總覽', '通訊錄', '合作安排', '交換', '香港科學園落戶深圳', '聯合政策', '聯合推廣', '數據流通']);
    await app.heading('「數據流通」專組 DF').waitFor();

    await harness.restart();
    await app.waitForTab('數據流通');
  });

  it('opens settings from the menu, shows the data folder and opens it', async () => {
    const { harness, dataDir, app } = await freshApp('en-GB');
    await app.waitForTab('Overview');
    await harness.sendMenuCommand('openSettings');
    const dialog = app.page.getByRole('dialog');
    await dialog.getByText(dataDir, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Open data folder' }).click();
    await expect.poll(() => harness.openedFolders).toEqual([dataDir]);
    await app.screenshot(path.join(screenshots, 'settings-en.png'));
  });
});
