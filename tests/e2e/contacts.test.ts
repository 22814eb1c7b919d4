import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness/useHarness';
import { ContactsPage } from './pages/contactsPage';
import { ExportsPage } from './pages/exportsPage';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

async function freshApp(systemLocale: string) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-'));
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-files-'));
  await mkdir(screenshots, { recursive: true });
  const harness = await openHarness({ dataDir, systemLocale });
  return { harness, files, contacts: new ContactsPage(harness.page) };
}

/** Waits for dialogs and messages to finish animating, so a screenshot shows what the user sees. */
async function settled(contacts: ContactsPage): Promise<void> {
  type AnimatedDocument = { getAnimations(): Array<{ playState: string }> };
  await contacts.page.waitForFunction(() =>
    (globalThis as unknown as { document: AnimatedDocument }).document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

const csv = (header: string, rows: string[]) => `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;

describe('contacts', () => {
  it('imports a CSV with good and bad rows in Traditional, edits one, deletes and undoes, exports', async () => {
    const { harness, files, contacts } = await freshApp('zh-HK');
    await contacts.open('通訊錄');
    await contacts.page.getByText('通訊錄尚無聯絡人。', { exact: false }).waitFor();

    const file = path.join(files, '聯合政策專組名單.csv');
    await writeFile(
      file,
      csv('姓名,職銜,機構,所屬方,電郵,電話,所屬專組及角色', [
        '陳大文,首席助理秘書長,創新科技及工業局,香港,tm.chan@itib.gov.hk,+852 2810 2000,JP 召集人',
        '王小明,处长,深圳市科技创新局,深圳,wang@sz.gov.cn,0755-8888 8888,联合政策（成员）; PR 秘书',
        '李四,主任,某局,澳門,li@@example,,',
        ',無名氏,香港科技園公司,香港,,,',
        '"Lee, Ada","Manager, Incubation",香港科技園公司,HK,ada@hkstp.org,,SP',
      ]),
    );
    harness.dialogs.answerNextOpen(file);
    await contacts.button(/匯入/).click();
    const preview = contacts.dialog();
    await preview.getByText('從「聯合政策專組名單.csv」匯入聯絡人').waitFor();
    await preview.getByText('共 5 行：將新增 3 人；2 行有錯誤，0 行與現有資料重複，均不會匯入。').waitFor();
    await preview.getByText('所屬方：請選擇香港、深圳或其他。').waitFor();
    await preview.getByText('電郵：電郵地址無效。').waitFor();
    await preview.getByText('姓名：必須填寫。').waitFor();
    await settled(contacts);
    await contacts.screenshot(path.join(screenshots, 'contacts-import-preview-zh-Hant.png'));
    await preview.getByRole('button', { name: '匯入 3 人' }).click();
    await contacts.page.getByText('已匯入 3 人。').waitFor();
    await preview.waitFor({ state: 'hidden' });
    expect((await contacts.names()).sort()).toEqual(['Lee, Ada', '王小明', '陳大文'].sort());
    await contacts.row('王小明').getByText('聯合政策 · 成員').waitFor();
    await settled(contacts);
    await contacts.screenshot(path.join(screenshots, 'contacts-list-zh-Hant.png'));

    // Importing the same file again adds nobody twice.
    harness.dialogs.answerNextOpen(file);
    await contacts.button(/匯入/).click();
    await preview.getByText('共 5 行：將新增 0 人；2 行有錯誤，3 行與現有資料重複，均不會匯入。').waitFor();
    await preview.getByText('與「陳大文」電郵相同，不會重複匯入').waitFor();
    expect(await preview.getByRole('button', { name: '匯入 0 人' }).isDisabled()).toBe(true);
    await contacts.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    // Edit: a bad email is refused in Traditional, the typed title stays, Enter saves once fixed.
    await contacts.row('陳大文').getByRole('button', { name: '編輯 陳大文' }).click();
    const form = contacts.dialog();
    await form.getByLabel('職銜').fill('副秘書長');
    await form.getByLabel('電郵').fill('tm.chan@');
    await form.getByLabel('電郵').press('Enter');
    await form.getByText('電郵地址無效。').waitFor();
    expect(await form.getByLabel('職銜').inputValue()).toBe('副秘書長');
    await settled(contacts);
    await contacts.screenshot(path.join(screenshots, 'contacts-edit-zh-Hant.png'));
    await form.getByLabel('電郵').fill('tm.chan@itib.gov.hk');
    await form.getByLabel('電郵').press('Enter');
    await contacts.page.getByText('已儲存「陳大文」。').waitFor();
    await contacts.row('陳大文').getByText('副秘書長').waitFor();

    // Delete, then Undo from the message.
    await contacts.row('王小明').getByRole('button', { name: '刪除 王小明' }).click();
    await contacts.page.getByText('已刪除「王小明」。').waitFor();
    await contacts.row('王小明').waitFor({ state: 'detached' });
    await contacts.page.getByRole('button', { name: /復原/ }).click();
    await contacts.page.getByText('已還原「王小明」。').waitFor();
    await contacts.row('王小明').waitFor();

    // Export to XLSX through the export dialog and the save dialog, as every document is exported.
    const out = path.join(files, 'out.xlsx');
    harness.dialogs.answerNextSave(out);
    const exports = new ExportsPage(contacts.page, 'zh-Hant');
    const dialog = await exports.open(contacts.page, exports.ui.button, 'contacts');
    await exports.choose(dialog, exports.ui.formats.xlsx);
    await exports.choose(dialog, exports.ui.scripts.hant);
    await exports.exportAnyway(dialog, 1);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('works the same in Simplified, with Mainland wording, filters and a restore from the deleted list', async () => {
    const { harness, files, contacts } = await freshApp('zh-CN');
    await contacts.open('通讯录');
    const file = path.join(files, '名单.csv');
    await writeFile(
      file,
      csv('姓名,职衔,机构,所属方,电子邮箱,电话,所属专组及角色', [
        '王小明,处长,深圳市科技创新局,深圳,wang@sz.gov.cn,0755-8888 8888,JP 召集人',
        '陈大文,首席助理秘书长,创新科技及工业局,香港,tm.chan@itib.gov.hk,,PR 成员',
        '张三,经理,香港科技园公司,其他,zhang@@x,,',
      ]),
    );
    harness.dialogs.answerNextOpen(file);
    await contacts.button(/导入/).click();
    const preview = contacts.dialog();
    await preview.getByText('共 3 行：将新建 2 人；1 行有错误，0 行与现有数据重复，均不会导入。').waitFor();
    await settled(contacts);
    await contacts.screenshot(path.join(screenshots, 'contacts-import-preview-zh-Hans.png'));
    await preview.getByRole('button', { name: '导入 2 人' }).click();
    await contacts.page.getByText('已导入 2 人。').waitFor();

    await contacts.page.getByRole('combobox', { name: '所属方' }).click();
    await contacts.page.locator('.ant-select-dropdown').getByText('深圳', { exact: true }).click();
    await expect.poll(() => contacts.names()).toEqual(['王小明']);
    await contacts.page.getByRole('combobox', { name: '所属方' }).press('Escape');
    await contacts.page.getByRole('searchbox', { name: '搜索姓名、职衔、机构、电子邮箱或电话' }).fill('陳');
    await expect.poll(() => contacts.names()).toEqual([]);
    await contacts.page.locator('section.contacts-view .ant-select-clear').first().click({ force: true });
    await expect.poll(() => contacts.names()).toEqual(['陈大文']);
    await contacts.page.getByRole('searchbox', { name: '搜索姓名、职衔、机构、电子邮箱或电话' }).fill('');

    await contacts.row('王小明').getByRole('button', { name: '删除 王小明' }).click();
    await contacts.row('王小明').waitFor({ state: 'detached' });
    await contacts.page.getByRole('switch', { name: '显示已删除' }).click();
    await contacts.row('王小明').getByText('已删除').waitFor();
    await settled(contacts);
    await contacts.screenshot(path.join(screenshots, 'contacts-deleted-zh-Hans.png'));
    await contacts.row('王小明').getByRole('button', { name: /恢复/ }).click();
    await contacts.page.getByText('已恢复“王小明”。').waitFor();
    await contacts.row('王小明').getByRole('button', { name: '删除 王小明' }).waitFor();
  });
});
