import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry } from '../../../electron/documents/docx/zipEntry';
import type { ExportDone, ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import type { Meeting } from '../../../shared/model/meeting';
import type { SubGroup } from '../../../shared/model/subGroup';
import { lookFolder } from '../../support/lookFolder';
import { pageTexts } from '../../support/pdfInspect';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { appFrame, openTestBackend, type TestBackend } from '../../support/testBackend';
import { pagesToPng } from './readers';
import { formatDateTime } from '../../../shared/i18n/formatDate';
import { noFilter } from '../../../shared/actions/filters';

/*
 * A restricted meeting and the follow-up actions, exported as a person would: every page of a PDF,
 * the Word file's header and footer and the workbook's printed header and properties say how the
 * document is classified, in the file's script with the English word beside it.
 */

let app: TestBackend;
let out: string;
let meeting: Meeting;
let jp: SubGroup;
const pdf = new PlaywrightPdfRenderer();

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.backend.dispatch(channel, input, appFrame)) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code}`);
  return result.value as T;
}

async function exportTo(request: ExportRequest, fileName: string): Promise<string[]> {
  app.dialogs.answerNextSave(path.join(out, fileName));
  const plan = await value<ExportPlan>('exports.prepare', request);
  const done = await value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
  return done.files.map((f) => path.join(done.folder, f));
}

beforeAll(async () => {
  app = await openTestBackend({ pdfRenderer: pdf });
  out = await mkdtemp(path.join(tmpdir(), 'hetao-classified-'));
  [, jp] = (await value<SubGroup[]>('subGroups.list')) as [SubGroup, SubGroup];
  meeting = await value<Meeting>('meetings.create', {
    subGroupId: jp.id,
    fields: { title: '跨境數據流通安排', date: '2026-11-30', startTime: '14:30', endTime: '16:00', venue: 'SZ', venueDetail: '深圳園區會議室', classification: 'restricted', attendance: [] },
    standardItems: [],
  });
  await value('actions.create', { subGroupId: jp.id, fields: { title: '研究數據流通的保安安排', description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] } });
}, 120_000);

afterAll(async () => {
  await app.backend.close();
  await pdf.close();
  await rm(out, { recursive: true, force: true });
});

describe('a classified document says so on every page', () => {
  it('prints the banner at the top and the bottom of every PDF page, in each file’s script', async () => {
    const [hant, hans] = await exportTo({ target: { kind: 'meeting', meetingId: meeting.id }, format: 'pdf', scripts: 'both' }, '會議.pdf');
    for (const [file, banner] of [
      [hant!, '限閱文件 RESTRICTED'],
      [hans!, '限阅文件 RESTRICTED'],
    ] as const) {
      const pages = await pageTexts(file);
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(page.split(banner).length - 1).toBe(2);
    }
    await pagesToPng(hant!, path.join(await lookFolder('exports'), 'classified-meeting-zh-Hant'));
  }, 120_000);

  it('made for one person, a classified PDF carries their name and the time across every page, in its script; an unclassified one none', async () => {
    const contact = await value<{ id: string }>('contacts.create', { name: '陳大文', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] });
    const actions = { kind: 'actions', subGroupId: jp.id, filter: noFilter, text: '', includeLog: false } as const;
    const [hant, hans] = await exportTo({ target: { kind: 'meeting', meetingId: meeting.id }, format: 'pdf', scripts: 'both', watermarkFor: contact.id }, '水印.pdf');
    for (const [file, name, language] of [
      [hant!, '陳大文', 'zh-Hant'],
      [hans!, '陈大文', 'zh-Hans'],
    ] as const) {
      // Drawn last on each page (pdftotext -raw keeps the drawing order, so the turned lines stay whole).
      const time = formatDateTime(new Date().toISOString(), language).replace(/\s/g, '').slice(0, 10);
      for (const page of await pageTexts(file, 'raw')) expect(page.replace(/[ \t]/g, '')).toMatch(new RegExp(`${name}\n${time}`));
    }
    await pagesToPng(hant!, path.join(await lookFolder('exports'), 'watermarked-meeting-zh-Hant'));
    // Unclassified actions: asked for a watermark, they get none (it marks only what is restricted).
    const [plain] = await exportTo({ target: actions, format: 'pdf', scripts: 'hant', classification: null, watermarkFor: contact.id }, '跟進.pdf');
    expect((await pageTexts(plain!, 'raw')).join('')).not.toContain('陳大文');
  }, 120_000);

  it('never marks a meeting below its own classification, and marks it higher when asked', async () => {
    const [asked] = await exportTo({ target: { kind: 'meeting', meetingId: meeting.id }, format: 'pdf', scripts: 'hans', classification: 'confidential' }, '機密.pdf');
    expect((await pageTexts(asked!)).every((page) => page.includes('机密文件 CONFIDENTIAL') && !page.includes('RESTRICTED'))).toBe(true);
    const [unmarked] = await exportTo({ target: { kind: 'meeting', meetingId: meeting.id }, format: 'docx', scripts: 'hant', classification: null }, '會議.docx');
    const docx = new Uint8Array(await readFile(unmarked!));
    const header = readZipEntry(docx, 'word/header1.xml')?.toString('utf8') ?? '';
    const footer = readZipEntry(docx, 'word/footer1.xml')?.toString('utf8') ?? '';
    expect(header).toContain('限閱文件 RESTRICTED');
    expect(footer).toContain('限閱文件 RESTRICTED');
    expect(readZipEntry(docx, 'docProps/core.xml')?.toString('utf8')).toContain('<cp:keywords>限閱文件 RESTRICTED</cp:keywords>');
  }, 120_000);

  it('puts it in a workbook’s printed header and footer and its properties, and leaves unclassified exports plain', async () => {
    const actions = (classification: ExportRequest['classification']): ExportRequest => ({
      target: { kind: 'actions', subGroupId: jp.id, filter: { statuses: [], sides: [], officerId: null, clause: null, due: 'any', showDeleted: false }, text: '', includeLog: false },
      format: 'xlsx',
      scripts: 'hans',
      classification,
    });
    const [marked] = await exportTo(actions('confidential'), '事項.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(marked!);
    expect(workbook.subject).toBe('机密文件 CONFIDENTIAL');
    expect(workbook.keywords).toBe('机密文件 CONFIDENTIAL');
    // exceljs does not read headers back; Excel and LibreOffice take them from the sheet's XML.
    const sheetXml = readZipEntry(new Uint8Array(await readFile(marked!)), 'xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(sheetXml).toContain('<oddHeader>&amp;C&amp;B&amp;KAA0000机密文件 CONFIDENTIAL</oddHeader>');
    expect(sheetXml).toContain('<oddFooter>&amp;C&amp;B&amp;KAA0000机密文件 CONFIDENTIAL</oddFooter>');

    const [plain] = await exportTo(actions(undefined), '事項（一般）.xlsx');
    const unmarked = new ExcelJS.Workbook();
    await unmarked.xlsx.readFile(plain!);
    expect(unmarked.subject ?? '').toBe('');
    expect(readZipEntry(new Uint8Array(await readFile(plain!)), 'xl/worksheets/sheet1.xml')?.toString('utf8')).not.toContain('oddHeader');
  }, 120_000);
});
