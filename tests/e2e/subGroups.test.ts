import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { startHarness, type Harness } from './harness/harness';
import { ActionsPage } from './pages/actionsPage';
import { SubGroupsPage } from './pages/subGroupsPage';
import { unwrap } from '../../shared/ipc/errors';

const screenshots = path.resolve('test-results/screenshots');
let harness: Harness | null = null;
afterEach(async ({ task }) => {
  // What the screen showed when a step failed, for whoever reads the CI log.
  if (task.result?.state === 'fail') await harness?.page.screenshot({ path: path.join(screenshots, `failed-${task.id}.png`) }).catch(() => undefined);
  await harness?.close();
  harness = null;
});

const cases: Array<{
  language: Language;
  locale: string;
  seeded: [string, string, string];
  created: string;
  renamed: string;
  title: string;
  note: string;
}> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    seeded: ['香港科學園落戶深圳', '聯合政策', '聯合推廣'],
    created: '人才',
    renamed: '人才引進',
    title: '研究港深科研人員通關便利',
    note: '已與出入境部門開會。',
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    seeded: ['香港科学园落户深圳', '联合政策', '联合推广'],
    created: '人才',
    renamed: '人才引进',
    title: '研究港深科研人员通关便利',
    note: '已与出入境部门开会。',
  },
];

/** A fresh data folder with one officer on each side, as after last week's import. */
async function startWithOfficers(locale: string): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-subgroups-'));
  await mkdir(screenshots, { recursive: true });
  const started = await startHarness({ dataDir, systemLocale: locale });
  await started.page.getByRole('tab').first().waitFor();
  const contact = (name: string, side: 'HK' | 'SZ', title: string, organisation: string) =>
    unwrap(started.api.contacts.create({ name, title, organisation, side, email: '', phone: '', memberships: [] }));
  await contact('陳大文', 'HK', '首席助理秘書長', '創新科技及工業局');
  await contact('李明', 'SZ', '处长', '深圳市科技创新局');
  await started.restart();
  return started;
}

