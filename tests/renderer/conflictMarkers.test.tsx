import * as path from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import { buildApi } from '../../shared/ipc/buildApi';
import type { HetaoApi } from '../../shared/ipc/contract';
import { appFrame, useTestBackend } from '../support/testBackend';
import { carrierFolder, carry, hongKong, pairLaptops, shenzhen, type Laptop, type Office } from '../support/exchangeLaptops';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();
const openOtherLaptop = useTestBackend();

// antd under jsdom renders slowly; a whole flow takes longer than the project's default.
const SLOW = 120_000;

/** What a reader sees of the marker and the dialog's notice, in each script. */
const words = {
  'zh-Hant': {
    locale: 'zh-HK',
    here: hongKong,
    there: shenzhen,
    exchangeTab: '交換',
    packagesTab: '交換包',
    openPackage: /開啟交換包/,
    raised: '有 1 項衝突須由你處理。',
    contactsTab: '通訊錄',
    edit: '編輯',
    search: '搜尋跟進事項、通訊錄及專組',
    markerTitle: '此紀錄有待處理的衝突：請在「交換 › 待處理衝突」處理。',
    markerLabel: '有衝突',
    notice: '此紀錄兩邊的版本有衝突，尚待處理。目前顯示的是本機的版本。',
    settleNow: '處理衝突',
    conflicts: '待處理衝突',
  },
  'zh-Hans': {
    locale: 'zh-CN',
    here: shenzhen,
    there: hongKong,
    exchangeTab: '交换',
    packagesTab: '交换包',
    openPackage: /打开交换包/,
    raised: '有 1 项冲突须由你处理。',
    contactsTab: '通讯录',
    edit: '编辑',
    search: '搜索跟进事项、通讯录及专组',
    markerTitle: '此记录有待处理的冲突：请在“交换 › 待处理冲突”处理。',
    markerLabel: '有冲突',
    notice: '此记录两边的版本有冲突，尚待处理。目前显示的是本机的版本。',
    settleNow: '处理冲突',
    conflicts: '待处理冲突',
  },
} as const;
type Words = (typeof words)[keyof typeof words];

/** The other laptop across the table: a second real backend on its own data folder. */
async function otherLaptop(systemLocale: string): Promise<Laptop> {
  const session = await openOtherLaptop({ systemLocale });
  const api: HetaoApi = buildApi((channel, input) => session.backend.dispatch(channel, input, appFrame), () => () => undefined);
  return { api, dialogs: session.dialogs };
}

/**
 * A record both laptops know, which each side then changed differently (`diverge`); the other side's
 * package is opened on screen here, as a person does, which raises the conflict.
 */
async function inConflict(w: Words, diverge: (here: Laptop, there: Laptop, carryOver: () => Promise<unknown>) => Promise<void>) {
  const app = await renderApp({ systemLocale: w.locale });
  const user = userEvent.setup();
  const here: Laptop = { api: window.hetao, dialogs: app.dialogs };
  await screen.findByRole('tab', { name: w.exchangeTab });
  const there = await otherLaptop(w.there === shenzhen ? 'zh-CN' : 'zh-HK');
  const { bOnA, aOnB } = await pairLaptops(here, w.here as Office, there, w.there as Office);
  const folder = await carrierFolder();
  await diverge(here, there, () => carry(here, bOnA, there, folder));
  there.dialogs.answerNextSave(path.join(folder, 'back.hetao'));
  const prepared = await unwrap(there.api.exchange.prepare({ peerIds: [aOnB], toFolder: false }));

  here.dialogs.answerNextOpen(prepared!.path);
  await user.click(screen.getByRole('tab', { name: w.exchangeTab }));
  await user.click(await screen.findByRole('tab', { name: w.packagesTab }));
  const packages = await screen.findByRole('region', { name: w.packagesTab });
  await user.click(within(packages).getByRole('button', { name: w.openPackage }));
  await within(packages).findByText(w.raised);
  return { user };
}

