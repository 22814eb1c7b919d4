import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { useHarness } from './harness/useHarness';
import { PolicyPage } from './pages/policyPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { unwrap } from '../../shared/ipc/errors';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

const cases: Array<{ language: Language; locale: string; tab: string; title: string; project: string; sheetName: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK', tab: '聯合政策', title: '港深科研人才通關便利試點', project: '跨境醫療數據平台', sheetName: '資助項目.csv' },
  { language: 'zh-Hans', locale: 'zh-CN', tab: '联合政策', title: '港深科研人才通关便利试点', project: '跨境医疗数据平台', sheetName: '资助项目.csv' },
];

describe.each(cases)('Joint Policy registers in $language', ({ language, locale, tab, title, project, sheetName }) => {
  it('adds a measure and moves it through its stages, adds a project linked to a tenant, imports a sheet, and the overview follows', async () => {
    const text = localeResources[language];
    const m = text.registers.policyMeasures;
    const p = text.registers.fundedProjects;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-policy-'));
    await mkdir(screenshots, { recursive: true });
    const harness = await openHarness({ dataDir, systemLocale: locale, viewport: { width: 1600, height: 1000 } });
    const app = new WorkbenchPage(harness.page);
    const ui = new PolicyPage(harness.page, language);
    await app.waitForTab(text.tabs.overview);
    // A tenant of the Science Park register, for the project to link to.
    await unwrap(
      harness.api.tenants.create({
        fields: {
          name: { hant: '香港大學深圳研究院', hans: '香港大学深圳研究院', en: 'HKU-SIRI' },
          kind: 'research', sector: 'biomedicine', unitIds: [], admissionDate: null, moveInDate: null, headcount: 40,
          hkFunded: true, fundedProjectId: null, status: 'admitted', notes: '', clauses: ['2.1'],
        },
      }),
    );

    await app.tab(tab).click();
    const measures = await ui.openSection(m.title);
    // The arrangement's measures are there from the first run, in the reader's script.
    await measures.getByText(language === 'zh-Hant' ? '建立港深聯合資助項目庫，分享項目資訊' : '建立港深联合资助项目库，分享项目信息').waitFor();

    await measures.getByRole('button', { name: m.new }).click();
    await ui.fill(m.fields[language === 'zh-Hant' ? 'titleHant' : 'titleHans'], title);
    await ui.drawer.getByRole('button', { name: m.fillOther }).click();
    const other = ui.drawer.getByLabel(m.fields[language === 'zh-Hant' ? 'titleHans' : 'titleHant'], { exact: true });
    await expect.poll(() => other.inputValue()).not.toBe('');
    // Saving without a clause is refused next to the field; what was typed stays.
    await ui.drawer.getByLabel(m.fields.titleEn, { exact: true }).press('Enter');
    await ui.drawer.getByText(text.validation.clauseNeeded).waitFor();
    expect(await ui.drawer.getByLabel(m.fields[language === 'zh-Hant' ? 'titleHant' : 'titleHans'], { exact: true }).inputValue()).toBe(title);
    await ui.choose(m.fields.clauses, language === 'zh-Hant' ? '第二條（二）' : '第二条（二）');
    await ui.fill(m.fields.nextStep, language === 'zh-Hant' ? '擬備諮詢文件' : '拟备咨询文件');
    await ui.drawer.getByLabel(m.fields.nextStep, { exact: true }).press('Enter');
    await ui.drawer.waitFor({ state: 'hidden' });
    await ui.row(title).waitFor();

    await ui.openRecord(title);
    for (const stage of ['consultation', 'pilot', 'inForce', 'reviewed'] as const) {
      await ui.drawer.getByRole('button', { name: m.move }).click();
      await ui.modal.getByLabel(m.moveNote, { exact: true }).press('Enter');
      await ui.modal.waitFor({ state: 'hidden' });
      await ui.drawer.locator('.ant-steps-item-active', { hasText: m.stage[stage] }).first().waitFor();
    }
    const log = ui.drawer.locator('.ant-timeline-item');
    await expect.poll(() => log.count()).toBe(5);
    // Moving back needs a reason, said in the reader's script.
    await ui.drawer.getByRole('button', { name: m.move }).click();
    await ui.chooseOne(m.moveTo, m.stage.inForce, ui.modal);
    await ui.modal.getByLabel(m.moveNoteBack, { exact: true }).press('Enter');
    await ui.modal.getByText(text.errors['measure.stageBackNeedsNote']).waitFor();
    await ui.page.keyboard.press('Escape');
    await ui.modal.waitFor({ state: 'hidden' });
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `policy-measure-stages-${language}.png`) });
    await ui.page.keyboard.press('Escape');
    await ui.drawer.waitFor({ state: 'hidden' });
    await ui.row(title).getByText(m.stage.reviewed).waitFor();

    // A funded project: amount without currency refused, then linked to the tenant and saved.
    const projects = await ui.openSection(p.title);
    await projects.getByRole('button', { name: p.new }).click();
    await ui.fill(p.fields.reference, 'ITS/001/26');
    await ui.fill(p.fields.title, project);
    await ui.fill(p.fields.institution, language === 'zh-Hant' ? '香港中文大學' : '香港中文大学');
    await ui.fill(p.fields.amount, '3000000');
    await ui.drawer.getByLabel(p.fields.title, { exact: true }).press('Enter');
    await ui.drawer.getByText(text.validation.currencyNeeded).waitFor();
    await ui.chooseOne(p.fields.currency, text.registers.currency.HKD);
    await ui.chooseOne(p.fields.tenantId, language === 'zh-Hant' ? '香港大學深圳研究院' : '香港大学深圳研究院');
    await ui.drawer.getByLabel(p.fields.title, { exact: true }).press('Enter');
    await ui.drawer.waitFor({ state: 'hidden' });
    await ui.row(project).getByText(language === 'zh-Hant' ? '香港大學深圳研究院' : '香港大学深圳研究院').waitFor();

    // Import a sheet with good and bad rows: each bad row named by number and reason, nothing twice.
    const file = path.join(dataDir, '..', `${Date.now()}-${sheetName}`);
    await writeFile(
      file,
      '\uFEFF' +
        [
          '項目編號,項目名稱,機構,資助方,金額,貨幣,開始日期,結束日期,狀態,進駐機構',
          'ITS/100/25,智能製造感測器,香港科技大學,香港,"HK$2,400,000",,2025-09-01,2027-08-31,進行中,',
          'SZ-25-03,细胞治疗平台,深圳湾实验室,深圳,500万元,人民币,2025/7/1,2026/6/30,已获批,香港大学深圳研究院',
          'ITS/101/25,金額缺貨幣,香港大學,香港,1000000,,2025-01-01,2026-01-01,進行中,',
          'ITS/102/25,日期顛倒,香港大學,香港,,,2026-05-01,2025-05-01,進行中,',
        ].join('\r\n'),
    );
    harness.dialogs.answerNextOpen(file);
    await projects.getByRole('button', { name: text.registers.common.import }).click();
    await ui.modal.getByText(text.registers.import.summary.replace('{{total}}', '4').replace('{{importable}}', '2').replace('{{invalid}}', '2').replace('{{duplicates}}', '0')).waitFor();
    await ui.modal.getByText(text.validation.currencyNeeded).waitFor();
    await ui.modal.getByText(text.validation.endAfterStart).waitFor();
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `policy-import-preview-${language}.png`) });
    await ui.modal.getByRole('button', { name: text.registers.import.accept.replace('{{count}}', '2') }).click();
    await ui.modal.waitFor({ state: 'hidden' });
    await ui.row('SZ-25-03').waitFor();
    const totals = projects.getByTestId('funding-totals');
    await totals.locator('[data-currency="HKD"]').getByText('5,400,000').waitFor();
    await totals.locator('[data-currency="CNY"]').getByText('5,000,000').waitFor();
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `policy-funded-projects-${language}.png`) });

    harness.dialogs.answerNextOpen(file);
    await projects.getByRole('button', { name: text.registers.common.import }).click();
    await ui.modal.getByRole('button', { name: text.registers.import.accept.replace('{{count}}', '0') }).waitFor();
    await ui.page.keyboard.press('Escape');
    await ui.modal.waitFor({ state: 'hidden' });

    // The overview: measures by stage, funding per currency.
    await app.tab(text.tabs.overview).click();
    const overview = harness.page.getByTestId('policy-overview');
    await overview.locator('[data-stage="reviewed"]').getByText(`${m.stage.reviewed} 1`).waitFor();
    await overview.locator('[data-currency="HKD"]').waitFor();
    await overview.locator('[data-currency="CNY"]').waitFor();
    await overview.scrollIntoViewIfNeeded();
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `policy-overview-${language}.png`), fullPage: true });
  });
});
