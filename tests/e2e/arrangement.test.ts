import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { libreOffice, pagesToPng, pdfText } from '../electron/exports/readers';
import { useHarness } from './harness/useHarness';
import { lookFolder } from '../support/lookFolder';
import { ActionsPage } from './pages/actionsPage';
import { ArrangementPage, buttonName } from './pages/arrangementPage';
import { WorkbenchPage } from './pages/workbenchPage';

const openHarness = useHarness();

const cases: Array<{
  language: Language;
  locale: string;
  subGroupTab: string;
  clause: string;
  heading: string;
  action: string;
  note: string;
  annexHant: string;
  annexHans: string;
  wording: string;
  /** The report's title and the clause as they read in each exported script. */
  read: { hant: string[]; hans: string[] };
}> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    subGroupTab: '聯合政策',
    clause: '第二條（三）1',
    heading: '第二條（三）1\u3000支持科研',
    action: '研究建立港深聯合資助項目庫',
    note: '雙方已議定項目庫的資料欄位。',
    annexHant: '關於聯合資助項目庫的補充安排',
    annexHans: '关于联合资助项目库的补充安排',
    wording: '項目庫框架已議定，下一期開始試行。',
    read: {
      hant: ['實施進度報告', '第二條（三）1', '項目庫框架已議定，下一期開始試行。', '雙方已議定項目庫的資料欄位。', '研究建立港深聯合資助項目庫', '附件一'],
      hans: ['实施进度报告', '第二条（三）1', '项目库框架已议定，下一期开始试行。', '双方已议定项目库的资料栏位。', '研究建立港深联合资助项目库'],
    },
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    subGroupTab: '联合政策',
    clause: '第二条（三）1',
    heading: '第二条（三）1\u3000支持科研',
    action: '研究建立港深联合资助项目库',
    note: '双方已议定项目库的数据字段。',
    annexHant: '關於聯合資助項目庫的補充安排',
    annexHans: '关于联合资助项目库的补充安排',
    wording: '项目库框架已议定，下一期开始试行。',
    read: {
      hant: ['實施進度報告', '第二條（三）1', '項目庫框架已議定，下一期開始試行。', '研究建立港深聯合資助項目庫', '附件一'],
      hans: ['实施进度报告', '第二条（三）1', '项目库框架已议定，下一期开始试行。', '双方已议定项目库的数据字段。', '研究建立港深联合资助项目库'],
    },
  },
];

const flat = (text: string) => text.replace(/\s+/g, '');

