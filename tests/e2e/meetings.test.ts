import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { paperNumberLabel } from '../../shared/model/meeting';
import { writeTestPdf } from '../support/meetingsPdf';
import { useHarness } from './harness/useHarness';
import { lookFolder } from '../support/lookFolder';
import { MeetingsPage } from './pages/meetingsPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { addOfficerOnEachSide } from './harness/seed';
import { unwrap } from '../../shared/ipc/errors';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

const cases: Array<{ language: Language; locale: string; script: 'hant' | 'hans'; tab: string; title: string; item: string; minutes: string; decision: string; action: string }> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    script: 'hant',
    tab: '香港科學園落戶深圳',
    title: '深圳園區物業租賃',
    item: '租賃進度匯報',
    minutes: '香港科技園公司匯報租約條款的商討進度。',
    decision: '同意按擬稿落實租約。',
    action: '提交租約最終文本',
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    script: 'hans',
    tab: '香港科学园落户深圳',
    title: '深圳园区物业租赁',
    item: '租赁进度汇报',
    minutes: '香港科技园公司汇报租约条款的商讨进度。',
    decision: '同意按拟稿落实租约。',
    action: '提交租约最终文本',
  },
];

describe.each(cases)('meetings in $language', ({ language, locale, script, tab, title, item, minutes, decision, action }) => {
  it('creates a meeting with four agenda items and three PDF papers, records attendance, minutes and an action arising', async () => {
    const text = localeResources[language];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-meetings-'));
    const files = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-papers-'));
    await mkdir(screenshots, { recursive: true });
    const ownShots = await lookFolder('meetings');
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const meetings = new MeetingsPage(harness.page, language);
    await app.waitForTab(text.tabs.overview);
    await addOfficerOnEachSide(harness.api);
    await harness.restart();
    await app.waitForTab(tab);
    await app.tab(tab).click();
    await meetings.openSection();

    // The meeting: details, two attendees, and three of the standard items.
    await meetings.startNew();
    const drawer = meetings.drawer;
    await drawer.getByLabel(text.meetings.name, { exact: true }).fill(title);
    await meetings.setDate(drawer, text.meetings.date, '2026-12-08');
    await drawer.getByText(text.meetings.venueValue.SZ, { exact: true }).click();
    await drawer.getByLabel(text.meetings.classification, { exact: true }).click();
    await harness.page.locator('.ant-select-dropdown:visible').getByTitle(text.meetings.classificationValue.restricted).click();
    await drawer.getByText(text.meetings.standard.nextMeeting, { exact: true }).click();
    await drawer.getByRole('button', { name: text.meetings.attendance.add }).click();
    await meetings.choose(drawer.getByLabel(text.meetings.attendance.contact).nth(0), '陳大文');
    await drawer.getByLabel(text.meetings.attendance.role).nth(0).click();
    await harness.page.locator('.ant-select-dropdown:visible').getByTitle(text.meetings.attendance.roleValue.chair).click();
    await drawer.getByRole('button', { name: text.meetings.attendance.add }).click();
    await meetings.choose(drawer.getByLabel(text.meetings.attendance.contact).nth(1), '李明');
    await drawer.getByText(text.meetings.attendance.presenceValue.apologies).nth(1).click();
    // Enter in a single-line field saves.
    await drawer.getByLabel(text.meetings.name, { exact: true }).press('Enter');
    await drawer.getByText(text.meetings.numberLabel.replace('{{number}}', '1'), { exact: false }).first().waitFor();
    await drawer.getByRole('tab', { name: text.meetings.tabs.agenda }).waitFor();

    // A fourth item of our own, with minutes, a decision, three papers and an action arising.
    await drawer.getByRole('button', { name: text.meetings.agenda.add, exact: true }).click();
    const dialog = meetings.itemDialog;
    await dialog.getByLabel(text.meetings.agenda.itemTitle, { exact: true }).fill(item);
    await dialog.getByLabel(text.meetings.agenda.minutesText, { exact: true }).fill(minutes);
    await dialog.getByLabel(text.meetings.agenda.decisions, { exact: true }).fill(decision);
    await dialog.getByLabel(text.meetings.agenda.itemTitle, { exact: true }).press('Enter');
    await dialog.getByRole('button', { name: text.meetings.papers.add }).waitFor();
    for (const [index, name] of ['租約條款.pdf', 'floor-plan.pdf', '時間表.pdf'].entries()) {
      harness.dialogs.answerNextOpen(await writeTestPdf(files, name, [`Paper ${index + 1}`, 'Second page']));
      await dialog.getByLabel(text.meetings.papers.paperTitle).fill(`${item} ${index + 1}`);
      await dialog.getByRole('button', { name: text.meetings.papers.add }).click();
      await dialog.getByText(paperNumberLabel({ year: 2026, seq: index + 1 }, script), { exact: true }).waitFor();
    }
    await dialog.getByLabel(text.actions.name, { exact: true }).fill(action);
    await dialog.getByRole('button', { name: text.meetings.arising.add }).click();
    await dialog.getByText('SP-', { exact: false }).first().waitFor();
    await harness.page.screenshot({ path: path.join(ownShots, `item-${language}.png`) });
    await dialog.getByLabel(text.meetings.agenda.itemTitle, { exact: true }).press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Move our item up one place with its button, then back down by keyboard on the drag handle.
    const rows = meetings.agendaRows;
    await expect.poll(() => rows.count()).toBe(4);
    await rows.nth(3).getByRole('button', { name: text.meetings.agenda.moveUp }).click();
    await expect.poll(() => rows.nth(2).innerText()).toContain(item);
    const handle = rows.nth(2).getByRole('button', { name: text.meetings.agenda.dragHandle });
    await handle.focus();
    // dnd-kit's keyboard sensor: Space picks the item up, an arrow moves it, Space drops it, each
    // step once the previous one is on screen, as a person presses them.
    await harness.page.keyboard.press('Space');
    await drawer.locator('[aria-pressed="true"]').waitFor();
    // dnd-kit's keyboard sensor starts listening for arrows in a timer it sets on pick-up
    // (KeyboardSensor.attach); a timer set now runs after it, so the arrow is heard.
    await harness.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await harness.page.keyboard.press('ArrowDown');
    // The move has registered once the row below has shifted up to make room (dnd-kit sets a zero shift
    // on pick-up, and moves the lifted row before it works out where it is over).
    await rows.nth(3).and(harness.page.locator('[style*="translate3d"]:not([style*="translate3d(0px, 0px"])')).waitFor();
    await harness.page.keyboard.press('Space');
    await expect.poll(() => rows.nth(3).innerText()).toContain(item);
    await rows.nth(3).getByRole('button', { name: text.meetings.agenda.moveUp }).click();
    await expect.poll(() => rows.nth(2).innerText()).toContain(item);
    await harness.page.screenshot({ path: path.join(ownShots, `agenda-${language}.png`) });

    // Minutes: circulate them.
    await drawer.getByRole('tab', { name: text.meetings.tabs.minutes }).click();
    await drawer.getByText(minutes).waitFor();
    await drawer.getByRole('button', { name: text.meetings.minutes.circulate }).click();
    await drawer.getByRole('button', { name: text.meetings.minutes.backToDraft }).waitFor();
    await harness.page.screenshot({ path: path.join(ownShots, `minutes-${language}.png`) });
    await harness.page.screenshot({ path: path.join(screenshots, `meeting-${language}.png`) });

    const sp = (await unwrap(harness.api.subGroups.list())).find((s) => s.code === 'SP')!;
    const [listed] = await unwrap(harness.api.meetings.list({ subGroupId: sp.id }));
    const meeting = await unwrap(harness.api.meetings.get({ id: listed!.id }));
    const arising = await unwrap(harness.api.meetings.actionsArising({ id: meeting.id }));
    expect(meeting).toMatchObject({ number: 1, title, date: '2026-12-08', venue: 'SZ', classification: 'restricted', minutes: { status: 'circulated' } });
    expect(meeting.attendance.map((a) => [a.role, a.presence])).toEqual([
      ['chair', 'present'],
      ['member', 'apologies'],
    ]);
    expect(meeting.agenda.map((i) => i.standard)).toEqual(['confirmMinutes', 'mattersArising', null, 'otherBusiness']);
    const ours = meeting.agenda[2]!;
    expect(ours).toMatchObject({ title: item, minutes, decisions: [{ text: decision }] });
    expect(ours.papers.map((p) => [p.number.seq, p.attachment.mediaType])).toEqual([
      [1, 'application/pdf'],
      [2, 'application/pdf'],
      [3, 'application/pdf'],
    ]);
    expect(arising.map((a) => [a.title, a.meetingId, a.agendaItemId])).toEqual([[action, meeting.id, ours.id]]);
  });
});