describe.each(cases)('sub-groups in $language', ({ language, locale, seeded, created, renamed, title, note }) => {
  const text = localeResources[language];

  it('sets one up with convenors, renames it, reorders tabs by keyboard and by drag, archives and restores it', async () => {
    harness = await startWithOfficers(locale);
    const page = harness.page;
    const groups = new SubGroupsPage(page, language);
    await groups.tab(seeded[2]).waitFor();
    // The workbench's own tabs (overview, contacts…) stay first and do not move.
    const fixed = (await groups.tabNames()).slice(0, -seeded.length);
    expect(fixed[0]).toBe(text.tabs.overview);

    await groups.openNew();
    await groups.field(text.subGroup.nameHant).fill(`「${created}」專組`);
    await groups.field(text.subGroup.nameHans).fill(`「${created}」专组`);
    await groups.field(text.subGroup.code).fill('ta');
    await groups.chooseConvenor('HK', '陳大文');
    await groups.chooseConvenor('SZ', '李明');
    await groups.screenshot(path.join(screenshots, `subgroup-new-${language}.png`));
    await groups.saveWithEnter();
    await groups.tab(created).waitFor();
    expect(await groups.tabNames()).toEqual([...fixed, ...seeded, created]);

    // The about panel names both convenors.
    await page.getByRole('button', { name: text.subGroup.about }).click();
    const about = page.locator('.ant-descriptions');
    await about.getByText('陳大文 · 首席助理秘書長 · 創新科技及工業局').waitFor();
    await about.getByText('李明 · 处长 · 深圳市科技创新局').waitFor();

    // Rename in both scripts; no action uses the code yet, so the form says it may still change.
    await groups.openEdit();
    await groups.dialog.getByText(text.editSubGroup.codeEditable).waitFor();
    await groups.field(text.subGroup.nameHant).fill('「人才引進」專組');
    await groups.field(text.subGroup.nameHans).fill('「人才引进」专组');
    await groups.field(text.subGroup.nameEn).fill('Sub-group on Talent Attraction');
    await groups.saveWithEnter();
    await groups.tab(renamed).waitFor();
    await page.getByRole('heading', { name: language === 'zh-Hant' ? '「人才引進」專組 TA' : '“人才引进”专组 TA' }).waitFor();

    // Keyboard: the focused tab moves two places left, and keeps the focus.
    await groups.tab(renamed).focus();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => groups.tabNames()).toEqual([...fixed, seeded[0], seeded[1], renamed, seeded[2]]);
    const fullName = language === 'zh-Hant' ? '「人才引進」專組' : '“人才引进”专组'; // Simplified quotes the Mainland way
    // Told to a screen reader, not shown over the tabs.
    await page.getByRole('status').getByText(text.tabOrder.moved.replace('{{name}}', fullName).replace('{{position}}', '3')).waitFor({ state: 'attached' });
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => groups.tabNames()).toEqual([...fixed, seeded[0], renamed, seeded[1], seeded[2]]);
    expect(await groups.focusedText()).toBe(renamed);
    // The same from the tab's context menu (Shift+F10), which also offers editing and archiving.
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('.ant-dropdown:visible');
    await menu.getByText(text.tabOrder.moveRight, { exact: true }).waitFor();
    await groups.screenshot(path.join(screenshots, `subgroup-tab-menu-${language}.png`));
    // The menu takes the focus: down from its first item to the third, 向右移, and Enter, each key
    // once the last has moved the focus, as a reader does.
    await expect.poll(() => groups.focusedText()).toBe(text.subGroup.edit);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => groups.focusedText()).toBe(text.tabOrder.moveLeft);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => groups.focusedText()).toBe(text.tabOrder.moveRight);
    await page.keyboard.press('Enter');
    await expect.poll(() => groups.tabNames()).toEqual([...fixed, seeded[0], seeded[1], renamed, seeded[2]]);
    await expect.poll(() => groups.focusedText()).toBe(renamed);

    // Drag: the last sub-group tab onto the first sub-group's place.
    await groups.dragTab(seeded[2], seeded[0]);
    const reordered = [...fixed, seeded[2], seeded[0], seeded[1], renamed];
    await expect.poll(() => groups.tabNames()).toEqual(reordered);
    // Announced once main has saved it.
    const moved = language === 'zh-Hant' ? `「${seeded[2]}」專組` : `“${seeded[2]}”专组`;
    await page.getByRole('status').getByText(text.tabOrder.moved.replace('{{name}}', moved).replace('{{position}}', '1')).waitFor({ state: 'attached' });

    // The order is saved: it is the same after quitting and starting again.
    await harness.restart();
    await groups.tab(renamed).waitFor();
    expect(await groups.tabNames()).toEqual(reordered);

    // Archive, after confirming: the tab goes, the overview stops counting it, its data stays.
    await groups.tab(renamed).click();
    await groups.archiveOpenSubGroup();
    await expect.poll(() => groups.tabNames()).toEqual([...fixed, seeded[2], seeded[0], seeded[1]]);
    await page.getByText(text.overview.subGroupCount.replace('{{count}}', '3')).waitFor();
    await groups.archivedButton(1).click();
    await page.getByRole('dialog', { name: text.archivedSubGroups.title }).getByText(fullName).waitFor();
    await groups.screenshot(path.join(screenshots, `subgroup-archived-${language}.png`));

    // Restore: the tab comes back where it was, with its convenors.
    await groups.restore(fullName);
    await groups.dialog.getByText(text.archivedSubGroups.empty).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => groups.tabNames()).toEqual(reordered);
    await groups.tab(renamed).click();
    await page.getByRole('button', { name: text.subGroup.about }).click();
    await page.locator('.ant-descriptions').getByText('陳大文 · 首席助理秘書長 · 創新科技及工業局').waitFor();
    await groups.screenshot(path.join(screenshots, `subgroup-tab-${language}.png`));
  });

  it('the issue’s flow: a new sub-group, an action with two officers, progress, done, and the overview follows, also through archiving', async () => {
    harness = await startWithOfficers(locale);
    const page = harness.page;
    const groups = new SubGroupsPage(page, language);
    const actions = new ActionsPage(page, language);
    await groups.tab(text.tabs.overview).waitFor();

    await groups.openNew();
    await groups.field(text.subGroup.nameHant).fill('「數據流通」專組');
    await groups.field(text.subGroup.nameHans).fill('「数据流通」专组');
    await groups.field(text.subGroup.code).fill('DF');
    await groups.chooseConvenor('HK', '陳大文');
    await groups.saveWithEnter();
    const tab = language === 'zh-Hant' ? '數據流通' : '数据流通';
    await groups.tab(tab).waitFor();

    await actions.startNew();
    await actions.fill(text.actions.name, title);
    await actions.pickSide('joint');
    await actions.choose(text.actions.leadHK, '陳大文');
    await actions.choose(text.actions.leadSZ, '李明');
    await actions.choose(text.actions.officers, '陳大文');
    await actions.choose(text.actions.officers, '李明');
    await actions.saveWithEnter();
    const reference = `DF-${new Date().getFullYear()}-001`;
    // Saved: the drawer now offers the progress log, and the list has the numbered row.
    await actions.drawer.getByLabel(text.actions.progressNote, { exact: true }).waitFor();
    await actions.row(reference).waitFor();
    // Ctrl+Enter in the note logs it: Enter alone starts a new line there.
    await actions.fill(text.actions.progressNote, note);
    await actions.drawer.getByLabel(text.actions.progressNote, { exact: true }).press('Control+Enter');
    await actions.drawer.getByText(note, { exact: true }).waitFor();
    await actions.markDone();
    await actions.close();
    await actions.row(reference).getByText(text.actions.statusValue.done).waitFor();
    // Names may be shown in the reader's script.
    expect(await actions.row(reference).innerText()).toMatch(/[陳陈]大文、李明/);

    // Now that an action carries DF in its number, the code is fixed, and the form says why.
    await groups.openEdit();
    expect(await groups.field(text.subGroup.code).isDisabled()).toBe(true);
    await groups.dialog.getByText(text.editSubGroup.codeFixed.replace('{{count}}', '1').replace('{{example}}', reference)).waitFor();
    await page.keyboard.press('Escape');
    await groups.dialog.waitFor({ state: 'hidden' });

    const doneFigure = async () =>
      (await page.locator('.ant-card', { hasText: text.overview.byStatus }).locator('.ant-statistic', { hasText: text.actions.statusValue.done }).innerText()).replace(/\s+/g, '');
    await groups.tab(text.tabs.overview).click();
    await expect.poll(doneFigure).toBe(`${text.actions.statusValue.done}1`);
    await page.getByText(text.overview.doneShare.replace('{{done}}', '1').replace('{{total}}', '1')).waitFor();
    await page.screenshot({ path: path.join(screenshots, `subgroup-overview-${language}.png`), fullPage: true });

    // Archived, the sub-group and its action leave the overview's figures; restored, they return.
    await groups.tab(tab).click();
    await groups.archiveOpenSubGroup();
    await groups.tab(text.tabs.overview).waitFor();
    await expect.poll(doneFigure).toBe(`${text.actions.statusValue.done}0`);
    await groups.archivedButton(1).click();
    await groups.restore(language === 'zh-Hant' ? '「數據流通」專組' : '“数据流通”专组');
    await page.keyboard.press('Escape');
    await expect.poll(doneFigure).toBe(`${text.actions.statusValue.done}1`);

    // Keyboard only: the overview's recent list opens the action from its reference, and deleting
    // asks first in a dialog that has the focus, so Esc keeps the action.
    const recent = page.locator('.ant-card', { hasText: text.overview.recentTitle });
    await recent.getByRole('button', { name: reference }).focus();
    await page.keyboard.press('Enter');
    await actions.drawer.getByLabel(text.actions.progressNote, { exact: true }).waitFor();
    await actions.drawer.getByRole('button', { name: text.actions.delete, exact: true }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog').filter({ hasText: `${reference} ${title}` }).last();
    await confirm.getByRole('button', { name: text.actions.delete, exact: true }).waitFor();
    await expect.poll(() => confirm.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(await actions.drawer.first().isVisible()).toBe(true);
  });
});
