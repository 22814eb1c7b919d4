import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { useHarness } from './harness/useHarness';
import { ActionsPage } from './pages/actionsPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { addOfficerOnEachSide } from './harness/seed';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

const cases: Array<{ language: Language; locale: string; subGroup: { hant: string; hans: string; tab: string }; title: string; note: string }> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    subGroup: { hant: '「數據流通」專組', hans: '「数据流通」专组', tab: '數據流通' },
    title: '研究港深科研數據跨境流通試點',
    note: '已與兩地部門完成初步研究。',
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    subGroup: { hant: '「數據流通」專組', hans: '「数据流通」专组', tab: '数据流通' },
    title: '研究港深科研数据跨境流通试点',
    note: '已与两地部门完成初步研究。',
  },
];

describe.each(cases)('follow-up actions in $language', ({ language, locale, subGroup, title, note }) => {
  it('sets up a sub-group, adds a joint action with two officers, logs progress, closes it, and the overview follows', async () => {
    const text = localeResources[language];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-actions-'));
    await mkdir(screenshots, { recursive: true });
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const actions = new ActionsPage(harness.page, language);
    await app.waitForTab(text.tabs.overview);

    // Two officers, one from each side, through the same bridge the contacts view uses.
    await addOfficerOnEachSide(harness.api);
    // The officers exist before the session starts, as they would after an import last week.
    await harness.restart();
    await app.waitForTab(text.tabs.overview);

    const dialog = await app.openNewSubGroupDialog(text.tabs.addSubGroup);
    await dialog.getByLabel(text.subGroup.nameHant).fill(subGroup.hant);
    await dialog.getByLabel(text.subGroup.nameHans).fill(subGroup.hans);
    await dialog.getByLabel(text.subGroup.code).fill('DF');
    await dialog.getByLabel(text.subGroup.code).press('Enter');
    await app.waitForTab(subGroup.tab);

    await actions.startNew();
    await actions.fill(text.actions.name, title);
    await actions.pickSide('joint');
    await actions.choose(text.actions.leadHK, '陳大文');
    await actions.choose(text.actions.leadSZ, '李明');
    await actions.choose(text.actions.officers, '陳大文');
    await actions.choose(text.actions.officers, '李明');
    await actions.setDueDate('2099-12-01');
    await actions.saveWithEnter();
    const reference = `DF-${new Date().getFullYear()}-001`;
    // The drawer's title names the saved action: its new reference, then its title in the reader's script.
    const heading = actions.drawer.locator('.ant-drawer-title');
    await heading.getByText(reference, { exact: true }).waitFor();
    await heading.getByText(title, { exact: true }).waitFor();
    expect(await harness.page.locator('.ant-table-row').count()).toBe(1);

    await actions.logProgress(note);
    await harness.page.screenshot({ path: path.join(screenshots, `action-drawer-${language}.png`) });
    await actions.markDone();
    await actions.close();

    const row = actions.row(reference);
    await row.getByText(text.actions.statusValue.done).waitFor();
    // Names typed in Traditional read in the reader's script.
    expect(await row.innerText()).toContain(language === 'zh-Hans' ? '陈大文、李明' : '陳大文、李明');
    await harness.page.screenshot({ path: path.join(screenshots, `actions-${language}.png`) });

    await app.tab(text.tabs.overview).click();
    const byStatus = harness.page.locator('.ant-card', { hasText: text.overview.byStatus });
    await expect
      .poll(async () => (await byStatus.locator('.ant-statistic', { hasText: text.actions.statusValue.done }).innerText()).replace(/\s+/g, ''))
      .toBe(`${text.actions.statusValue.done}1`);
    await harness.page.getByText(text.overview.doneShare.replace('{{done}}', '1').replace('{{total}}', '1')).waitFor();
    await harness.page.screenshot({ path: path.join(screenshots, `overview-${language}.png`), fullPage: true });

    // Survives a restart: the action, its log and its status are on disk.
    await harness.restart();
    await app.tab(subGroup.tab).click();
    await actions.row(reference).getByText(text.actions.statusValue.done).waitFor();
  });
});
