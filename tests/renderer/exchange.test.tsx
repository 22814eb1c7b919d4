import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import { buildApi } from '../../shared/ipc/buildApi';
import type { HetaoApi } from '../../shared/ipc/contract';
import { appFrame, useTestBackend } from '../support/testBackend';
import { carrierFolder, carry, exportCard, hongKong, pairLaptops, setUpLaptop, shenzhen, type Laptop } from '../support/exchangeLaptops';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();
const openOtherLaptop = useTestBackend();

// antd under jsdom renders slowly; a whole flow takes longer than the project's default.
const SLOW = 120_000;

/** The Shenzhen laptop across the table: a second real backend on its own data folder. */
async function otherLaptop(): Promise<Laptop> {
  const session = await openOtherLaptop({ systemLocale: 'zh-CN' });
  const api: HetaoApi = buildApi((channel, input) => session.backend.dispatch(channel, input, appFrame), () => () => undefined);
  return { api, dialogs: session.dialogs };
}

/** Renders the app, lets `before` put things in place through its API, then opens the exchange place. */
async function openExchange(systemLocale: string, before: (laptop: Laptop) => Promise<unknown> = async () => undefined) {
  const app = await renderApp({ systemLocale });
  const user = userEvent.setup();
  const laptop: Laptop = { api: window.hetao, dialogs: app.dialogs };
  const tab = await screen.findByRole('tab', { name: systemLocale === 'zh-CN' ? '交换' : '交換' });
  await before(laptop);
  await user.click(tab);
  return { app, user, laptop };
}

const region = (name: string) => screen.findByRole('region', { name });

