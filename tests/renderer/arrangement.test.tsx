import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ActionFields } from '../../shared/model/action';
import type { SubGroup } from '../../shared/model/subGroup';
import { unwrap } from '../../renderer/api/hetao';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

const SLOW = 90_000;

async function start(systemLocale = 'zh-HK') {
  const app = await renderApp({ systemLocale });
  await screen.findAllByRole('tab');
  return { app, user: userEvent.setup() };
}

const action = (clauses: ActionFields['clauses']): ActionFields => ({
  title: '研究建立港深聯合資助項目庫',
  description: '',
  ownerSide: 'HK',
  leads: [],
  officerIds: [],
  dueDate: null,
  priority: 'normal',
  clauses,
});

describe('the arrangement tab', () => {
  it('reads the text clause by clause, lists the work citing a clause, and keeps its progress notes with undo', async () => {
    const { user } = await start();
    const [, jp] = await unwrap(window.hetao.subGroups.list());
    await unwrap(window.hetao.actions.create({ subGroupId: (jp as SubGroup).id, fields: action(['2.3.1']) }));

    await user.click(screen.getByRole('tab', { name: '合作安排' }));
    const item = await screen.findByRole('treeitem', { name: /^第二條（三）1\s支持科研/ });
    await user.click(within(item).getByText(/支持科研/));
    const detail = await screen.findByRole('region', { name: '第二條（三）1\u3000支持科研' });
    expect(within(detail).getByText(/研究建立港深聯合資助項目庫，分享項目資訊/)).toBeVisible();
    expect(await within(detail).findByText(/^JP-\d{4}-001$/)).toBeVisible();

    // Both scripts side by side, the Simplified as reviewed.
    await user.click(within(detail).getByRole('switch', { name: '繁簡對照' }));
    expect(within(detail).getByText(/研究建立港深联合资助项目库，分享项目信息/)).toBeVisible();

    const notes = within(detail).getByRole('region', { name: '條文進展紀錄' });
    await user.click(within(notes).getByRole('button', { name: '加入進展' }));
    expect(await within(notes).findByText('必須填寫。')).toBeVisible();
    await user.type(within(notes).getByLabelText('進展'), '雙方同意項目庫的資料欄位。');
    await user.click(within(notes).getByRole('button', { name: '加入進展' }));
    expect(await within(notes).findByText('雙方同意項目庫的資料欄位。', { selector: '.clause-note .ant-typography' })).toBeVisible();

    await user.click(within(notes).getByRole('button', { name: /^刪\s?除$/ }));
    const confirm = await screen.findByRole('tooltip');
    await user.click(within(confirm).getByRole('button', { name: /^刪\s?除$/ }));
    await waitFor(() => expect(within(notes).queryByText('雙方同意項目庫的資料欄位。', { selector: '.clause-note .ant-typography' })).toBeNull());
    await user.click(await screen.findByRole('button', { name: '復原' }));
    expect(await within(notes).findByText('雙方同意項目庫的資料欄位。', { selector: '.clause-note .ant-typography' })).toBeVisible();

    // A clause named in a note links to that clause.
    await user.type(within(notes).getByLabelText('進展'), '數據互通部分按第二條（二）跟進。');
    await user.click(within(notes).getByRole('button', { name: '加入進展' }));
    await user.click(await within(notes).findByRole('link', { name: '開啟合作安排第二條（二）' }));
    expect(await screen.findByRole('region', { name: '第二條（二）\u3000推動制度創新及創科資源便捷流動' })).toBeVisible();
  }, SLOW);

  it("opens at a clause from the clause link in a sub-group's action list, in Simplified", async () => {
    const { user } = await start('zh-CN');
    const [, jp] = await unwrap(window.hetao.subGroups.list());
    await unwrap(window.hetao.actions.create({ subGroupId: (jp as SubGroup).id, fields: action(['2.2']) }));
    await user.click(screen.getByRole('tab', { name: '联合政策' }));
    await user.click(await screen.findByRole('link', { name: '打开合作安排第二条（二）' }));
    const detail = await screen.findByRole('region', { name: '第二条（二）\u3000推动制度创新及创科资源便捷流动' });
    expect(within(detail).getByText(/港深两地政府同意推动人才、资金、物资以及数据等创科资源有效流动/)).toBeVisible();
    expect(screen.getByRole('tab', { name: '合作安排', selected: true })).toBeVisible();
  }, SLOW);
});
