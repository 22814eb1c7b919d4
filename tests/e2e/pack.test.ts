import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/model/language';
import { createPackMeeting } from '../support/packMeeting';
import { lookFolder } from '../support/lookFolder';
import { bookmarks, pageTexts } from '../support/pdfInspect';
import { openTestBackend, appFrame } from '../support/testBackend';
import { useHarness } from './harness/useHarness';
import { PackPage } from './pages/packPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { buttonName, fill } from './pages/scriptedPage';

const run = promisify(execFile);
const openHarness = useHarness();

/**
 * A data folder with the pack fixture's two meetings, set up through the same backend the app uses
 * (closed again before the app opens it), and a folder for the files the test writes.
 */
async function seedMeetings(locale: string): Promise<{ dataDir: string; out: string; markers: string[] }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-pack-'));
  const out = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-pack-files-'));
  const seed = await openTestBackend({ dataDir, systemLocale: locale });
  const call = async <T,>(channel: string, input?: unknown): Promise<T> => {
    const result = await seed.backend.dispatch(channel, input, appFrame);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value as T;
  };
  const { markers } = await createPackMeeting(call, seed.dialogs, out);
  await seed.backend.close();
  return { dataDir, out, markers };
}

/** A DOCX file's text: its main part with the markup taken out. */
async function docxText(file: string): Promise<string> {
  const { stdout } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(/<[^>]+>/g, '');
}

const cases: Array<{
  language: Language;
  locale: string;
  tab: string;
  meeting: string;
  firstMeeting: string;
  hantName: string;
  hansName: string;
}> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    tab: '香港科學園落戶深圳',
    meeting: '第2次會議',
    firstMeeting: '第1次會議',
    hantName: '「香港科學園落戶深圳」專組第2次會議會議文件包（繁體版）.pdf',
    hansName: '“香港科学园落户深圳”专组第2次会议会议文件包（简体版）.pdf',
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    tab: '香港科学园落户深圳',
    meeting: '第2次会议',
    firstMeeting: '第1次会议',
    hantName: '「香港科學園落戶深圳」專組第2次會議會議文件包（繁體版）.pdf',
    hansName: '“香港科学园落户深圳”专组第2次会议会议文件包（简体版）.pdf',
  },
];