describe('the exchange place', () => {
  it('opens on the set-up while this laptop is not set up, and sets it up with an officer from the contacts', { timeout: SLOW }, async () => {
    await renderApp({ systemLocale: 'zh-HK' });
    await unwrap(window.hetao.contacts.create({ name: '陳大文', title: '', organisation: '創新科技及工業局', side: 'HK', email: '', phone: '', memberships: [] }));
    const user = userEvent.setup();
    // The officer is read from the contacts when the workbench opens; the contacts tab reads them again on leaving.
    await user.click(await screen.findByRole('tab', { name: '通訊錄' }));
    await user.click(await screen.findByRole('tab', { name: '交換' }));
    const panel = await region('本機身分');
    expect(within(panel).getByText('本機尚未設定交換身分')).toBeTruthy();
    // Nothing can be prepared yet: the packages section says why.
    expect((await unwrap(window.hetao.exchange.identity())).configured).toBe(false);

    await user.click(within(panel).getByRole('button', { name: /設定本機身分/ }));
    // antd names every dialog's title "test-id" under test, so this one is found as the only dialog open.
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('香港方面'));
    await user.type(within(dialog).getByLabelText('辦公室名稱（繁體）'), hongKong.office.hant);
    // Enter with a field missing keeps what was typed and says what is missing.
    await user.type(within(dialog).getByLabelText('辦公室名稱（簡體）'), '{Enter}');
    expect((await within(dialog).findAllByText('必須填寫。')).length).toBeGreaterThan(0);
    await user.type(within(dialog).getByLabelText('辦公室名稱（簡體）'), hongKong.office.hans);
    await user.type(within(dialog).getByLabelText('裝置名稱'), hongKong.device);
    await user.click(within(dialog).getByLabelText('使用本機的人員'));
    await user.click(await screen.findByText('陳大文 · 創新科技及工業局'));
    await user.click(within(dialog).getByRole('button', { name: '儲存' }));

    await within(panel).findByText('香港秘書處');
    const identity = await unwrap(window.hetao.exchange.identity());
    expect(identity).toMatchObject({ configured: true, side: 'HK', office: { hant: '香港秘書處', hans: '香港秘书处' }, device: hongKong.device });
    // The fingerprint in its twelve groups, as the other side will read it.
    const groups = within(within(panel).getByRole('list', { name: '指紋' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(groups.join(' ')).toBe(identity.fingerprint);
    expect(groups).toHaveLength(12);
  });

  it('adds a peer from its card only once the fingerprint is confirmed, in both scripts, and retires it after asking', { timeout: SLOW }, async () => {
    const { user, laptop } = await openExchange('zh-HK', (here) => setUpLaptop(here, hongKong));
    const shenzhenLaptop = await otherLaptop();
    const folder = await carrierFolder();
    const theirs = await setUpLaptop(shenzhenLaptop, shenzhen);
    laptop.dialogs.answerNextOpen(await exportCard(shenzhenLaptop, folder, 'shenzhen'));

    await user.click(screen.getByRole('tab', { name: '交換對象' }));
    const peers = await region('交換對象');
    expect(within(peers).getByText('尚未加入交換對象。請向對方索取其聯絡卡，再按「從聯絡卡加入」。')).toBeTruthy();
    await user.click(within(peers).getByRole('button', { name: /從聯絡卡加入/ }));
    const dialog = await screen.findByRole('dialog', { name: '加入交換對象' });
    const groups = within(within(dialog).getByRole('list', { name: '指紋' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(groups.join(' ')).toBe(theirs.fingerprint);
    // The sentence to tick, and the same in Simplified for the Shenzhen officer on the phone.
    expect(within(dialog).getByText('我已通过电话或书面与“深圳市科技创新局”核对上述指纹，完全相同。')).toBeTruthy();
    const add = within(dialog).getByRole('button', { name: '加入' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(await unwrap(laptop.api.exchange.peers())).toEqual([]);

    await user.click(within(dialog).getByRole('checkbox', { name: '我已透過電話或書面與「深圳市科技創新局」核對上述指紋，完全相同。' }));
    await user.click(add);
    await within(peers).findByText('深圳市科技創新局');
    expect(await unwrap(laptop.api.exchange.peers())).toMatchObject([{ id: theirs.id, retiredAt: null }]);

    await user.click(within(peers).getByRole('button', { name: '停用 深圳市科技創新局' }));
    const confirm = await screen.findByRole('dialog', { name: '停用「深圳市科技創新局」？' });
    await user.click(within(confirm).getByRole('button', { name: '停用' }));
    await within(peers).findByText('已停用');
    expect((await unwrap(laptop.api.exchange.peers()))[0]!.retiredAt).not.toBeNull();

    // Taken back into the exchange from its card: only after the fingerprint is compared again.
    laptop.dialogs.answerNextOpen(await exportCard(shenzhenLaptop, folder, 'shenzhen-again'));
    await user.click(within(peers).getByRole('button', { name: /從聯絡卡加入/ }));
    const again = await screen.findByRole('dialog', { name: '加入交換對象' });
    expect(within(again).getByText('此聯絡卡屬已停用的交換對象。再次核對指紋後可重新加入，之後會再接收它的新交換包。')).toBeTruthy();
    const addAgain = within(again).getByRole('button', { name: '加入' });
    expect((addAgain as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(again).getByRole('checkbox', { name: '我已透過電話或書面與「深圳市科技創新局」核對上述指紋，完全相同。' }));
    await user.click(addAgain);
    await waitFor(() => expect(within(peers).queryByText('已停用')).toBeNull());
    expect((await unwrap(laptop.api.exchange.peers()))[0]!.retiredAt).toBeNull();
  });

  it('refuses a file that is not a package with the reason in the reader’s script, and changes nothing', { timeout: SLOW }, async () => {
    const { user, laptop } = await openExchange('zh-CN', (here) => setUpLaptop(here, shenzhen));
    const folder = await carrierFolder();
    const renamed = path.join(folder, '会议文件.hetao');
    await writeFile(renamed, '%PDF-1.7\n' + 'x'.repeat(4000));
    const before = await unwrap(laptop.api.actions.list({ subGroupId: null }));
    laptop.dialogs.answerNextOpen(renamed);

    await user.click(await screen.findByRole('tab', { name: '交换包' }));
    const packages = await region('交换包');
    await user.click(within(packages).getByRole('button', { name: /打开交换包/ }));
    const refusal = (await within(packages).findByText(/这个文件不是交换包/)).closest('[role="alert"]')!;
    expect(refusal.textContent).toContain('这个文件不是交换包');
    expect(refusal.textContent).toContain('交换包未有打开，资料没有任何改变。');
    expect(await unwrap(laptop.api.actions.list({ subGroupId: null }))).toEqual(before);
    const log = await unwrap(laptop.api.exchange.log());
    expect(log[0]).toMatchObject({ kind: 'refused', error: 'exchange.notPackage' });
  });

  it('shows a conflict in the header, on the record and as a card; nothing is chosen until the person chooses, then it is settled', { timeout: SLOW }, async () => {
    const shenzhenLaptop = await otherLaptop();
    let pair = { bOnA: '', aOnB: '' };
    const { user, laptop } = await openExchange('zh-HK', async (here) => (pair = await pairLaptops(here, hongKong, shenzhenLaptop, shenzhen)));
    const { bOnA, aOnB } = pair;
    const folder = await carrierFolder();
    const sp = (await unwrap(laptop.api.subGroups.list())).find((s) => s.code === 'SP')!;
    const fields = { title: '協調物業租賃安排', description: '', ownerSide: 'HK' as const, leads: [], officerIds: [], dueDate: null, priority: 'normal' as const, clauses: [] };
    const action = await unwrap(laptop.api.actions.create({ subGroupId: sp.id, fields }));
    await carry(laptop, bOnA, shenzhenLaptop, folder);

    // Both sides change the title differently while apart.
    const there = await unwrap(shenzhenLaptop.api.actions.get({ id: action.id }));
    await unwrap(shenzhenLaptop.api.actions.update({ id: action.id, revision: there.revision, fields: { ...fields, title: '协调物业租赁及配套安排' } }));
    const here = await unwrap(laptop.api.actions.get({ id: action.id }));
    await unwrap(laptop.api.actions.update({ id: action.id, revision: here.revision, fields: { ...fields, title: '協調物業租賃及交通安排' } }));
    shenzhenLaptop.dialogs.answerNextSave(path.join(folder, 'to-hk.hetao'));
    const prepared = await unwrap(shenzhenLaptop.api.exchange.prepare({ peerIds: [aOnB], toFolder: false }));

    // Opened on screen: the result says a conflict was raised.
    laptop.dialogs.answerNextOpen(prepared!.path);
    await user.click(screen.getByRole('tab', { name: '交換包' }));
    const packages = await region('交換包');
    await user.click(within(packages).getByRole('button', { name: /開啟交換包/ }));
    await within(packages).findByText('有 1 項衝突須由你處理。');
    const headerCount = await screen.findByRole('button', { name: '待處理衝突：1 項' });

    // The record carries the mark in its sub-group's list.
    // By its key: each laptop seeded its own sub-groups of the same names (see the report), so the name is not unique.
    await user.click(within(document.querySelector<HTMLElement>(`[data-node-key="${sp.id}"]`)!).getByRole('tab'));
    const list = await region('跟進事項');
    const row = (await within(list).findByText('協調物業租賃及交通安排')).closest<HTMLElement>('.ant-table-row')!;
    expect(within(row).getByText('有衝突')).toBeTruthy();

    // The header's count opens the cards.
    await user.click(headerCount);
    const cards = await region('待處理衝突');
    const card = within(cards).getByRole('group', { name: /協調物業租賃及交通安排|SP-2026/ });
    expect(within(card).getByText('協調物業租賃及交通安排')).toBeTruthy();
    // Their title, written in Simplified, is read in the reader's script like every other screen.
    await within(card).findByText('協調物業租賃及配套安排');
    expect(within(card).getByText('協調物業租賃安排')).toBeTruthy();
    expect(within(card).getAllByText(/深圳市科技創新局 · 李明/).length).toBeGreaterThan(0);
    const radios = within(card).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.some((r) => r.checked)).toBe(false);
    const settle = within(card).getByRole('button', { name: '確定' });
    expect((settle as HTMLButtonElement).disabled).toBe(true);

    await user.click(within(card).getByRole('radio', { name: '採用對方的版本' }));
    await user.click(settle);
    await within(cards).findByText('沒有待處理的衝突。');
    expect((await unwrap(laptop.api.actions.get({ id: action.id }))).title).toBe('协调物业租赁及配套安排');
    await waitFor(() => expect(screen.queryByRole('button', { name: /待處理衝突：/ })).toBeNull());
    expect(await unwrap(laptop.api.exchange.marked())).toEqual([]);
  });
});
