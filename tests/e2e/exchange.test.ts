import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HetaoApi } from '../../shared/ipc/contract';
import { unwrap } from '../../shared/ipc/errors';
import { hongKong, shenzhen, type Office } from '../support/exchangeLaptops';
import { startHarness, type Harness } from './harness/harness';
import { ExchangePage } from './pages/exchangePage';
import { WorkbenchPage } from './pages/workbenchPage';

const shots = path.resolve('test-results/look/exchange');

// Two laptops at once: the harness's useHarness keeps one, so this file closes both itself.
let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.close()));
  running = [];
});

async function laptop(locale: string): Promise<Harness> {
  const harness = await startHarness({ dataDir: await mkdtemp(path.join(tmpdir(), 'hetao-e2e-exchange-')), systemLocale: locale });
  running.push(harness);
  return harness;
}

async function addOfficer(api: HetaoApi, office: Office): Promise<void> {
  await unwrap(api.contacts.create({ ...office.officer, title: '', side: office.side, email: '', phone: '', memberships: [] }));
}

/** What both laptops must agree on: the records as exchanged, without local bookkeeping (revision counters). */
async function sharedPicture(api: HetaoApi) {
  const actions = await Promise.all(
    (await unwrap(api.actions.list({ subGroupId: null }))).rows.map(async (row) => {
      const { id, reference, title, description, status, dueDate, deletedAt, progress } = await unwrap(api.actions.get({ id: row.id }));
      return { id, reference, title, description, status, dueDate, deletedAt, progress: progress.map((p) => ({ id: p.id, note: p.note, at: p.at })) };
    }),
  );
  const meetings = await Promise.all(
    (await unwrap(api.subGroups.list())).map(async (s) =>
      (await unwrap(api.meetings.list({ subGroupId: s.id }))).map((m) => ({ id: m.id, number: m.number, title: m.title, date: m.date, venue: m.venue, deletedAt: m.deletedAt })),
    ),
  );
  const units = (await unwrap(api.spaceUnits.list(undefined))).map(({ id, building, floor, unit, status, notes, deletedAt }) => ({ id, building, floor, unit, status, notes, deletedAt }));
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { actions: byId(actions), meetings: byId(meetings.flat()), units: byId(units) };
}

