import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFilter } from '../../../shared/audit/contract';
import { noAuditFilter } from '../../../shared/audit/filter';
import type { ExportDone, ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import type { Contact } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import { lookFolder } from '../../support/lookFolder';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { appFrame, openTestBackend, type TestBackend } from '../../support/testBackend';
import { pagesToPng, pdfText } from './readers';

/*
 * The 審計紀錄 exported as the view filters it: one backend with an officer who created and edited
 * actions, exported to XLSX in both scripts and to PDF in 简体, read back with exceljs and pdftotext.
 */

const NOW = new Date('2026-12-02T02:00:00Z');
let app: TestBackend;
let out: string;
const pdf = new PlaywrightPdfRenderer();

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.backend.dispatch(channel, input, appFrame)) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error?.code}`), { error: result.error });
  return result.value as T;
}

async function exportTo(filter: AuditFilter, format: 'xlsx' | 'pdf', scripts: ExportRequest['scripts'], fileName: string): Promise<{ plan: ExportPlan; paths: string[] }> {
  app.dialogs.answerNextSave(path.join(out, fileName));
  const plan = (await value<ExportPlan>('exports.prepare', { target: { kind: 'audit', filter }, format, scripts }))!;
  const done = await value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
  return { plan, paths: done.files.map((f) => path.join(done.folder, f)) };
}

async function sheetRows(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

beforeAll(async () => {
  app = await openTestBackend({ now: () => NOW, pdfRenderer: pdf });
  out = await mkdtemp(path.join(tmpdir(), 'hetao-audit-export-'));
  const officer = await value<Contact>('contacts.create', { name: '陳大文', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] });
  await value('exchange.setUpIdentity', { side: 'HK', office: { hant: '香港秘書處', hans: '香港秘书处', en: 'Hong Kong Secretariat' }, device: 'hk', officerContactId: officer.id });
  const [subGroup] = await value<SubGroup[]>('subGroups.list');
  const fields = (title: string) => ({ title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] });
  for (const title of ['第一項', '第二項', '第三項']) await value('actions.create', { subGroupId: subGroup!.id, fields: fields(title) });
}, 120_000);

afterAll(async () => {
  await app.backend.close();
  await pdf.close();
  await rm(out, { recursive: true, force: true });
});

describe('the audit trail exported', () => {
  it('to XLSX in both scripts holds only the entries the filter keeps, newest first, labelled in each file’s script', async () => {
    const filter: AuditFilter = { ...noAuditFilter, kinds: ['record.created'] };
    const { plan, paths } = await exportTo(filter, 'xlsx', 'both', '審計紀錄_2026-12-02.xlsx');
    // The save dialog suggests the name in the UI's script; the 简体 file's name is converted from it.
    expect(app.dialogs.saved.at(-1)).toBe('審計紀錄_2026-12-02.xlsx');
    expect(paths.map((p) => path.basename(p))).toEqual(['審計紀錄_2026-12-02（繁體版）.xlsx', '审计记录_2026-12-02（简体版）.xlsx']);
    const created = (await value<{ total: number }>('audit.list', { filter, offset: 0, limit: 1000 })).total;
    expect(plan.count).toBe(created);

    const hant = await sheetRows(paths[0]!);
    expect(hant[0]).toEqual(['序號', '時間', '人員', '事件', '涉及']);
    const body = hant.slice(1, 1 + created);
    expect(body.map((r) => r[3])).toEqual(Array(created).fill('新增紀錄'));
    const numbers = body.map((r) => Number(r[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // The three actions were created by the officer set up as this installation's.
    expect(body.filter((r) => r[2] === '陳大文' && r[4]!.startsWith('跟進事項'))).toHaveLength(3);
    expect(hant.flat().join('\n')).toContain('事件類別：新增紀錄');

    const hans = await sheetRows(paths[1]!);
    expect(hans[0]).toEqual(['序号', '时间', '人员', '事件', '涉及']);
    expect(hans.slice(1, 1 + created).map((r) => r[3])).toEqual(Array(created).fill('新增记录'));
  });

  it('to PDF in 简体 with the filter stated above the table', async () => {
    const look = await lookFolder('audit');
    const { paths } = await exportTo({ ...noAuditFilter, kinds: ['record.created'] }, 'pdf', 'hans', '审计记录.pdf');
    const text = (await pdfText(paths[0]!)).replace(/[ \t]+/g, '');
    expect(text).toContain('审计记录');
    expect(text).toContain('事件类别');
    expect(text).toContain('新增记录');
    expect(text).not.toContain('修改记录');
    await pagesToPng(paths[0]!, path.join(look, 'audit-export-hans'));
  });
});
