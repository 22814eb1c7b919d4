import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import type { Meeting } from '../../shared/model/meeting';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom types slowly; a whole flow takes longer than the project's default.
const SLOW = 90_000;

async function openMeetings(before?: () => Promise<unknown>) {
  const app = await renderApp({ systemLocale: 'zh-HK' });
  const user = userEvent.setup();
  const tab = await screen.findByRole('tab', { name: '香港科學園落戶深圳' });
  await before?.();
  await user.click(tab);
  await user.click(await screen.findByRole('tab', { name: '會議' }));
  return { app, user };
}

const spId = async () => (await unwrap(window.hetao.subGroups.list())).find((s) => s.code === 'SP')!.id;

describe('a sub-group’s meetings', () => {
  it('says there are none yet, and keeps what was typed when the date is missing', { timeout: SLOW }, async () => {
    const { user } = await openMeetings();
    // The overview keeps the working group's own meetings; this is the sub-group's section.
    const section = await screen.findByRole('region', { name: '「香港科學園落戶深圳」專組' });
    expect(await within(section).findByText('尚未有會議。按「新增會議」開始。')).toBeVisible();
    await user.click(within(section).getByRole('button', { name: '新增會議' }));
    const drawer = await screen.findByRole('dialog');
    const title = within(drawer).getByLabelText('主題');
    await user.type(title, '租賃安排{Enter}');
    expect(await within(drawer).findByText('必須填寫。')).toBeVisible();
    expect((title as HTMLInputElement).value).toBe('租賃安排');
    expect(await unwrap(window.hetao.meetings.list({ subGroupId: await spId() }))).toEqual([]);
  });

  it('moves an agenda item down with its button, and a removed item comes back with Undo', { timeout: SLOW }, async () => {
    let meeting: Meeting | null = null;
    const { user } = await openMeetings(async () => {
      meeting = await unwrap(
        window.hetao.meetings.create({
          subGroupId: await spId(),
          fields: { title: '物業租賃', date: '2026-12-08', startTime: null, endTime: null, venue: 'HK', venueDetail: '', classification: null, attendance: [] },
          standardItems: ['confirmMinutes', 'mattersArising', 'otherBusiness'],
        }),
      );
    });
    await user.click(await screen.findByText('第1次會議'));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('續議事項');
    const items = () => within(within(drawer).getByRole('list', { name: '議程' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    await user.click(within(drawer).getAllByRole('button', { name: '下移' })[0]!);
    await waitFor(() => expect(items()[0]).toContain('續議事項'));
    const stored = async () => (await unwrap(window.hetao.meetings.get({ id: meeting!.id }))).agenda;
    expect((await stored()).map((i) => i.standard)).toEqual(['mattersArising', 'confirmMinutes', 'otherBusiness']);

    await user.click(within(drawer).getAllByRole('button', { name: '移除' })[2]!);
    await waitFor(() => expect(items()).toHaveLength(2));
    await user.click(await screen.findByRole('button', { name: '復原' }));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect((await stored()).filter((i) => i.removedAt === null).map((i) => i.standard)).toEqual(['mattersArising', 'confirmMinutes', 'otherBusiness']);
  });
});