describe('exchanging between a Hong Kong laptop in 繁體 and a Shenzhen laptop in 简体', () => {
  // Two windows and a dozen steps, each waiting on the screen: far longer than one screen's test.
  it('sets up, enrols by card, exchanges through a folder, raises a conflict on both, settles it on one, and both end the same', { timeout: 300_000 }, async () => {
    await mkdir(shots, { recursive: true });
    const carried = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-exchange-cards-'));
    // The folder a sync tool keeps in step between the offices: here both laptops use the same one.
    const exchangeFolder = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-exchange-folder-'));
    const hk = await laptop('zh-HK');
    const sz = await laptop('zh-CN');
    const hkEx = new ExchangePage(hk.page, 'zh-Hant');
    const szEx = new ExchangePage(sz.page, 'zh-Hans');
    const shot = async (h: Harness, name: string) => h.page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await addOfficer(hk.api, hongKong);
    await addOfficer(sz.api, shenzhen);
    await new WorkbenchPage(hk.page).waitForTab(hkEx.text.tabs.overview);
    await new WorkbenchPage(sz.page).waitForTab(szEx.text.tabs.overview);
    // The officers were added after the windows opened; a restart reads them as a person's next start would.
    await hk.page.reload();
    await sz.page.reload();

    // 1. Each laptop opens the exchange place on its set-up, and is set up.
    await hkEx.open();
    await hk.page.getByText(hkEx.ex.identity.notSetUpTitle).waitFor();
    await shot(hk, '01-hk-not-set-up');
    await hkEx.setUp({ side: 'HK', office: hongKong.office, device: hongKong.device, officer: hongKong.officer.name });
    await szEx.open();
    await sz.page.getByText(szEx.ex.identity.notSetUpTitle).waitFor();
    await szEx.setUp({ side: 'SZ', office: shenzhen.office, device: shenzhen.device, officer: shenzhen.officer.name });
    await shot(hk, '02-hk-set-up');
    await shot(sz, '02-sz-set-up');
    const hkIdentity = await unwrap(hk.api.exchange.identity());
    const szIdentity = await unwrap(sz.api.exchange.identity());
    expect(hkIdentity).toMatchObject({ configured: true, side: 'HK' });
    expect(szIdentity).toMatchObject({ configured: true, side: 'SZ' });

    // 2. They swap contact cards and compare fingerprints: each dialog shows the other's, group by group.
    const hkCard = path.join(carried, 'hk.hetaocard');
    const szCard = path.join(carried, 'sz.hetaocard');
    hk.dialogs.answerNextSave(hkCard);
    await hkEx.exportCard();
    await hk.page.getByText(hkEx.ex.identity.cardSaved.split('{{')[0]!).waitFor();
    sz.dialogs.answerNextSave(szCard);
    await szEx.exportCard();
    await sz.page.getByText(szEx.ex.identity.cardSaved.split('{{')[0]!).waitFor();

    hk.dialogs.answerNextOpen(szCard);
    const hkEnrol = await hkEx.readCard();
    expect(await hkEx.fingerprint(hkEnrol)).toBe(szIdentity.fingerprint);
    await shot(hk, '03-hk-enrol-shenzhen');
    await hkEx.confirmAndAdd(hkEnrol, shenzhen.office.hant);
    sz.dialogs.answerNextOpen(hkCard);
    const szEnrol = await szEx.readCard();
    expect(await szEx.fingerprint(szEnrol)).toBe(hkIdentity.fingerprint);
    await shot(sz, '03-sz-enrol-hong-kong');
    await szEx.confirmAndAdd(szEnrol, hongKong.office.hans);
    await hk.page.getByRole('region', { name: hkEx.ex.peers.title }).getByText(shenzhen.office.hant).waitFor();
    await shot(hk, '04-hk-peers');

    // 3. Both use the exchange folder.
    hk.dialogs.answerNextFolder(exchangeFolder);
    await hkEx.chooseFolder();
    sz.dialogs.answerNextFolder(exchangeFolder);
    await szEx.chooseFolder();

    // 4. Hong Kong's work: an action, a meeting and a space unit; a package for Shenzhen into the folder.
    const sp = (await unwrap(hk.api.subGroups.list())).find((s) => s.code === 'SP')!;
    const actionFields = { title: '協調深圳園區物業租賃安排', description: '與科學園公司商討租約條款', ownerSide: 'HK' as const, leads: [], officerIds: [], dueDate: '2027-03-31', priority: 'normal' as const, clauses: [] };
    const action = await unwrap(hk.api.actions.create({ subGroupId: sp.id, fields: actionFields }));
    const meeting = await unwrap(
      hk.api.meetings.create({
        subGroupId: sp.id,
        fields: { title: '物業租賃', date: '2026-12-08', startTime: null, endTime: null, venue: 'HK', venueDetail: '', classification: null, attendance: [] },
        standardItems: ['confirmMinutes', 'otherBusiness'],
      }),
    );
    const unit = await unwrap(
      hk.api.spaceUnits.create({ fields: { building: '1座', floor: '3樓', unit: '301', grossArea: 120, usableArea: 100, leaseStart: null, leaseEnd: null, status: 'available', notes: '', clauses: [] } }),
    );
    const toShenzhen = await hkEx.prepareFor([new RegExp(shenzhen.office.hant)]);
    const firstName = (await readdir(exchangeFolder)).find((f) => f.endsWith('.hetao'))!;
    // Named in the preparer's script: 一區兩園交換包_香港秘書處_<date>_NNN.hetao.
    expect(firstName).toMatch(/^一區兩園交換包_香港秘書處_\d{4}-\d{2}-\d{2}_\d{3}\.hetao$/);
    await shot(hk, '05-hk-prepared');
    await hkEx.closeDialog(toShenzhen.dialog);

    // 5. Shenzhen finds it in the folder and opens it: the records arrive, read in Simplified.
    const opened = await szEx.openFromFolder();
    expect(await opened.innerText()).toContain(hongKong.office.hans);
    await shot(sz, '06-sz-opened');
    expect((await unwrap(sz.api.actions.get({ id: action.id }))).title).toBe(actionFields.title);

    // 6. Apart again, both change the action's title differently; Shenzhen also notes the unit, Hong Kong renames the meeting.
    const there = await unwrap(sz.api.actions.get({ id: action.id }));
    await unwrap(sz.api.actions.update({ id: action.id, revision: there.revision, fields: { ...actionFields, title: '协调深圳园区物业租赁及配套安排' } }));
    const here = await unwrap(hk.api.actions.get({ id: action.id }));
    await unwrap(hk.api.actions.update({ id: action.id, revision: here.revision, fields: { ...actionFields, title: '協調深圳園區物業租賃及交通安排' } }));
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, revision, ...unitFields } = await unwrap(sz.api.spaceUnits.get({ id: unit.id }));
    await unwrap(sz.api.spaceUnits.update({ id: unit.id, revision, fields: { ...unitFields, notes: '已与租户洽谈' } }));
    const hkMeeting = await unwrap(hk.api.meetings.get({ id: meeting.id }));
    await unwrap(hk.api.meetings.update({ id: meeting.id, revision: hkMeeting.revision, fields: { ...hkMeeting, title: '物業租賃及配套' } }));

    // 7. Both prepare, both open the other's: the title conflicts on both, shown in the header and on the record.
    await hkEx.closeDialog((await hkEx.prepareFor([new RegExp(shenzhen.office.hant)])).dialog);
    await szEx.closeDialog((await szEx.prepareFor([new RegExp(hongKong.office.hans)])).dialog);
    await hkEx.openFromFolder();
    await szEx.openFromFolder();
    await hkEx.headerCount(1).waitFor();
    await szEx.headerCount(1).waitFor();
    await shot(hk, '07-hk-conflict-raised');
    await shot(sz, '07-sz-conflict-raised');

    // By its key: each laptop seeded its own sub-groups of the same names, so after the exchange there are two of each.
    await hk.page.locator(`[data-node-key="${sp.id}"]`).getByRole('tab').click();
    const hkRow = hk.page.getByRole('region', { name: hkEx.text.actions.title }).locator('.ant-table-row', { hasText: '協調深圳園區物業租賃及交通安排' });
    await hkRow.getByText(hkEx.ex.marker.label).waitFor();
    await shot(hk, '08-hk-marked-in-list');

    await szEx.headerCount(1).click();
    const szCards = await szEx.section('conflicts');
    // Hong Kong's title, typed in Traditional, is read in Simplified here like on every other screen.
    await szCards.getByText('协调深圳园区物业租赁及交通安排').waitFor();
    await shot(sz, '09-sz-conflict-card');

    // 8. Hong Kong settles it, taking Shenzhen's title; its next package clears Shenzhen's card without asking.
    await hkEx.headerCount(1).click();
    const hkCards = await hkEx.settle('协调深圳园区物业租赁及配套安排|協調深圳園區物業租賃及交通安排', 'takeTheirs');
    await hkCards.getByText(hkEx.ex.conflicts.empty).waitFor();
    await expect.poll(() => hkEx.headerCount(1).count()).toBe(0);
    await shot(hk, '10-hk-settled');
    await hkEx.closeDialog((await hkEx.prepareFor([new RegExp(shenzhen.office.hant)])).dialog);
    await szEx.openFromFolder();
    await expect.poll(() => szEx.headerCount(1).count(), { timeout: 20_000 }).toBe(0);
    await (await szEx.section('conflicts')).getByText(szEx.ex.conflicts.empty).waitFor();
    await shot(sz, '11-sz-settled-by-hong-kong');

    // Shenzhen's package after that carries nothing Hong Kong lacks but its own acknowledgement; both hold one picture.
    await szEx.closeDialog((await szEx.prepareFor([new RegExp(hongKong.office.hans)])).dialog);
    await hkEx.openFromFolder();
    const [hkPicture, szPicture] = await Promise.all([sharedPicture(hk.api), sharedPicture(sz.api)]);
    expect(szPicture).toEqual(hkPicture);
    expect(hkPicture.actions.find((a) => a.id === action.id)!.title).toBe('协调深圳园区物业租赁及配套安排');
    expect(hkPicture.meetings.find((m) => m.id === meeting.id)!.title).toBe('物業租賃及配套');
    expect(hkPicture.units.find((u) => u.id === unit.id)!.notes).toBe('已与租户洽谈');

    // The log on each side lists what was prepared and opened.
    await hkEx.section('log');
    await shot(hk, '12-hk-log');
    await szEx.section('log');
    await shot(sz, '12-sz-log');
    expect((await unwrap(hk.api.exchange.log())).filter((e) => e.kind === 'opened')).toHaveLength(2);
    expect((await unwrap(sz.api.exchange.log())).filter((e) => e.kind === 'opened')).toHaveLength(3);
  });
});
