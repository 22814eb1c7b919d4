import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/model/contact';
import type { SubGroup } from '../../shared/model/subGroup';
import { unwrap } from '../../renderer/api/hetao';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom types slowly; a whole flow takes longer than the project's default.
const SLOW = 90_000;

async function start(systemLocale = 'zh-HK') {
  const app = await renderApp({ systemLocale });
  await screen.findByRole('tab', { name: '聯合推廣' });
  return { app, user: userEvent.setup() };
}

/** The workbench's own tabs, without the section tabs inside a sub-group. */
const topTabs = () =>
  within(screen.getAllByRole('tablist')[0]!)
    .getAllByRole('tab')
    .map((t) => t.textContent?.replace(/Tab \d+ of \d+/, ''));

const subGroupTabs = () => topTabs().filter((name) => ['香港科學園落戶深圳', '聯合政策', '聯合推廣', '人才'].includes(name ?? ''));

describe('managing sub-groups', () => {
  it(
    'edits a sub-group with Enter, names its convenors, and keeps what was typed when main refuses',
    async () => {
      const { user } = await start();
      const chan = await unwrap(
        window.hetao.contacts.create({ name: '陳大文', title: '', organisation: '創新科技及工業局', side: 'HK', email: '', phone: '', memberships: [] }),
      );
      await user.click(screen.getByRole('tab', { name: '聯合政策' }));
      // Contacts are re-read on leaving the contacts tab: go there and back, as a user would.
      await user.click(screen.getByRole('tab', { name: '通訊錄' }));
      await user.click(screen.getByRole('tab', { name: '聯合政策' }));

      await user.click(await screen.findByRole('button', { name: /編輯專組/ }));
      const dialog = await screen.findByRole('dialog');
      expect(await within(dialog).findByText(/尚未有跟進事項使用此代號/)).toBeVisible();
      const code = within(dialog).getByLabelText('代號');
      await user.clear(code);
      await user.type(code, 'SP');
      const remit = within(dialog).getByLabelText('職責');
      await user.clear(remit);
      await user.type(remit, '新職責');
      await user.type(within(dialog).getByLabelText('英文名稱'), '{Enter}');
      expect(await within(dialog).findByText('代號「SP」已被其他專組使用。')).toBeVisible();
      expect((within(dialog).getByLabelText('職責') as HTMLTextAreaElement).value).toBe('新職責');

      await user.clear(code);
      await user.type(code, 'JPOL');
      await user.click(within(dialog).getByLabelText('香港方面召集人'));
      await user.click(await screen.findByTitle('陳大文 · 創新科技及工業局'));
      await user.type(within(dialog).getByLabelText('繁體名稱'), '{Enter}');
      await screen.findByText('已儲存「聯合政策」專組。');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(screen.getByRole('heading', { name: '「聯合政策」專組 JPOL' })).toBeVisible();
      const stored = (await unwrap(window.hetao.subGroups.list())).find((s) => s.code === 'JPOL')!;
      expect(stored).toMatchObject({ remit: '新職責', convenors: { HK: chan.id, SZ: null } });
    },
    SLOW,
  );

  it(
    'fixes the code once an action uses it and says why; Esc leaves everything as it was',
    async () => {
      const { user } = await start();
      const [sp] = await unwrap(window.hetao.subGroups.list());
      await unwrap(
        window.hetao.actions.create({
          subGroupId: sp!.id,
          fields: { title: '租約', description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
        }),
      );
      await user.click(screen.getByRole('tab', { name: '香港科學園落戶深圳' }));
      await user.click(await screen.findByRole('button', { name: /編輯專組/ }));
      const dialog = await screen.findByRole('dialog');
      expect(await within(dialog).findByText(/此代號已用於 1 項跟進事項的編號（例如 SP-\d{4}-001）/)).toBeVisible();
      expect((within(dialog).getByLabelText('代號') as HTMLInputElement).disabled).toBe(true);

      await user.type(within(dialog).getByLabelText('繁體名稱'), '改名');
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect((await unwrap(window.hetao.subGroups.list()))[0]!.name.hant).toBe('「香港科學園落戶深圳」專組');

      // With the code fixed, the rest still saves.
      await user.click(screen.getByRole('button', { name: /編輯專組/ }));
      const again = await screen.findByRole('dialog');
      await within(again).findByText(/此代號已用於/);
      await user.type(within(again).getByLabelText('英文名稱'), ' (HKSTP){Enter}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect((await unwrap(window.hetao.subGroups.list()))[0]).toMatchObject({ code: 'SP', name: { en: 'Sub-group on HK Science Park in Shenzhen (HKSTP)' } });
    },
    SLOW,
  );

  it(
    'archives after confirming, shows it among the archived, and restores it to its place',
    async () => {
      const { user } = await start();
      await user.click(screen.getByRole('tab', { name: '聯合政策' }));
      await user.click(await screen.findByRole('button', { name: /封存專組/ }));
      const confirm = await screen.findByRole('dialog');
      expect(within(confirm).getByText(/專組的所有資料都會保留/)).toBeVisible();
      // Cancelling changes nothing.
      await user.click(within(confirm).getByRole('button', { name: '取消' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(subGroupTabs()).toEqual(['香港科學園落戶深圳', '聯合政策', '聯合推廣']);

      await user.click(screen.getByRole('button', { name: /封存專組/ }));
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '封存' }));
      await screen.findByText('已封存「聯合政策」專組。');
      await waitFor(() => expect(subGroupTabs()).toEqual(['香港科學園落戶深圳', '聯合推廣']));
      // The overview is open again, counting two sub-groups.
      expect(await screen.findByText('共 2 個專組')).toBeVisible();

      await user.click(screen.getByRole('button', { name: '已封存專組（1）' }));
      const archived = await screen.findByRole('dialog', { name: '已封存專組' });
      await user.click(within(archived).getByRole('button', { name: /還原 「聯合政策」專組/ }));
      expect(await within(archived).findByText('沒有已封存的專組。')).toBeVisible();
      await waitFor(() => expect(subGroupTabs()).toEqual(['香港科學園落戶深圳', '聯合政策', '聯合推廣']));
    },
    SLOW,
  );

  it(
    'moves the focused tab with Alt+Shift+arrows and saves the order',
    async () => {
      await start();
      const tab = screen.getByRole('tab', { name: '香港科學園落戶深圳' });
      tab.focus();
      fireEvent.keyDown(tab, { key: 'ArrowRight', code: 'ArrowRight', altKey: true, shiftKey: true });
      await waitFor(() => expect(subGroupTabs()).toEqual(['聯合政策', '香港科學園落戶深圳', '聯合推廣']));
      // A plain arrow still just moves the focus along the tabs, as the tab list should.
      // (A focused tab's name also carries the tab list’s "Tab 4 of 6" before it.)
      fireEvent.keyDown(screen.getByRole('tab', { name: /香港科學園落戶深圳$/ }), { key: 'ArrowRight', code: 'ArrowRight' });
      expect(subGroupTabs()).toEqual(['聯合政策', '香港科學園落戶深圳', '聯合推廣']);
      // The first sub-group cannot move further left.
      fireEvent.keyDown(screen.getByRole('tab', { name: /聯合政策$/ }), { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true, shiftKey: true });

      await waitFor(async () => {
        const saved: SubGroup[] = await unwrap(window.hetao.subGroups.list());
        expect(saved.map((s) => s.code)).toEqual(['JP', 'SP', 'PR']);
      });
      expect(await screen.findByText('「香港科學園落戶深圳」專組現為第 2 個專組分頁。')).toBeVisible();
    },
    SLOW,
  );

  it(
    'lists convenors in the about panel, in Simplified on a Mainland laptop',
    async () => {
      const app = await renderApp({ systemLocale: 'zh-CN' });
      const user = userEvent.setup();
      await screen.findByRole('tab', { name: '联合推广' });
      const li: Contact = await unwrap(
        window.hetao.contacts.create({ name: '李明', title: '处长', organisation: '深圳市科技创新局', side: 'SZ', email: '', phone: '', memberships: [] }),
      );
      const [, , pr] = await unwrap(window.hetao.subGroups.list());
      await unwrap(
        window.hetao.subGroups.update({
          id: pr!.id,
          revision: pr!.revision,
          fields: { code: pr!.code, name: pr!.name, remit: pr!.remit, convenors: { HK: null, SZ: li.id } },
        }),
      );
      await app.backend.close();
      await renderApp({ systemLocale: 'zh-CN', dataDir: app.dataDir });
      app.unmount();
      await user.click(await screen.findByRole('tab', { name: '联合推广' }));
      await user.click(await screen.findByRole('button', { name: '专组资料' }));
      expect(await screen.findByText('李明 · 处长 · 深圳市科技创新局')).toBeVisible();
      expect(screen.getByText('尚未指定')).toBeVisible();
    },
    SLOW,
  );
});
