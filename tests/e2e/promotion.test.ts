import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localToday } from '../../shared/actions/dueDates';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { useHarness } from './harness/useHarness';
import { PolicyPage } from './pages/policyPage';
import { WorkbenchPage } from './pages/workbenchPage';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

const cases: Array<{ language: Language; locale: string; tab: string; name: string; city: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK', tab: '聯合推廣', name: '河套創科論壇', city: '香港' },
  { language: 'zh-Hans', locale: 'zh-CN', tab: '联合推广', name: '河套创科论坛', city: '深圳' },
];

/** A day of the current month, so the event shows in the calendar as it opens. */
function dayThisMonth(day: number): string {
  return `${localToday(new Date()).slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

describe.each(cases)('Joint Promotion events in $language', ({ language, locale, tab, name, city }) => {
  it('adds an event, sees it on the month calendar, imports a sheet with bad rows, and the overview lists what comes next', async () => {
    const text = localeResources[language];
    const e = text.registers.promotionEvents;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-promotion-'));
    await mkdir(screenshots, { recursive: true });
    const harness = await openHarness({ dataDir, systemLocale: locale, viewport: { width: 1700, height: 1000 } });
    const app = new WorkbenchPage(harness.page);
    const ui = new PolicyPage(harness.page, language);
    await app.waitForTab(text.tabs.overview);
    await app.tab(tab).click();
    const panel = await ui.openSection(e.title);
    await panel.getByText(text.registers.common.empty).waitFor();

    // A three-day forum late in this month (or today's day onwards near the month's end).
    const today = localToday(new Date());
    const start = Number(today.slice(8)) > 25 ? today : dayThisMonth(26);
    const end = start === today ? start : dayThisMonth(28);
    await panel.getByRole('button', { name: e.new }).click();
    await ui.fill(e.fields.name, name);
    await ui.setDate(e.fields.startDate, start);
    await ui.setDate(e.fields.endDate, end);
    await ui.fill(e.fields.city, city);
    await ui.fill(e.fields.budget, '800000');
    // A budget without a currency is refused, and what was typed stays.
    await ui.drawer.getByLabel(e.fields.name, { exact: true }).press('Enter');
    await ui.drawer.getByText(text.validation.currencyNeeded).waitFor();
    expect(await ui.drawer.getByLabel(e.fields.name, { exact: true }).inputValue()).toBe(name);
    await ui.chooseOne(e.fields.currency, text.registers.currency.HKD);
    await ui.drawer.getByLabel(e.fields.name, { exact: true }).press('Enter');
    await ui.drawer.waitFor({ state: 'hidden' });
    await ui.row(name).waitFor();

    const calendar = panel.getByRole('region', { name: e.calendar });
    await calendar.locator(`td[data-date="${start}"]`).getByRole('button', { name }).waitFor();
    await calendar.locator(`td[data-date="${end}"]`).getByRole('button', { name }).waitFor();

    // A sheet as the sub-group keeps it: a title line, good rows, and bad ones.
    const year = Number(today.slice(0, 4)) + 1;
    const file = path.join(dataDir, '..', `${Date.now()}-events.csv`);
    await writeFile(
      file,
      '\uFEFF' +
        [
          '聯合推廣活動一覽',
          '活動名稱,類型,開始日期,結束日期,城市,場地,牽頭方,預算,貨幣,狀態,出席人數',
          `大灣區創科路演,路演,${year}-03-10,${year}-03-12,新加坡,濱海灣金沙會議中心,香港,"HK$1,200,000",,已確定,`,
          `河套国际人才交流会,论坛,${year}/4/8,,深圳,深圳会展中心,深圳,50万元,人民币,计划中,`,
          `日期顛倒的展覽,展覽,${year}-05-02,${year}-05-01,香港,,聯合,,,計劃中,`,
          `未知類型,派對,${year}-06-01,,香港,,聯合,,,計劃中,`,
          `出席人數有誤,論壇,${year}-07-01,,香港,,聯合,,,已舉行,約三百`,
        ].join('\r\n'),
    );
    harness.dialogs.answerNextOpen(file);
    await panel.getByRole('button', { name: text.registers.common.import }).click();
    await ui.modal.getByText(text.registers.import.summary.replace('{{total}}', '5').replace('{{importable}}', '2').replace('{{invalid}}', '3').replace('{{duplicates}}', '0')).waitFor();
    await ui.modal.getByText(text.validation.endBeforeStart).waitFor();
    await ui.modal.getByText(text.validation.choice).waitFor();
    await ui.modal.getByText(text.validation.number).waitFor();
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `promotion-import-preview-${language}.png`) });
    await ui.modal.getByRole('button', { name: text.registers.import.accept.replace('{{count}}', '2') }).click();
    await ui.modal.waitFor({ state: 'hidden' });
    await ui.row('大灣區創科路演').waitFor();
    await ui.row('河套国际人才交流会').waitFor();
    await ui.settled();
    await ui.page.screenshot({ path: path.join(screenshots, `promotion-events-${language}.png`) });

    // The calendar moves to next March and shows the roadshow there.
    const months = (year - Number(today.slice(0, 4))) * 12 + 3 - Number(today.slice(5, 7));
    for (let i = 0; i < months; i++) await calendar.getByRole('button', { name: e.nextMonth }).click();
    await calendar.locator(`td[data-date="${year}-03-11"]`).getByRole('button', { name: '大灣區創科路演' }).waitFor();

    await app.tab(text.tabs.overview).click();
    const overview = harness.page.getByTestId('policy-overview');
    await overview.getByText(name, { exact: false }).waitFor();
    await overview.getByText('大灣區創科路演', { exact: false }).waitFor();
  });
});
