import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

async function start(systemLocale = 'zh-HK') {
  const app = await renderApp({ systemLocale });
  await screen.findAllByRole('tab');
  return app;
}

describe('Workbench', () => {
  it('shows the overview and one tab per seeded sub-group, in Traditional for a Hong Kong laptop', async () => {
    await start('zh-HK');
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['總覽', '通訊錄', '合作安排', '交換', '香港科學園落戶深圳', '聯合政策', '聯合推廣']);
    expect(screen.getByRole('heading', { name: '「一區兩園」項目工作組' })).toBeVisible();
    expect(screen.getByText('共 3 個專組')).toBeVisible();
  });

  it('starts in Simplified on a Mainland laptop, with dates in the Chinese form', async () => {
    await start('zh-CN');
    const tabs = await screen.findAllByRole('tab');
    expect(tabs[0]!.textContent).toBe('总览');
    const today = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date());
    expect(screen.getAllByText(`设立日期：${today}`)).toHaveLength(3);
  });

  it('switches every label to English and remembers the choice in the store', async () => {
    await start('zh-HK');
    const user = userEvent.setup();
    await screen.findAllByRole('tab');
    await user.click(screen.getByText('English'));
    expect(await screen.findByRole('tab', { name: 'Overview' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Joint Policy' })).toBeVisible();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Hetao Desk');
    const saved = await window.hetao.settings.get();
    expect(saved.ok && saved.value.language).toBe('en');
  });

  it('validates a new sub-group in the user’s script and keeps what was typed', async () => {
    await start('zh-HK');
    const user = userEvent.setup();
    await screen.findAllByRole('tab');
    await user.click(screen.getByRole('button', { name: /新增專組/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('繁體名稱'), '「人才」專組');
    await user.type(within(dialog).getByLabelText('代號'), '1x');
    await user.click(within(dialog).getByRole('button', { name: '設立專組' }));
    expect(await within(dialog).findByText('代號須為 2 至 6 個英文大寫字母或數字，並以字母開頭。')).toBeVisible();
    expect((await within(dialog).findAllByText('必須填寫。')).length).toBeGreaterThan(0);
    expect((within(dialog).getByLabelText('繁體名稱') as HTMLInputElement).value).toBe('「人才」專組');
  });

  it('opens Settings and About from the application menu', async () => {
    const app = await start('zh-HK');
    await screen.findAllByRole('tab');
    app.sendMenuCommand('openSettings');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByText(app.dataDir)).toBeVisible());
    expect(within(dialog).getByText('設定及關於')).toBeVisible();
  });

  it('shows in About where the error log is, when the app keeps one', async () => {
    const logFile = path.join(tmpdir(), 'Hetao Desk', 'logs', 'main.log');
    const app = await renderApp({ systemLocale: 'zh-CN', backend: { logFile } });
    await screen.findAllByRole('tab');
    app.sendMenuCommand('openSettings');
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(logFile)).toBeVisible();
    expect(within(dialog).getByText('错误记录')).toBeVisible();
  });
});