/** A contact whose post each side changed differently. */
const contactInConflict = (w: Words) =>
  inConflict(w, async (here, there, carryOver) => {
    const fields = { name: '王小明', title: '主任', organisation: '', side: 'HK' as const, email: '', phone: '', memberships: [] };
    const contact = await unwrap(here.api.contacts.create(fields));
    await carryOver();
    const revisionOn = async (laptop: Laptop) => (await unwrap(laptop.api.contacts.list({ includeDeleted: false }))).find((c) => c.id === contact.id)!.revision;
    await unwrap(there.api.contacts.update({ id: contact.id, revision: await revisionOn(there), contact: { ...fields, title: '副主任' } }));
    await unwrap(here.api.contacts.update({ id: contact.id, revision: await revisionOn(here), contact: { ...fields, title: '處長' } }));
  });

/** The marker inside `scope`, found by its accessible name (its title), with its label. */
function expectMarker(scope: HTMLElement, w: Words) {
  const marker = within(scope).getByTitle(w.markerTitle);
  expect(marker.textContent).toContain(w.markerLabel);
}

describe('the conflict marker on contacts and search hits', () => {
  for (const script of ['zh-Hant', 'zh-Hans'] as const) {
    const w = words[script];
    it(`marks a contact in conflict in the list and in its dialog, which leads to the card (${script})`, { timeout: SLOW }, async () => {
      const { user } = await contactInConflict(w);

      await user.click(screen.getByRole('tab', { name: w.contactsTab }));
      const list = await screen.findByRole('region', { name: w.contactsTab });
      const row = (await within(list).findByText('王小明')).closest<HTMLElement>('.ant-table-row')!;
      expectMarker(row, w);
      // Only the contact in conflict is marked: the officers carried with it are not.
      const officerRow = within(list).getByText(w.here.officer.name).closest<HTMLElement>('.ant-table-row')!;
      expect(within(officerRow).queryByTitle(w.markerTitle)).toBeNull();

      await user.click(within(row).getByRole('button', { name: `${w.edit} 王小明` }));
      const dialog = await screen.findByRole('dialog');
      expect(within(dialog).getByText(w.notice)).toBeTruthy();
      await user.click(within(dialog).getByRole('button', { name: w.settleNow }));
      const cards = await screen.findByRole('region', { name: w.conflicts });
      expect(within(cards).getAllByText(/王小明/).length).toBeGreaterThan(0);
    });
  }

  it('marks a search hit for a record in conflict', { timeout: SLOW }, async () => {
    const w = words['zh-Hant'];
    const { user } = await contactInConflict(w);

    await user.type(screen.getByRole('combobox', { name: w.search }), '王小明');
    const option = await screen.findByRole('option', { name: /王小明/ });
    expectMarker(option, w);
  });

  it('marks an action in conflict in the overview’s lists', { timeout: SLOW }, async () => {
    const w = words['zh-Hans'];
    const { user } = await inConflict(w, async (here, there, carryOver) => {
      const sp = (await unwrap(here.api.subGroups.list())).find((s) => s.code === 'SP')!;
      const fields = { title: '协调物业租赁安排', description: '', ownerSide: 'SZ' as const, leads: [], officerIds: [], dueDate: null, priority: 'normal' as const, clauses: [] };
      const action = await unwrap(here.api.actions.create({ subGroupId: sp.id, fields }));
      await carryOver();
      const theirs = await unwrap(there.api.actions.get({ id: action.id }));
      await unwrap(there.api.actions.update({ id: action.id, revision: theirs.revision, fields: { ...fields, title: '协调物业租赁及配套安排' } }));
      const mine = await unwrap(here.api.actions.get({ id: action.id }));
      await unwrap(here.api.actions.update({ id: action.id, revision: mine.revision, fields: { ...fields, title: '协调物业租赁及交通安排' } }));
    });

    await user.click(screen.getByRole('tab', { name: '总览' }));
    const overview = await screen.findByRole('region', { name: '跟进事项' });
    // Recently updated: the action as this laptop has it, marked until the conflict is settled.
    const item = (await within(overview).findByText('协调物业租赁及交通安排')).closest<HTMLElement>('li')!;
    expectMarker(item, w);
  });
});