describe.each(cases)('meeting pack in $language', ({ language, locale, tab, meeting: meetingLabel, firstMeeting, hantName, hansName }) => {
  it('builds both versions of a pack for a meeting with four items and three papers, previews and prints it', async () => {
    const shots = await lookFolder('pack');
    // The meeting is set up through the backend; the pack is built on screen.
    const { dataDir, out: files, markers } = await seedMeetings(locale);

    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const pack = new PackPage(harness.page, language);
    await app.waitForTab(tab);
    await app.tab(tab).click();
    await pack.open(meetingLabel);

    // The save dialog offers the pack's name in the chosen version first; the other goes beside it.
    harness.dialogs.answerNextSave(path.join(files, hantName));
    await pack.build('scriptBoth');
    // The meeting is restricted: with no recipients chosen, the pack is the secretariat's unnumbered file copy.
    await pack.confirmFileCopy();
    await pack.dialog.getByRole('status').waitFor();
    const saved = await pack.saved();
    expect(saved).toContain(hantName);
    expect(saved).toContain(hansName);
    expect(harness.dialogs.saved.at(-1)).toBe(hantName);
    await harness.page.screenshot({ path: path.join(shots, `dialog-${language}.png`) });

    for (const [name, hant] of [[hantName, true], [hansName, false]] as const) {
      const file = path.join(files, name);
      const texts = await pageTexts(file);
      expect(texts.length).toBe(6 + 3 + 9);
      texts.forEach((text, i) => expect(text).toContain(hant ? `第 ${i + 1} 頁，共 18 頁` : `第 ${i + 1} 页，共 18 页`));
      const marks = await bookmarks(new Uint8Array(await readFile(file)));
      expect(marks).toHaveLength(7);
      expect(marks.at(-1)!.children).toHaveLength(3);
      for (const [i, child] of marks.at(-1)!.children.entries()) {
        expect(texts[child.page - 1]).toContain(markers[i]!);
        expect(texts[child.page]).toContain(`${markers[i]} page 1`);
      }
      await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, path.join(shots, `${language}-${hant ? 'hant' : 'hans'}`)]);
    }

    // The print preview shows the generated parts; Print goes to the system dialog (recorded here).
    const versionLabel = pack.text.pack[language === 'zh-Hans' ? 'scriptHans' : 'scriptHant'];
    await pack.dialog.getByRole('button', { name: pack.text.pack.previewOf.replace('{{version}}', versionLabel) }).click();
    const frame = pack.preview.locator('iframe').first();
    await frame.waitFor();
    await expect.poll(() => pack.preview.locator('iframe').count()).toBe(7);
    await expect
      .poll(() => frame.contentFrame().locator('body').innerText())
      .toContain(language === 'zh-Hans' ? '香港特别行政区政府' : '香港特別行政區政府');
    await harness.page.screenshot({ path: path.join(shots, `preview-${language}.png`) });
    await harness.page.keyboard.press('Escape');
    await pack.preview.waitFor({ state: 'hidden' });
    await pack.dialog.getByRole('button', { name: pack.text.pack.printOf.replace('{{version}}', versionLabel) }).click();
    await pack.dialog.getByText(pack.text.pack.printSent).waitFor();
    expect(harness.printer.printed).toEqual([path.join(files, language === 'zh-Hans' ? hansName : hantName)]);
  }, 180_000);

  it('issues the restricted pack as numbered copies, prints one, records returns on the distribution list, and the overview counts copies still out', async () => {
    const shots = await lookFolder('pack');
    const { dataDir, out: files } = await seedMeetings(locale);
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const pack = new PackPage(harness.page, language);
    const text = pack.text.pack;
    await app.waitForTab(tab);
    await app.tab(tab).click();
    await pack.open(meetingLabel);

    const reader = language === 'zh-Hans' ? 'hans' : 'hant';
    const [chan, lee] = reader === 'hans' ? ['陈大文', '李明'] : ['陳大文', '李明'];
    await pack.chooseRecipients(['陳大文', '李明']);
    harness.dialogs.answerNextSave(path.join(files, 'copy.pdf'));
    await pack.build(reader === 'hans' ? 'scriptHans' : 'scriptHant');
    await pack.saved();
    const version = text[reader === 'hans' ? 'scriptHans' : 'scriptHant'];
    const line = (number: number, name: string) => fill(text.copies.line, { number, total: 2, name, version });
    await expect.poll(() => pack.copies.allInnerTexts()).toEqual([expect.stringContaining(line(1, chan)), expect.stringContaining(line(2, lee))]);
    await harness.page.screenshot({ path: path.join(shots, `copies-${language}.png`) });

    // Each copy is printed on its own; the copy's file goes to the printer.
    await pack.copies.nth(1).getByRole('button', { name: fill(text.copies.print, { number: 2, version }) }).click();
    await pack.dialog.getByText(text.printSent).waitFor();
    expect(harness.printer.printed).toHaveLength(1);
    const printedPages = await pageTexts(harness.printer.printed[0]!);
    for (const page of printedPages) expect(page).toContain(`副本 2／2 · 收件人 ${lee}`);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '4', '-l', '4', harness.printer.printed[0]!, path.join(shots, `copy-${language}`)]);
    await pack.dialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(text.close) }).click();
    await pack.dialog.waitFor({ state: 'hidden' });

    // The meeting's distribution list: who holds which copy, and how it went out.
    const drawer = harness.page.locator('.ant-drawer-content-wrapper:visible');
    await drawer.getByRole('tab', { name: text.distribution.tab, exact: true }).click();
    const rows = drawer.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(1).innerText()).toContain(text.distribution.meansValue.printed);
    await expect.poll(() => rows.nth(0).innerText()).toContain(text.distribution.stateValue.out);
    await expect.poll(() => drawer.innerText()).toContain(fill(text.distribution.outCount, { count: 2 }));

    // Copy 1 comes back, confirmed by a colleague.
    // The list names the recipient as the contacts do (陳大文 as entered), the copy as printed.
    await rows.nth(0).getByRole('button', { name: fill(text.distribution.settleCopy, { action: text.distribution.settle, number: 1, name: '陳大文' }) }).click();
    const settle = harness.page.getByRole('dialog', { name: fill(text.distribution.settleTitle, { number: 1, total: 2, name: '陳大文' }) });
    await settle.waitFor();
    await settle.getByRole('combobox', { name: text.distribution.confirmedBy }).fill('黃美玲');
    await harness.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await harness.page.screenshot({ path: path.join(shots, `settle-${language}.png`) });
    await settle.getByRole('button', { name: text.distribution.save }).click();
    await settle.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.nth(0).innerText()).toContain(text.distribution.stateValue.returned);
    await expect.poll(() => drawer.innerText()).toContain(fill(text.distribution.outCount, { count: 1 }));
    await harness.page.screenshot({ path: path.join(shots, `distribution-${language}.png`) });

    // The meeting was held on 30 November: the overview counts the copy still out.
    await harness.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await app.tab(pack.text.tabs.overview).click();
    const card = harness.page.getByTestId('outstanding-copies');
    await expect.poll(() => card.innerText()).toContain(fill(text.outstanding.title, { count: 1 }));
    await expect.poll(() => card.innerText()).toContain(meetingLabel);
  }, 180_000);

  it("exports a meeting's agenda, attendance and minutes from its screen: DOCX in both scripts, PDF in the reader's", async () => {
    const shots = await lookFolder('pack');
    const { dataDir, out } = await seedMeetings(locale);
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const pack = new PackPage(harness.page, language);
    const ui = pack.text.exports.ui;
    await app.waitForTab(tab);
    await app.tab(tab).click();
    // The first meeting has the minutes, a decision and an action arising.
    await pack.openMeeting(firstMeeting);

    harness.dialogs.answerNextSave(path.join(out, 'minutes.docx'));
    await pack.chooseExport(ui.formats.docx, ui.scripts.both);
    await harness.page.screenshot({ path: path.join(shots, `export-dialog-${language}.png`) });
    const docx = await pack.export();
    expect(docx).toHaveLength(2);
    await harness.page.screenshot({ path: path.join(shots, `export-done-${language}.png`) });
    await pack.closeExport();

    const texts = await Promise.all(docx.map((name) => docxText(path.join(out, name))));
    const hant = texts.find((text) => text.includes('深圳園區物業租賃安排'))!;
    const hans = texts.find((text) => text.includes('深圳园区物业租赁安排'))!;
    expect(hant).toBeDefined();
    expect(hans).toBeDefined();
    for (const phrase of ['與會者備悉首批物業的租賃安排。', '秘書處於下次會議前提交租約條款。', '提交租約條款']) expect(hant).toContain(phrase);
    for (const phrase of ['与会者备悉首批物业的租赁安排。', '秘书处于下次会议前提交租约条款。', '提交租约条款']) expect(hans).toContain(phrase);
    expect(hans).not.toMatch(/園區|會議|條款/);

    // The PDF in the reader's own script, read back with pdftotext; the meeting is restricted, and this copy is made for 黃美玲.
    harness.dialogs.answerNextSave(path.join(out, 'minutes.pdf'));
    await pack.chooseExport(ui.formats.pdf, language === 'zh-Hans' ? ui.scripts.hans : ui.scripts.hant);
    await pack.watermarkFor('黃美玲');
    const [pdf] = await pack.export();
    await pack.closeExport();
    const text = (await pageTexts(path.join(out, pdf!))).join('\n').replace(/\s+/g, '');
    expect(text).toContain(language === 'zh-Hans' ? '秘书处于下次会议前提交租约条款' : '秘書處於下次會議前提交租約條款');
    for (const page of await pageTexts(path.join(out, pdf!), 'raw')) expect(page).toContain(language === 'zh-Hans' ? '黄美玲' : '黃美玲');
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path.join(out, pdf!), path.join(shots, `export-pdf-${language}`)]);
  }, 180_000);
});
