import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDone, ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import type { Action } from '../../../shared/model/action';
import type { Contact } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import { lookFolder } from '../../support/lookFolder';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { openTestBackend, appFrame, type TestBackend } from '../../support/testBackend';
import { pdfFonts } from '../../support/pdfInspect';
import { libreOffice, pagesToPng, pdfText } from './readers';

/*
 * One backend with a small, hostile data set, exported once per format and script; the files are read
 * back with LibreOffice (one batch per format), pdftotext, pdffonts and exceljs, and the assertions
 * share them. First pages are saved as PNGs to test-results/look/exports/ for a person to look at.
 */

const NOW = new Date('2026-11-24T02:00:00Z');
const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","點我")';
const MARKUP_TITLE = '<script>alert(1)</script><b>粗體</b> 檢討資訊流通';
let LOOK: string;

let app: TestBackend;
let out: string;
const pdf = new PlaywrightPdfRenderer();
let jp: SubGroup;
const written: Record<string, string[]> = {};

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.backend.dispatch(channel, input, appFrame)) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error?.code}`), { error: result.error });
  return result.value as T;
}

const noFilter = { statuses: [], sides: [], officerId: null, clause: null, due: 'any', showDeleted: false };
const actionsOf = (subGroupId: string | null, extra: Partial<ExportRequest> = {}): ExportRequest =>
  ({ target: { kind: 'actions', subGroupId, filter: noFilter, text: '', includeLog: true }, format: 'docx', scripts: 'both', ...extra }) as ExportRequest;

/** Answers the save dialog with `fileName` in the output folder, then writes; returns the paths. */
async function exportTo(request: ExportRequest, fileName: string, replace = false): Promise<{ plan: ExportPlan; done: ExportDone; paths: string[] }> {
  app.dialogs.answerNextSave(path.join(out, fileName));
  const plan = (await value<ExportPlan>('exports.prepare', request))!;
  const done = await value<ExportDone>('exports.write', { token: plan.token, replace, taskId: randomUUID() });
  return { plan, done, paths: done.files.map((f) => path.join(done.folder, f)) };
}

async function seed(): Promise<void> {
  const subGroups = await value<SubGroup[]>('subGroups.list');
  jp = subGroups.find((s) => s.code === 'JP')!;
  const chan = await value<Contact>('contacts.create', { name: '陳大文', title: '首席助理秘書長', organisation: '創新科技及工業局', side: 'HK', email: 'chan@example.hk', phone: '+852 2345 6789', memberships: [{ subGroupId: jp.id, role: 'convenor' }] });
  const li = await value<Contact>('contacts.create', { name: '李晓明', title: '处长', organisation: '深圳市科技创新局', side: 'SZ', email: 'li@example.cn', phone: '+86 755 1234 5678', memberships: [{ subGroupId: jp.id, role: 'member' }] });
  await value<Contact>('contacts.create', { name: '@SUM(1+1)', title: '-2+3', organisation: '+evil', side: 'other', email: '', phone: '', memberships: [] });
  const fields = (title: string, extra: object = {}) => ({ title, description: '', ownerSide: 'HK', leads: [{ side: 'HK', contactId: chan.id, status: 'inProgress' }], officerIds: [], dueDate: '2026-12-31', priority: 'normal', clauses: ['2.2'], ...extra });
  const hant = await value<Action>('actions.create', { subGroupId: jp.id, fields: fields('研究跨境數據流通的資訊安全安排') });
  await value('actions.addProgress', { id: hant.id, note: '已與軟件供應商舉行會議，檢討互聯網數據流通。', status: 'inProgress', byContactId: chan.id });
  const hans = await value<Action>('actions.create', {
    subGroupId: jp.id,
    fields: fields('推进港深联合资助项目库的信息共享', { ownerSide: 'SZ', leads: [{ side: 'SZ', contactId: li.id, status: 'notStarted' }], dueDate: '2026-10-01', clauses: ['2.3.1'] }),
  });
  await value('actions.addProgress', { id: hans.id, note: '已向数字政府部门发函，待回复。', status: null, byContactId: li.id });
  await value<Action>('actions.create', { subGroupId: jp.id, fields: fields(HOSTILE_TITLE) });
  await value<Action>('actions.create', { subGroupId: jp.id, fields: fields(MARKUP_TITLE, { description: 'x'.repeat(5000) }) });
  await value<Action>('actions.create', { subGroupId: jp.id, fields: fields(`控制字元\u0007\u0001測試 ${'長'.repeat(480)}`) });
  const sp = subGroups.find((s) => s.code === 'SP')!;
  await value<Action>('actions.create', { subGroupId: sp.id, fields: fields('協調香港科技園深圳分園的租賃安排') });
}

beforeAll(async () => {
  app = await openTestBackend({ now: () => NOW, pdfRenderer: pdf });
  out = await mkdtemp(path.join(tmpdir(), 'hetao-exports-'));
  LOOK = await lookFolder('exports');
  await seed();
  written.docx = (await exportTo(actionsOf(jp.id), '聯合政策專組_跟進事項_2026-11-24.docx')).paths;
  written.xlsx = (await exportTo(actionsOf(null, { format: 'xlsx' }), '跟進事項_2026-11-24.xlsx')).paths;
  written.pdf = (await exportTo(actionsOf(jp.id, { format: 'pdf' }), '聯合政策專組_跟進事項_2026-11-24.pdf')).paths;
  written.parallel = (await exportTo(actionsOf(jp.id, { scripts: 'parallel' }), '並列.docx')).paths;
}, 240_000);

afterAll(async () => {
  await app.backend.close();
  await pdf.close();
});

describe('file names', () => {
  it('names a pair in each file’s own script', () => {
    expect(written.docx!.map((f) => path.basename(f))).toEqual([
      '聯合政策專組_跟進事項_2026-11-24（繁體版）.docx',
      '联合政策专组_跟进事项_2026-11-24（简体版）.docx',
    ]);
  });

  it('suggests the name in the save dialog, and remembers the folder for the next export', () => {
    expect(app.dialogs.saved[0]).toBe('聯合政策專組_跟進事項_2026-11-24.docx');
    expect(path.dirname(app.dialogs.saved[1]!)).toBe(out);
  });
});

describe('DOCX', () => {
  let text: Map<string, string>;
  beforeAll(async () => {
    const pdfs = await libreOffice([...written.docx!, ...written.parallel!], 'pdf');
    text = new Map();
    for (const [name, file] of pdfs) {
      // pdftotext spaces CJK from digits (2026 年 12 月); compare without spaces.
      text.set(name, (await pdfText(file)).replace(/[ \t]+/g, ''));
      await pagesToPng(file, path.join(LOOK, `lo-${name.replace(/\.pdf$/, '')}`));
    }
  }, 240_000);

  it('opens in LibreOffice with every label and the content in the file’s script', () => {
    const hant = text.get('聯合政策專組_跟進事項_2026-11-24（繁體版）.pdf')!;
    const hans = text.get('联合政策专组_跟进事项_2026-11-24（简体版）.pdf')!;
    expect(hant).toContain('跟進事項');
    expect(hant).toContain('推進港深聯合資助項目庫的資訊共享'.slice(0, 6));
    expect(hant).toContain('2026年12月31日');
    expect(hant).toMatch(/第1頁/);
    expect(hant).toContain('以简体撰寫的內容已轉換為繁體');
    expect(hans).toContain('跟进事项');
    expect(hans).toContain('研究跨境数据流通');
    expect(hans).toMatch(/第1页/);
    expect(hans).toContain('以繁体撰写的内容已转换为简体');
    expect(hans).not.toContain('跟進事項');
  });

  it('keeps hostile text as plain text', () => {
    const hant = text.get('聯合政策專組_跟進事項_2026-11-24（繁體版）.pdf')!;
    expect(hant).toContain('<script>alert(1)</script><b>粗體</b>');
    expect(hant).toContain('=HYPERLINK(');
    expect(hant).toContain('控制字元測試');
    expect(hant.includes('\u0001') || hant.includes('\u0007')).toBe(false);
  });

  it('sets the East Asian font and language on every run, real heading styles, repeated table headers and page numbers', async () => {
    const zip = await JSZip.loadAsync(await readFile(written.docx![0]!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const footer = Object.keys(zip.files).filter((n) => /word\/footer\d*\.xml/.test(n));
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs.filter((r) => r.includes('<w:t'))) {
      expect(run).toMatch(/w:eastAsia="(PMingLiU|Microsoft JhengHei)"/);
      expect(run).toMatch(/<w:lang [^>]*w:eastAsia="zh-HK"/);
    }
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toMatch(/w:styleId="Heading1"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect((await Promise.all(footer.map((f) => zip.file(f)!.async('string')))).join('')).toContain('PAGE');
    const hans = await (await JSZip.loadAsync(await readFile(written.docx![1]!))).file('word/document.xml')!.async('string');
    expect(hans).toMatch(/w:eastAsia="SimSun"/);
    expect(hans).toMatch(/w:eastAsia="zh-CN"/);
    expect(hans).not.toMatch(/w:eastAsia="(PMingLiU|zh-HK)"/);
  });

  it('lays out 繁體 and 简体 side by side in one document, each run in its own script', async () => {
    const name = [...text.keys()].find((n) => n.startsWith('並列'))!;
    const both = text.get(name)!;
    expect(both).toContain('研究跨境數據流通');
    expect(both).toContain('研究跨境数据流通');
    const xml = await (await JSZip.loadAsync(await readFile(written.parallel![0]!))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:eastAsia="zh-CN"/);
    expect(xml).toMatch(/w:eastAsia="zh-HK"/);
  });
});

describe('XLSX', () => {
  it('one sheet per sub-group, frozen header, autofilter, dates as dates, formulas never formulas', async () => {
    const [hantFile] = written.xlsx!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(hantFile!);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['香港科學園落戶深圳', '聯合政策', '進展紀錄']));
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    const sheet = workbook.getWorksheet('聯合政策')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).value).toBe('編號');
    const due = sheet.getRow(2).getCell(5);
    expect(due.value).toBeInstanceOf(Date);
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(cells).toContain(`'${HOSTILE_TITLE}`);
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });

  it('LibreOffice reads each sheet’s text in the file’s script', async () => {
    const csv = await libreOffice(written.xlsx!, 'csv');
    const all = await Promise.all([...csv.values()].map((f) => readFile(f, 'utf8')));
    const hant = all.filter((_, i) => [...csv.keys()][i]!.includes('繁體版')).join('\n');
    const hans = all.filter((_, i) => [...csv.keys()][i]!.includes('简体版')).join('\n');
    expect(hant).toContain('推進港深聯合資助項目庫');
    expect(hant).toContain('2026年12月31日');
    expect(hans).toContain('研究跨境数据流通');
    expect(hans).toContain('协调香港科技园深圳分园');
    expect(hant).not.toMatch(/^=HYPERLINK/m);
  }, 240_000);
});

