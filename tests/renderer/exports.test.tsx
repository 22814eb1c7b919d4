import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StoreFs } from '../../electron/store/storeFs';
import type { ActionFields } from '../../shared/model/action';
import { unwrap } from '../../renderer/api/hetao';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom is slow; each test walks a whole export or two.
const SLOW = 120_000;
const NOW = new Date('2026-11-24T02:00:00Z');

const fields = (title: string): ActionFields => ({ title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: '2026-12-31', priority: 'normal', clauses: [] });

/**
 * The app on a fresh data folder with two of Joint Policy's actions (one typed in 繁體, one in 简体),
 * opened on that sub-group's actions; `fs` stands in for the disk where a test needs it to refuse.
 */
async function openActions(options: { systemLocale?: string; tab?: string; shown?: string; fs?: StoreFs } = {}) {
  const opened: string[] = [];
  const backend = { now: () => NOW, openFolder: async (folder: string) => void opened.push(folder), ...(options.fs ? { fs: options.fs } : {}) };
  const app = await renderApp({ systemLocale: options.systemLocale ?? 'zh-HK', backend });
  const jp = (await unwrap(window.hetao.subGroups.list())).find((s) => s.code === 'JP')!;
  await unwrap(window.hetao.actions.create({ subGroupId: jp.id, fields: fields('研究跨境數據流通的安排') }));
  await unwrap(window.hetao.actions.create({ subGroupId: jp.id, fields: fields('推进港深联合资助项目库的信息共享') }));
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: options.tab ?? '聯合政策' }));
  await within(await screen.findByRole('region', { name: /跟進事項|跟进事项/ })).findByText(options.shown ?? '研究跨境數據流通的安排', {}, { timeout: 20_000 });
  const out = await mkdtemp(path.join(tmpdir(), 'hetao-export-ui-'));
  return { app, user, out, opened };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>, label = '匯出', title = '匯出跟進事項') {
  const section = screen.getByRole('region', { name: /跟進事項|跟进事项/ });
  await user.click(within(section).getByRole('button', { name: new RegExp(`${label}$`) }));
  // rc-util gives every id "test-id" under test, so dialogs cannot be found by their accessible name here.
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText(title)).toBeTruthy();
  return dialog;
}

/** The dialog's own buttons (its × is also named 關閉). */
const footer = (dialog: HTMLElement) => dialog.querySelector<HTMLElement>('.ant-modal-footer')!;
const button = (dialog: HTMLElement, name: string) => within(footer(dialog)).getByRole('button', { name });

const radioNames = (dialog: HTMLElement) => within(dialog).getAllByRole('radio').map((r) => r.closest('label')!.textContent);

/** Goes past any "not yet reviewed" step (conversion choices nobody confirmed) as a user in a hurry would. */
async function exportAnyway(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, anyway: string, done: string) {
  for (;;) {
    const next = await waitFor(() => {
      const found = within(dialog).queryByText(done) ?? within(footer(dialog)).queryByRole('button', { name: anyway });
      if (!found) throw new Error('still working');
      return found;
    });
    if (next.tagName !== 'BUTTON' && !next.closest('button')) return;
    await user.click(next);
  }
}

