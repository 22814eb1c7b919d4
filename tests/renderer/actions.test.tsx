import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import type { HetaoApi } from '../../shared/ipc/contract';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom renders slowly; a whole flow takes longer than the project's default.
const SLOW = 90_000;
const TAB_HANT = '香港科學園落戶深圳';

async function start() {
  await renderApp({ systemLocale: 'zh-HK' });
  await screen.findAllByRole('tab');
  const [subGroup] = await unwrap(window.hetao.subGroups.list());
  const add = (title: string) =>
    unwrap(
      window.hetao.actions.create({
        subGroupId: subGroup!.id,
        fields: { title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
      }),
    );
  return { user: userEvent.setup(), add };
}

/**
 * Makes main's answer to the first text search arrive late, as a slow search of a large list would;
 * resolves once that late answer has been handed to the window.
 */
function delayFirstSearch(ms: number): Promise<void> {
  const api = window.hetao;
  let calls = 0;
  let delivered!: () => void;
  const lateAnswerDelivered = new Promise<void>((resolve) => (delivered = resolve));
  const search: HetaoApi['actions']['search'] = async (input) => {
    const answer = await api.actions.search(input);
    if (++calls === 1) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      queueMicrotask(delivered);
    }
    return answer;
  };
  Object.defineProperty(window, 'hetao', { configurable: true, value: { ...api, actions: { ...api.actions, search } } });
  return lateAnswerDelivered;
}

const listedTitles = (list: HTMLElement) => [...list.querySelectorAll('.ant-table-row')].map((row) => row.textContent ?? '');

describe('follow-up actions list', () => {
  it(
    'filters by text on Enter with the match marked, and shows the latest query’s answer even when an earlier one arrives last',
    async () => {
      const { user, add } = await start();
      await add('協調深圳園區物業租賃安排');
      await add('研究數據跨境流動安排');
      await add('籌備數據中心選址');
      await user.click(screen.getByRole('tab', { name: TAB_HANT }));
      const list = await screen.findByRole('region', { name: '跟進事項' });
      await within(list).findByText('籌備數據中心選址');
      expect(within(list).getByText('共 3 項')).toBeVisible();

      const lateAnswerDelivered = delayFirstSearch(600);
      const box = within(list).getByLabelText('搜尋事項、詳情及進展紀錄');
      await user.type(box, '協調{Enter}');
      await user.clear(box);
      await user.type(box, '數據{Enter}');

      await within(list).findByText('共 2 項');
      expect(listedTitles(list).some((title) => title.includes('協調'))).toBe(false);
      expect([...list.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['數據', '數據']);
      // The first query's late answer, once it has arrived and anything it set has rendered, changes nothing on screen.
      await lateAnswerDelivered;
      await act(async () => {});
      expect(within(list).getByText('共 2 項')).toBeVisible();
      expect(listedTitles(list).some((title) => title.includes('協調'))).toBe(false);

      await user.clear(box);
      await within(list).findByText('共 3 項');
      expect(list.querySelectorAll('mark')).toHaveLength(0);
    },
    SLOW,
  );

  it(
    'reads in the new script in a tab opened before the switch, once that tab is shown again',
    async () => {
      const { user, add } = await start();
      await add('研究數據跨境流動安排');
      await user.click(screen.getByRole('tab', { name: TAB_HANT }));
      const list = await screen.findByRole('region', { name: '跟進事項' });
      await within(list).findByText('研究數據跨境流動安排');
      expect(within(list).getByText('未開始')).toBeVisible();

      // Switched from another tab: the list, hidden meanwhile, follows when it is shown.
      await user.click(screen.getByRole('tab', { name: '總覽' }));
      await user.click(screen.getByText('简体'));
      await user.click(await screen.findByRole('tab', { name: '香港科学园落户深圳' }));
      const shown = await screen.findByRole('region', { name: '跟进事项' });
      await within(shown).findByText('研究数据跨境流动安排');
      expect(within(shown).getByText('未开始')).toBeVisible();
      await waitFor(() => expect(within(shown).queryByText('研究數據跨境流動安排')).toBeNull());
    },
    SLOW,
  );
});
