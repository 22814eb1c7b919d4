import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localToday } from '../../shared/actions/dueDates';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { toHans, toHant } from '../../shared/script/convert';
import { useHarness } from './harness/useHarness';
import { lookFolder } from '../support/lookFolder';
import { ExportsPage } from './pages/exportsPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { unwrap } from '../../shared/ipc/errors';

const run = promisify(execFile);
const openHarness = useHarness();

// Three actions mention 數據 (one typed in 简体, one hostile); the fourth does not and must stay out.
const typedInHant = '研究跨境數據流通的安全安排';
const typedInHans = '推进港深联合资助项目库的数据共享';
const hostile = `=cmd|'/c calc'!A1 數據<script>alert(1)</script>`;
const left = '協調香港科技園深圳分園的租賃安排';

const cases: Array<{ language: Language; locale: string; tab: string; search: string; pair: { hant: string; hans: string }; picked: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK', tab: '聯合政策', search: '數據', pair: { hant: '聯合政策專組_跟進事項', hans: '联合政策专组_跟进事项' }, picked: '聯合政策專組' },
  { language: 'zh-Hans', locale: 'zh-CN', tab: '联合政策', search: '数据', pair: { hant: '聯合政策專組_跟進事項', hans: '联合政策专组_跟进事项' }, picked: '联合政策专组' },
];

/** Each sheet row (after the header, before the footer) as its reference and title. */
async function sheetRows(file: string): Promise<Array<{ reference: string; title: string; titleType: ExcelJS.ValueType }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const rows: Array<{ reference: string; title: string; titleType: ExcelJS.ValueType }> = [];
  sheet.eachRow((row, n) => {
    const reference = String(row.getCell(1).value ?? '');
    if (n > 1 && /^JP-\d{4}-\d{3}$/.test(reference)) rows.push({ reference, title: String(row.getCell(2).value), titleType: row.getCell(2).type });
  });
  return rows;
}

describe.each(cases)('exports in Chromium, $language', ({ language, locale, tab, search, pair, picked }) => {
  it('exports the filtered actions as a pair of workbooks in each script, and the progress report as a PDF, then opens the folder', async () => {
    const text = localeResources[language];
    const script = language === 'zh-Hans' ? 'hans' : 'hant';
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-exports-'));
    const out = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-exports-out-'));
    const look = await lookFolder('exports-ui');
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const exports = new ExportsPage(harness.page, language);
    await app.waitForTab(text.tabs.overview);

    const jp = (await unwrap(harness.api.subGroups.list())).find((s) => s.code === 'JP')!;
    for (const title of [typedInHant, typedInHans, hostile, left]) {
      await unwrap(
        harness.api.actions.create({
          subGroupId: jp.id,
          fields: { title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: '2099-12-31', priority: 'normal', clauses: [] },
        }),
      );
    }

    // The list filtered by a search in the reader's script: it finds the action typed in the other one too.
    await app.tab(tab).click();
    const list = harness.page.getByRole('region', { name: text.actions.title });
    const searchBox = list.getByLabel(text.actions.filterText, { exact: true });
    await searchBox.fill(search);
    await searchBox.press('Enter');
    await expect.poll(() => list.locator('.ant-table-row').count(), { timeout: 20_000 }).toBe(3);

    const today = localToday(new Date());
    const dialog = await exports.open(list, text.exports.ui.button, 'actions');
    await dialog.getByText(text.exports.ui.rows.replace('{{count}}', '3')).waitFor();
    await exports.choose(dialog, text.exports.ui.scripts.both);
    await harness.page.screenshot({ path: path.join(look, `dialog-${language}.png`), animations: 'disabled' });
    harness.dialogs.answerNextSave(path.join(out, `${picked}_${text.exports.doc.fileActions}_${today}.xlsx`));
    await exports.exportAnyway(dialog, 2);
    await dialog.getByText(text.exports.ui.savedIn.replace('{{folder}}', out)).waitFor();
    await harness.page.screenshot({ path: path.join(look, `dialog-done-${language}.png`) });
    // The save dialog offered the name in the reader's script, with no edition for a pair.
    expect(harness.dialogs.saved[0]).toBe(`${picked}_${text.exports.doc.fileActions}_${today}.xlsx`);

    const files = { hant: `${pair.hant}_${today}（繁體版）.xlsx`, hans: `${pair.hans}_${today}（简体版）.xlsx` };
    expect((await readdir(out)).sort()).toEqual([files.hant, files.hans].sort());
    for (const [version, convert] of [['hant', toHant], ['hans', toHans]] as const) {
      const rows = await sheetRows(path.join(out, files[version]));
      const titles = rows.map((r) => r.title);
      expect(rows.map((r) => r.reference)).toEqual(['JP-', 'JP-', 'JP-'].map((p, i) => `${p}${new Date().getFullYear()}-00${i + 1}`));
      expect(titles.slice(0, 2)).toEqual([await convert(typedInHant), await convert(typedInHans)]);
      // The formula stays inert text, the markup stays characters.
      expect(rows[2]!.titleType).toBe(ExcelJS.ValueType.String);
      expect(titles[2]).toContain(`=cmd|'/c calc'!A1`);
      expect(titles[2]).toContain('<script>alert(1)</script>');
      expect(titles.join()).not.toContain(left.slice(0, 4));
    }

    await exports.footerButton(dialog, text.exports.ui.openFolder).click();
    await expect.poll(() => harness!.openedFolders).toEqual([out]);
    await exports.footerButton(dialog, text.exports.ui.close).click();
    await dialog.waitFor({ state: 'hidden' });

    // The sub-group's progress report, as a PDF in the reader's script; the folder is offered again.
    const report = await exports.open(harness.page, text.exports.ui.what.report, 'report');
    await exports.choose(report, text.exports.ui.formats.pdf);
    await harness.page.screenshot({ path: path.join(look, `report-dialog-${language}.png`), animations: 'disabled' });
    const pdf = path.join(out, `${picked}_${text.exports.doc.fileReport}_${today}（${text.exports.doc.edition}）.pdf`);
    harness.dialogs.answerNextSave(pdf);
    await exports.exportAnyway(report, 1);
    // Suggested in the folder of the workbooks, under the reader's script's name.
    expect(harness.dialogs.saved.at(-1)).toBe(pdf);

    const pdfText = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/[ \t]+/g, '');
    const other = script === 'hant' ? toHans : toHant;
    const own = script === 'hant' ? toHant : toHans;
    expect(pdfText).toContain(text.exports.doc.report.summary);
    expect(pdfText).toContain(await own(typedInHans));
    expect(pdfText).toContain(await own(typedInHant));
    expect(pdfText).not.toContain(await other(typedInHant));
    // All four actions of the sub-group, in reference order.
    const year = new Date().getFullYear();
    const positions = [1, 2, 3, 4].map((i) => pdfText.indexOf(`JP-${year}-00${i}`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(look, `report-${language}`)]);
  });
});