describe('the export dialog', () => {
  it('offers the formats and scripts the document has, and writes a pair or one side-by-side file under the chosen name', async () => {
    const { app, user, out, opened } = await openActions();
    let dialog = await openDialog(user);
    expect(within(dialog).getByText('共 2 項將會匯出。')).toBeTruthy();
    // XLSX first: a workbook has no side-by-side layout.
    expect(radioNames(dialog)).toEqual(['Excel 活頁簿（XLSX）', 'Word 文件（DOCX）', 'PDF', '繁體', '简体', '繁體及简体（兩個檔案）', '不設', '限閱文件', '機密文件']);
    expect((within(dialog).getByRole('radio', { name: '繁體' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(dialog).getByRole('radio', { name: '繁體及简体（兩個檔案）' }));
    app.dialogs.answerNextSave(path.join(out, '聯合政策專組_跟進事項_2026-11-24.xlsx'));
    await user.click(button(dialog, '匯出'));
    await exportAnyway(user, dialog, '仍然匯出', '已匯出 2 個檔案。');
    // The save dialog suggested the name the issue prescribes, and each file is named in its own script.
    expect(app.dialogs.saved[0]).toBe('聯合政策專組_跟進事項_2026-11-24.xlsx');
    expect(within(dialog).getByText('聯合政策專組_跟進事項_2026-11-24（繁體版）.xlsx')).toBeTruthy();
    expect(within(dialog).getByText('联合政策专组_跟进事项_2026-11-24（简体版）.xlsx')).toBeTruthy();
    expect((await readdir(out)).sort()).toEqual(['聯合政策專組_跟進事項_2026-11-24（繁體版）.xlsx', '联合政策专组_跟进事项_2026-11-24（简体版）.xlsx'].sort());

    await user.click(button(dialog, '開啟資料夾'));
    await waitFor(() => expect(opened).toEqual([out]));
    await user.click(button(dialog, '關閉'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Word offers 繁簡並列; one file, no edition in its name. The folder is remembered.
    dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Word 文件（DOCX）' }));
    expect(radioNames(dialog).slice(3)).toEqual(['繁體', '简体', '繁體及简体（兩個檔案）', '繁簡並列（一份文件）', '不設', '限閱文件', '機密文件']);
    await user.click(within(dialog).getByRole('radio', { name: '繁簡並列（一份文件）' }));
    app.dialogs.answerNextSave(path.join(out, '並列.docx'));
    await user.click(button(dialog, '匯出'));
    await exportAnyway(user, dialog, '仍然匯出', '已匯出 1 個檔案。');
    expect(app.dialogs.saved[1]).toBe(path.join(out, '聯合政策專組_跟進事項_2026-11-24.docx'));
    expect((await stat(path.join(out, '並列.docx'))).size).toBeGreaterThan(0);

    // Switching back to XLSX while 並列 is chosen falls back to the reader's script, never to a choice not offered.
    await user.click(button(dialog, '關閉'));
    dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Word 文件（DOCX）' }));
    await user.click(within(dialog).getByRole('radio', { name: '繁簡並列（一份文件）' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Excel 活頁簿（XLSX）' }));
    expect((within(dialog).getByRole('radio', { name: '繁體' }) as HTMLInputElement).checked).toBe(true);
  }, SLOW);

  it('asks before replacing a file, and keeping it writes nothing', async () => {
    const { app, user, out } = await openActions();
    const file = path.join(out, '跟進事項.xlsx');
    let dialog = await openDialog(user);
    app.dialogs.answerNextSave(file);
    await user.click(button(dialog, '匯出'));
    await exportAnyway(user, dialog, '仍然匯出', '已匯出 1 個檔案。');
    await user.click(button(dialog, '關閉'));
    const first = await readFile(file);

    dialog = await openDialog(user);
    app.dialogs.answerNextSave(file);
    await user.click(button(dialog, '匯出'));
    await exportAnyway(user, dialog, '仍然匯出', '取代現有檔案？');
    expect(within(dialog).getByText('以下檔案已存在，取代後原有內容將會遺失：')).toBeTruthy();
    expect(within(dialog).getByText('跟進事項.xlsx')).toBeTruthy();
    await user.click(button(dialog, '不取代'));
    // Back at the choices, as they were; the old file untouched.
    expect((within(dialog).getByRole('radio', { name: '繁體' }) as HTMLInputElement).checked).toBe(true);
    expect((await readFile(file)).equals(first)).toBe(true);

    app.dialogs.answerNextSave(file);
    await user.click(button(dialog, '匯出'));
    await exportAnyway(user, dialog, '仍然匯出', '取代現有檔案？');
    await user.click(button(dialog, '取代'));
    await within(dialog).findByText('已匯出 1 個檔案。', {}, { timeout: 20_000 });
    expect(await readdir(out)).toEqual(['跟進事項.xlsx']);
  }, SLOW);

  it('says in Simplified that a read-only folder cannot be written, keeps the choices, and another folder works', async () => {
    const readOnly = await mkdtemp(path.join(tmpdir(), 'hetao-export-ro-'));
    // Tests run as root, who ignores permissions: refuse writes into that folder as a read-only volume does.
    const refusing: StoreFs = {
      ...fsp,
      open: ((file: string, flags?: string) =>
        path.dirname(file) === readOnly ? Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) : fsp.open(file, flags)) as StoreFs['open'],
    };
    const { app, user, out } = await openActions({ systemLocale: 'zh-CN', tab: '联合政策', shown: '研究跨境数据流通的安排', fs: refusing });
    const dialog = await openDialog(user, '导出', '导出跟进事项');
    await user.click(within(dialog).getByRole('radio', { name: 'Word 文档（DOCX）' }));
    await user.click(within(dialog).getByRole('radio', { name: '繁体及简体（两个文件）' }));
    app.dialogs.answerNextSave(path.join(readOnly, '跟进事项.docx'));
    await user.click(button(dialog, '导出'));
    await exportAnyway(user, dialog, '仍然导出', `无法写入“${readOnly}”：文件夹只读或没有写入权限。请另选文件夹。`);
    expect(await readdir(readOnly)).toEqual([]);
    expect((within(dialog).getByRole('radio', { name: 'Word 文档（DOCX）' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('radio', { name: '繁体及简体（两个文件）' }) as HTMLInputElement).checked).toBe(true);

    app.dialogs.answerNextSave(path.join(out, '跟进事项.docx'));
    await user.click(button(dialog, '导出'));
    await exportAnyway(user, dialog, '仍然导出', '已导出 2 个文件。');
    expect(within(dialog).queryByText(/无法写入/)).toBeNull();
    expect((await readdir(out)).sort()).toEqual(['跟進事項（繁體版）.docx', '跟进事项（简体版）.docx'].sort());
  }, SLOW);

  it('writes nothing when the save dialog is cancelled, and Cancel or Esc closes it', async () => {
    const { app, user } = await openActions();
    let dialog = await openDialog(user);
    app.dialogs.answerNextSave(null);
    await user.click(button(dialog, '匯出'));
    await waitFor(() => expect(app.dialogs.saved).toHaveLength(1));
    // Still choosing, with no error: cancelling the save dialog is not a failure.
    expect(button(dialog, '匯出')).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(button(dialog, '取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    dialog = await openDialog(user);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, SLOW);
});