describe.each(cases)('the arrangement in $language', (c) => {
  it('links an action to a clause, notes progress, adds an annex amending it, and exports the period report as DOCX and PDF', async () => {
    const text = localeResources[c.language];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-arrangement-'));
    const out = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-report-'));
    const LOOK = await lookFolder('arrangement');
    const harness = await openHarness({ dataDir, systemLocale: c.locale });
    const app = new WorkbenchPage(harness.page);
    const actions = new ActionsPage(harness.page, c.language);
    const arrangement = new ArrangementPage(harness.page, c.language);
    const page = harness.page;
    await app.waitForTab(text.tabs.overview);

    // An action in the Joint Policy sub-group, citing 第二條（三）1, overdue since January.
    await app.tab(c.subGroupTab).click();
    await actions.startNew();
    await actions.fill(text.actions.name, c.action);
    // The action form's clause list searches by clause id, so the clause is picked from the list.
    await arrangement.choose(text.actions.clauses, c.clause, false);
    await actions.setDueDate(`${new Date().getFullYear()}-01-15`);
    await actions.saveWithEnter();
    const row = actions.row(c.action);
    await row.waitFor();
    await actions.drawer.locator('.ant-drawer-close').click();
    await actions.drawer.waitFor({ state: 'hidden' });

    // Its clause reference opens the arrangement at that clause, where the action is listed.
    await row.getByRole('link', { name: text.arrangement.openClause.replace('{{clause}}', c.clause) }).click();
    const clause = arrangement.clause(c.heading);
    await clause.waitFor();
    await clause.getByRole('cell', { name: c.action }).waitFor();
    await arrangement.addNote(c.note);
    await app.screenshot(path.join(LOOK, `clause-${c.language}.png`));

    // An annex amending the clause, with its signed text and two draft versions.
    await arrangement.section(text.arrangement.annexesTab).click();
    await page.getByRole('button', { name: text.arrangement.annex.new }).click();
    await arrangement.drawer.getByLabel(text.arrangement.annex.titleHant, { exact: true }).fill(c.annexHant);
    await arrangement.drawer.getByLabel(text.arrangement.annex.titleHans, { exact: true }).fill(c.annexHans);
    await arrangement.choose(`${text.arrangement.annex.clauses}（${text.arrangement.relation.amends}）`, c.clause);
    await arrangement.drawer.getByLabel(text.arrangement.annex.titleHant, { exact: true }).press('Enter');
    const attach = arrangement.drawer.getByRole('button', { name: text.arrangement.annex.attachSigned });
    await attach.waitFor();
    const signed = path.join(out, 'signed.pdf');
    await writeFile(signed, '%PDF-1.4\n%signed annex\n');
    harness.dialogs.answerNextOpen(signed);
    await attach.click();
    await arrangement.drawer.getByText('signed.pdf', { exact: false }).waitFor();
    for (const [note, draft] of [['港方初稿', '第一稿文字'], ['深方修訂意見', '第二稿文字']] as const) {
      await arrangement.drawer.getByLabel(text.arrangement.annex.draftNote, { exact: true }).fill(note);
      await arrangement.drawer.getByLabel(text.arrangement.annex.draftText, { exact: true }).fill(draft);
      await arrangement.drawer.getByRole('button', { name: text.arrangement.annex.addDraft, exact: true }).click();
      await arrangement.drawer.getByText(note, { exact: false }).waitFor();
    }
    await arrangement.drawer.getByText(text.arrangement.annex.version.replace('{{version}}', '2'), { exact: false }).waitFor();
    await expect(arrangement.drawer.getByText(text.arrangement.annex.version.replace('{{version}}', '1'), { exact: false }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');

    // The clause now says which annex amends it.
    await arrangement.section(text.arrangement.clausesTab).click();
    await clause.getByText(text.arrangement.amendedBy).waitFor();
    await clause.getByText('附件一', { exact: false }).first().waitFor();

    // The report for this year so far, with the officials' wording for the clause, saved as a draft.
    await arrangement.section(text.arrangement.reportTab).click();
    await page.getByRole('button', { name: buttonName(text.arrangement.report.prepare) }).click();
    const wording = page.getByLabel(`${c.clause} ${text.arrangement.report.wording}`, { exact: true });
    await wording.fill(c.wording);
    await page.getByRole('button', { name: buttonName(text.arrangement.report.saveDraft) }).click();
    await page.getByRole('button', { name: text.arrangement.report.export }).waitFor();
    await app.screenshot(path.join(LOOK, `report-${c.language}.png`));

    harness.dialogs.answerNextSave(path.join(out, 'report.docx'));
    const docx = await arrangement.export(text.exports.ui.formats.docx, text.exports.ui.scripts.both);
    expect(docx).toHaveLength(2);
    harness.dialogs.answerNextSave(path.join(out, 'report.pdf'));
    const [pdf] = await arrangement.export(text.exports.ui.formats.pdf, c.language === 'zh-Hans' ? text.exports.ui.scripts.hans : text.exports.ui.scripts.hant);

    // Read back: the DOCX through LibreOffice, the PDF through pdftotext.
    const converted = await libreOffice(docx.map((f) => path.join(out, f)), 'pdf');
    const [hantPdf, hansPdf] = docx.map((f) => converted.get(f.replace(/\.docx$/, '.pdf'))!);
    const hant = flat(await pdfText(hantPdf!));
    const hans = flat(await pdfText(hansPdf!));
    for (const phrase of c.read.hant) expect(hant).toContain(flat(phrase));
    for (const phrase of c.read.hans) expect(hans).toContain(flat(phrase));
    const own = flat(await pdfText(path.join(out, pdf!)));
    for (const phrase of c.language === 'zh-Hans' ? c.read.hans : c.read.hant) expect(own).toContain(flat(phrase));
    await pagesToPng(path.join(out, pdf!), path.join(LOOK, `report-pdf-${c.language}`), 2);
    await pagesToPng(hantPdf!, path.join(LOOK, `report-docx-hant-${c.language}`), 1);
  });
});
