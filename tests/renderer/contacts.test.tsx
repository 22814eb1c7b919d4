import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom types slowly; a whole flow takes longer than the project's default.
const SLOW = 90_000;

async function openContacts(systemLocale = 'zh-HK', tabName = '通訊錄', before?: () => Promise<unknown>) {
  const app = await renderApp({ systemLocale });
  const user = userEvent.setup();
  const tab = await screen.findByRole('tab', { name: tabName });
  await before?.();
  await user.click(tab);
  return { app, user };
}

function rowOf(name: string): HTMLElement {
  return screen.getByText(name, { selector: 'strong, strong *' }).closest('tr') as HTMLElement;
}

describe('the contacts tab', () => {
  it('sits right after the overview', async () => {
    await openContacts();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.slice(0, 2).map((t) => t.textContent)).toEqual(['總覽', '通訊錄']);
    expect(await screen.findByText('通訊錄尚無聯絡人。可逐一新增，或匯入 CSV 或 Excel 檔案。')).toBeTruthy();
  });

  it('adds a contact, validating in the user’s script and keeping what was typed, then edits it', async () => {
    const { user } = await openContacts();
    await user.click(screen.getByRole('button', { name: /新增聯絡人/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('姓名'), '陳大文');
    await user.type(within(dialog).getByLabelText('電郵'), 'tm.chan@');
    await user.type(within(dialog).getByLabelText('電話'), '+852 2810 2000{Enter}');
    expect(await within(dialog).findByText('電郵地址無效。')).toBeTruthy();
    expect((within(dialog).getByLabelText('姓名') as HTMLInputElement).value).toBe('陳大文');

    await user.type(within(dialog).getByLabelText('電郵'), 'itib.gov.hk{Enter}');
    await screen.findByText('已新增「陳大文」。');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
    const row = rowOf('陳大文');
    expect(within(row).getByText('香港')).toBeTruthy();
    expect(within(row).getByText('tm.chan@itib.gov.hk')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: '編輯 陳大文' }));
    const edit = await screen.findByRole('dialog');
    const title = within(edit).getByLabelText('職銜');
    await user.type(title, '首席助理秘書長{Enter}');
    await screen.findByText('已儲存「陳大文」。');
    expect(within(rowOf('陳大文')).getByText('首席助理秘書長')).toBeTruthy();
  }, SLOW);

  it('imports a CSV after a preview that names each bad row and why, and exports what is there', async () => {
    const { app, user } = await openContacts();
    const folder = await mkdtemp(path.join(tmpdir(), 'hetao-contacts-ui-'));
    const file = path.join(folder, '名單.csv');
    await writeFile(
      file,
      '\uFEFF姓名,機構,所屬方,電郵\r\n陳大文,創新科技及工業局,香港,tm.chan@itib.gov.hk\r\n李四,某局,澳門,li@@x\r\n王小明,深圳市科技创新局,深圳,\r\n',
    );
    app.dialogs.answerNextOpen(file);
    await user.click(screen.getByRole('button', { name: /匯入/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('從「名單.csv」匯入聯絡人')).toBeTruthy();
    expect(within(dialog).getByText('共 3 行：將新增 2 人；1 行有錯誤，0 行與現有資料重複，均不會匯入。')).toBeTruthy();
    expect(within(dialog).getByText('所屬方：請選擇香港、深圳或其他。')).toBeTruthy();
    expect(within(dialog).getByText('電郵：電郵地址無效。')).toBeTruthy();
    // Nothing is written until the user accepts.
    const before = await window.hetao.contacts.list({ includeDeleted: true });
    expect(before.ok && before.value).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: '匯入 2 人' }));
    await screen.findByText('已匯入 2 人。');
    expect(rowOf('陳大文')).toBeTruthy();
    expect(rowOf('王小明')).toBeTruthy();

    const out = path.join(folder, 'out.csv');
    app.dialogs.answerNextSave(out);
    // Exported as every document is: the export dialog, CSV, the Traditional edition.
    await user.click(screen.getByRole('button', { name: /匯出/ }));
    const exporting = await screen.findByRole('dialog');
    await user.click(within(exporting).getByRole('radio', { name: '逗號分隔值（CSV，可再匯入）' }));
    await user.click(within(exporting).getByRole('radio', { name: '繁體' }));
    await user.click(within(exporting).getByRole('button', { name: /匯\s*出/ }));
    // 王小明's organisation was typed in Simplified: its Traditional form is offered for review first.
    await user.click(await within(exporting).findByRole('button', { name: '仍然匯出' }));
    await within(exporting).findByText('已匯出 1 個檔案。');
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF姓名,職銜,機構,所屬方,電郵,電話,所屬專組及角色\r\n')).toBe(true);
  }, SLOW);

  it('says why a file cannot be imported', async () => {
    const { app, user } = await openContacts('en-GB', 'Contacts');
    const folder = await mkdtemp(path.join(tmpdir(), 'hetao-contacts-ui-'));
    const file = path.join(folder, 'photo.png');
    await writeFile(file, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    app.dialogs.answerNextOpen(file);
    await user.click(screen.getByRole('button', { name: /Import/ }));
    expect(await screen.findByText('"photo.png" is not a CSV file or Excel workbook that can be read, or it is damaged.')).toBeTruthy();
  });
});
