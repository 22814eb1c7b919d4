import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';
import { useHarness } from '../harness/useHarness';
import { WorkbenchPage } from '../pages/workbenchPage';
import { AxeScanner } from './axeScan';
import { seedWorkbench } from './a11ySeed';
import { fill, buttonName } from '../pages/scriptedPage';

const openHarness = useHarness();

const cases: Array<{ language: Language; locale: string; science: string; policy: string; promotion: string; searchFor: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK', science: '香港科學園落戶深圳', policy: '聯合政策', promotion: '聯合推廣', searchFor: '物业' },
  { language: 'zh-Hans', locale: 'zh-CN', science: '香港科学园落户深圳', policy: '联合政策', promotion: '联合推广', searchFor: '物業' },
  { language: 'en', locale: 'en-GB', science: 'HK Science Park in Shenzhen', policy: 'Joint Policy', promotion: 'Joint Promotion', searchFor: '物業' },
];

describe.each(cases)('accessibility scan in $language', ({ language, locale, science, policy, promotion, searchFor }) => {
  it('finds no WCAG 2.1 A or AA violation on any screen, drawer or dialog', async () => {
    const t = localeResources[language];
    const seeded = await seedWorkbench(locale);
    const harness = await openHarness({ dataDir: seeded.dataDir, systemLocale: locale, viewport: { width: 1366, height: 768 } });
    const page = harness.page;
    const app = new WorkbenchPage(page);
    const axe = new AxeScanner(page, language);
    const dialogs = page.locator('.ant-modal-wrap:visible, .ant-drawer-content-wrapper:visible');
    /** Esc closes the top drawer or dialog, as in every form of the app. */
    const closeTop = async () => {
      const before = await dialogs.count();
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogs.count()).toBeLessThan(before);
    };
    const openTab = async (name: string) => {
      await app.tab(name).click();
      await expect.poll(() => app.tab(name).getAttribute('aria-selected')).toBe('true');
    };
    const openSection = async (name: string): Promise<Locator> => {
      const section = page.getByRole('tab', { name, exact: true });
      await section.click();
      return page.getByRole('tabpanel', { name });
    };

    await app.waitForTab(t.tabs.overview);
    await page.getByText(t.overview.overdueTitle).first().waitFor();
    await axe.scan('overview');

    // Header search, with hits in three kinds, and with none.
    const search = page.getByRole('combobox', { name: t.search.label });
    await search.fill(searchFor);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await axe.scan('header search with results');
    await search.fill('無此字詞');
    await page.getByText(fill(t.search.none, { query: '無此字詞' })).first().waitFor();
    await axe.scan('header search without results');
    await search.press('Escape');

    // Settings, and the glossary from it.
    await page.getByRole('button', { name: t.settings.title }).click();
    await page.getByRole('dialog', { name: t.settings.title }).waitFor();
    await axe.scan('settings');
    await page.getByRole('button', { name: buttonName(t.script.glossary.open) }).click();
    await page.getByRole('dialog', { name: t.script.glossary.title }).waitFor();
    await axe.scan('glossary');
    await closeTop();
    await closeTop();

    // New sub-group and archived sub-groups.
    await page.getByRole('button', { name: buttonName(t.tabs.addSubGroup) }).click();
    await page.getByRole('dialog', { name: t.newSubGroup.title }).waitFor();
    await axe.scan('new sub-group dialog');
    await closeTop();

    // Contacts, a contact, an import with bad rows.
    await openTab(t.tabs.contacts);
    await page.getByRole('button', { name: buttonName(t.contacts.new) }).waitFor();
    await axe.scan('contacts');
    await page.getByRole('button', { name: buttonName(t.contacts.new) }).click();
    await page.getByRole('dialog', { name: t.contacts.form.newTitle }).waitFor();
    await axe.scan('new contact dialog');
    await closeTop();
    harness.dialogs.answerNextOpen(seeded.contactsSheet);
    await page.getByRole('button', { name: buttonName(t.contacts.import.button) }).click();
    await page.getByRole('dialog').getByText(fill(t.contacts.import.previewTitle, { fileName: 'contacts.csv' })).waitFor();
    await axe.scan('contacts import with bad rows');
    await closeTop();

    // The arrangement: the text, a clause's work, side by side, annexes, the implementation report.
    await openTab(t.arrangement.tab);
    await page.getByRole('tree').waitFor();
    await axe.scan('arrangement clauses');
    await page.getByRole('switch', { name: t.arrangement.showBoth }).click();
    await axe.scan('arrangement side by side');
    await page.getByRole('switch', { name: t.arrangement.showBoth }).click();
    await openSection(t.arrangement.annexesTab);
    await page.getByRole('button', { name: buttonName(t.arrangement.annex.new) }).click();
    await page.getByRole('dialog').waitFor();
    await axe.scan('new annex drawer');
    await closeTop();
    await axe.scan('annexes, none yet');
    await openSection(t.arrangement.reportTab);
    await axe.scan('implementation report, period to pick');
    await page.getByRole('button', { name: buttonName(t.arrangement.report.prepare) }).click();
    await page.getByLabel(t.arrangement.report.title).first().waitFor();
    await axe.scan('implementation report draft');

    // The science park: about, actions, an action, its export, meetings and a pack, registers.
    await openTab(science);
    const rows = page.locator('.ant-table-row:visible');
    await rows.first().waitFor();
    await axe.scan('sub-group actions');
    const about = page.getByRole('button', { name: t.subGroup.about }).locator('visible=true');
    await about.click();
    await axe.scan('sub-group details');
    await about.click();

    await page.getByRole('button', { name: buttonName(t.actions.new) }).click();
    await page.getByRole('dialog').getByLabel(t.actions.name, { exact: true }).waitFor();
    await axe.scan('new action drawer');
    await closeTop();
    await rows.filter({ hasText: seeded.convertedReference }).getByRole('button').first().click();
    await page.getByRole('dialog').getByText(seeded.convertedReference, { exact: true }).first().waitFor();
    await axe.scan('action drawer, typed in the other script');
    if (language === 'zh-Hant') {
      await page.getByRole('button', { name: buttonName(t.script.review.open) }).click();
      await page.getByRole('dialog', { name: fill(t.script.review.title, { script: t.script.name.hant }) }).waitFor();
      await axe.scan('conversion review');
      await closeTop();
    }
    await closeTop();

    // Each step of the export dialog: choose, the review question, the review list, done; then preview.
    const ui = t.exports.ui;
    const exportDialog = page.getByRole('dialog', { name: fill(ui.dialogTitle, { what: ui.what.actions }) });
    await page.getByRole('tabpanel').getByRole('button', { name: buttonName(ui.button) }).first().click();
    await exportDialog.waitFor();
    await axe.scan('export dialog: choose');
    await exportDialog.getByRole('radio', { name: ui.formats.pdf, exact: true }).check();
    await exportDialog.getByRole('radio', { name: ui.scripts.both, exact: true }).check();
    harness.dialogs.answerNextSave(path.join(seeded.files, 'actions.pdf'));
    await exportDialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(ui.start) }).click();
    await exportDialog.getByText(ui.reviewTitle).waitFor();
    await axe.scan('export dialog: conversion not yet reviewed');
    await exportDialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(ui.review) }).click();
    await axe.scan('export dialog: reviewing');
    await closeTop();
    const anyway = exportDialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(ui.exportAnyway) });
    const done = exportDialog.getByText(fill(ui.done, { count: 2 }));
    while (!(await done.isVisible())) {
      await done.or(anyway).first().waitFor({ timeout: 60_000 });
      if (await anyway.isVisible()) await anyway.click();
    }
    await axe.scan('export dialog: done');
    await closeTop();
    await page.getByRole('tabpanel').getByRole('button', { name: buttonName(ui.button) }).first().click();
    await exportDialog.waitFor();
    await exportDialog.getByRole('radio', { name: ui.formats.pdf, exact: true }).check();
    await exportDialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(ui.preview) }).click();
    await page.getByRole('dialog', { name: ui.previewTitle }).locator('article').waitFor();
    await axe.scan('print preview');
    await closeTop();
    await closeTop();

    // Meetings: the list, a meeting's four parts, an agenda item, the pack and its preview.
    await openSection(t.meetings.title);
    const meeting = fill(t.meetings.numberLabel, { number: 2 });
    await page.getByText(meeting, { exact: true }).first().waitFor();
    await axe.scan('meetings');
    await page.getByText(meeting, { exact: true }).first().click();
    const drawer = page.locator('.ant-drawer-content-wrapper:visible');
    await drawer.waitFor();
    await axe.scan('meeting drawer: details');
    for (const part of ['agenda', 'minutes'] as const) {
      await drawer.getByRole('tab', { name: t.meetings.tabs[part], exact: true }).click();
      await axe.scan(`meeting drawer: ${part}`);
    }
    await drawer.getByRole('tab', { name: t.meetings.tabs.agenda, exact: true }).click();
    await drawer.getByRole('button', { name: buttonName(t.meetings.agenda.add) }).click();
    await page.getByRole('dialog', { name: t.meetings.agenda.newItem }).waitFor();
    await axe.scan('new agenda item dialog');
    await closeTop();
    await drawer.getByRole('button', { name: t.pack.open, exact: true }).click();
    const pack = page.getByRole('dialog').filter({ hasText: t.pack.intro });
    await pack.waitFor();
    await axe.scan('meeting pack dialog');
    harness.dialogs.answerNextSave(path.join(seeded.files, 'pack.pdf'));
    await pack.getByText(t.pack.scriptHant, { exact: true }).click();
    // The meeting is restricted: numbered copies, one for each recipient chosen.
    const recipients = pack.getByRole('combobox', { name: t.pack.copies.recipients });
    await recipients.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await recipients.press('Escape');
    await pack.getByRole('button', { name: t.pack.build }).click();
    await pack.locator('.ant-alert-success').waitFor({ timeout: 90_000 });
    await pack.getByRole('list', { name: t.pack.copies.made }).waitFor();
    await axe.scan('meeting pack built as numbered copies');
    await closeTop();
    await drawer.getByRole('tab', { name: t.pack.distribution.tab, exact: true }).click();
    await drawer.locator('.ant-table-row').first().waitFor();
    await axe.scan('meeting drawer: distribution list');
    await drawer.locator('.ant-table-row').first().getByRole('button').click();
    await page.getByRole('dialog').filter({ hasText: t.pack.distribution.confirmedBy }).waitFor();
    await axe.scan('recording a copy returned');
    await closeTop();
    await closeTop();

    // Registers: space units with a record drawer and an import with bad rows; tenants, none yet.
    const units = await openSection(t.registers.spaceUnits.title);
    await units.locator('.ant-table-row').first().waitFor();
    await axe.scan('space units');
    await units.getByRole('button', { name: buttonName(t.registers.spaceUnits.new) }).click();
    await page.getByRole('dialog').getByLabel(t.registers.spaceUnits.fields.building).waitFor();
    await axe.scan('new space unit drawer');
    await closeTop();
    harness.dialogs.answerNextOpen(seeded.unitsSheet);
    await units.getByRole('button', { name: buttonName(t.registers.common.import) }).click();
    await page.getByRole('dialog').locator('[data-row-state="error"]').first().waitFor();
    await axe.scan('import wizard with bad rows');
    await closeTop();
    const tenants = await openSection(t.registers.tenants.title);
    await tenants.getByText(t.registers.common.empty).waitFor();
    await axe.scan('tenants, none yet');

    // Joint Policy: policy measures, a measure, the funded-projects pool.
    await openTab(policy);
    const measures = await openSection(t.registers.policyMeasures.title);
    await measures.locator('.ant-table-row').first().waitFor();
    await axe.scan('policy measures');
    await measures.locator('.ant-table-row').first().getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    await axe.scan('policy measure drawer');
    await closeTop();
    const projects = await openSection(t.registers.fundedProjects.title);
    await projects.locator('.ant-table-row').first().waitFor();
    await axe.scan('funded projects');

    // Joint Promotion: the events calendar; no actions and no meetings yet.
    await openTab(promotion);
    await page.getByText(t.actions.empty).locator('visible=true').waitFor();
    await axe.scan('sub-group without actions');
    await openSection(t.registers.promotionEvents.title);
    await axe.scan('promotion events');
    await openSection(t.meetings.title);
    await page.getByText(t.meetings.empty).locator('visible=true').waitFor();
    await axe.scan('sub-group without meetings');

    expect(axe.summary()).toBe('');
  }, 600_000);
});