describe('PDF', () => {
  it('embeds CJK fonts, writes the page label in the script, and shows markup as text', async () => {
    const [hant, hans] = written.pdf!;
    // Chromium embeds the Noto CJK (CFF) glyphs as Type 3 fonts: drawn from the PDF itself, never tofu.
    const fonts = await pdfFonts(hant!);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const text = await pdfText(hant!);
    expect(text.replace(/\s+/g, '')).toContain('第1頁');
    expect(text).toContain('2026年12月31日');
    expect(text).toContain('<script>alert(1)</script><b>粗體</b>');
    expect(text).toContain('推進港深聯合資助項目庫');
    expect((await pdfText(hans!)).replace(/\s+/g, '')).toContain('第1页');
    await pagesToPng(hant!, path.join(LOOK, 'chromium-hant'));
    await pagesToPng(hans!, path.join(LOOK, 'chromium-hans'));
  });
});

describe('writing safely', () => {
  it('asks before replacing, and replaces only when told to', async () => {
    const target = path.join(out, 'replace-me.docx');
    await writeFile(target, 'old');
    app.dialogs.answerNextSave(target);
    const plan = (await value<ExportPlan>('exports.prepare', actionsOf(jp.id, { scripts: 'hant' })))!;
    expect(plan.existing).toEqual(['replace-me.docx']);
    const refused = await app.backend.dispatch('exports.write', { token: plan.token, replace: false, taskId: randomUUID() }, appFrame);
    expect(refused).toMatchObject({ ok: false, error: { code: 'export.fileExists' } });
    expect(await readFile(target, 'utf8')).toBe('old');
    await value('exports.write', { token: plan.token, replace: true, taskId: randomUUID() });
    expect((await readFile(target)).subarray(0, 2).toString()).toBe('PK');
  });

  it('lists converted fields whose choices nobody confirmed, before writing', async () => {
    app.dialogs.answerNextSave(path.join(out, 'review.docx'));
    const plan = (await value<ExportPlan>('exports.prepare', actionsOf(jp.id)))!;
    const scripts = plan.review.map((r) => r.script);
    expect(scripts.length).toBeGreaterThan(0);
    for (const entry of plan.review) for (const field of entry.fields) expect(field.collection).toMatch(/actions|contacts/);
  });

  it('refuses formats a document is not offered in, and invalid arguments', async () => {
    expect(await app.backend.dispatch('exports.prepare', { target: { kind: 'contacts' }, format: 'docx', scripts: 'hant' }, appFrame)).toMatchObject({
      ok: false,
      error: { code: 'export.unsupported' },
    });
    expect(await app.backend.dispatch('exports.prepare', { target: { kind: 'actions' }, format: 'exe', scripts: 'x' }, appFrame)).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
  });

  it('a cancelled save dialog writes nothing', async () => {
    const before = await readdir(out);
    expect(await value('exports.prepare', actionsOf(jp.id))).toBeNull();
    expect(await readdir(out)).toEqual(before);
  });
});
