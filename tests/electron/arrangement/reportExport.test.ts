import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../../shared/arrangement/report';
import type { ExportDone, ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import type { Action } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { appFrame, openTestBackend, type TestBackend } from '../../support/testBackend';
import { lookFolder } from '../../support/lookFolder';
import { libreOffice, pagesToPng, pdfText } from '../exports/readers';

/*
 * The implementation report through the export pipeline: a period's draft with the officials' own
 * wording (one clause written in Simplified), exported as DOCX in both scripts and as PDF, read back
 * with LibreOffice and pdftotext. First pages go to test-results/look/arrangement/ for a person to look at.
 */
let app: TestBackend;
let out: string;
let draft: ReportDraft;
let clock = new Date('2026-03-02T02:00:00Z');
const pdf = new PlaywrightPdfRenderer();

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.backend.dispatch(channel, input, appFrame)) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error?.code}`), { error: result.error });
  return result.value as T;
}

async function exportTo(request: ExportRequest, fileName: string): Promise<{ plan: ExportPlan; paths: string[] }> {
  app.dialogs.answerNextSave(path.join(out, fileName));
  const plan = (await value<ExportPlan>('exports.prepare', request))!;
  const done = await value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
  return { plan, paths: done.files.map((f) => path.join(done.folder, f)) };
}

beforeAll(async () => {
  app = await openTestBackend({ now: () => clock, pdfRenderer: pdf });
  out = await mkdtemp(path.join(tmpdir(), 'hetao-report-'));
  const [, jp] = await value<SubGroup[]>('subGroups.list');
  const fields = (title: string, dueDate: string, clauses: string[]) => ({ title, description: '', ownerSide: 'joint', leads: [], officerIds: [], dueDate, priority: 'normal', clauses });
  const done = await value<Action>('actions.create', { subGroupId: jp!.id, fields: { ...fields('建立港深聯合資助項目庫', '2026-05-31', ['2.3.1']), ownerSide: 'HK' } });
  clock = new Date('2026-05-20T02:00:00Z');
  await value('actions.addProgress', { id: done.id, note: '項目庫已上線。', status: 'done', byContactId: null });
  await value('actions.create', { subGroupId: jp!.id, fields: { ...fields('研究人才住房配套', '2026-06-15', ['2.3.2']), ownerSide: 'SZ' } });
  clock = new Date('2026-07-02T02:00:00Z');
  await value('arrangement.addNote', { clauseId: '2.1', on: '2026-06-20', note: '首批十二間機構已進駐深圳園區。', byContactId: null });
  await value('arrangement.createAnnex', {
    kind: 'annex', number: 1, title: { hant: '關於聯合資助項目庫的補充安排', hans: '关于联合资助项目库的补充安排', en: '' }, status: 'signed',
    agreedOn: '2026-04-01', signedOn: '2026-06-01', inForceFrom: null, clauses: [{ clauseId: '2.3.1', relation: 'supplements' }], summary: '',
  });
  const created = await value<ReportDraft>('arrangement.reportDraft', { from: '2026-01-01', to: '2026-06-30' });
  draft = await value<ReportDraft>('arrangement.saveReportDraft', {
    id: created.id,
    revision: created.revision,
    fields: { title: created.title, introduction: '本報告匯報上半年「一區兩園」各項工作的進展。', wording: { '2_3_1': '项目库已上线，双方共享项目信息。', '2_1': '首批機構已進駐。' } },
  });
}, 60_000);

afterAll(async () => {
  await app?.backend.close();
  await pdf.close();
});

describe('the implementation report export', () => {
  it('writes DOCX in both scripts, clause by clause, with the wording converted and reviewed before writing', async () => {
    const { plan, paths } = await exportTo({ target: { kind: 'implementationReport', draftId: draft.id }, format: 'docx', scripts: 'both' }, '實施進度報告.docx');
    expect(paths.map((p) => path.basename(p))).toEqual(['實施進度報告（繁體版）.docx', '实施进度报告（简体版）.docx']);
    // The Simplified wording goes into the Traditional version converted, so it is offered for review.
    expect(plan.review.find((r) => r.script === 'hant')?.fields).toContainEqual({ collection: 'reportDrafts', id: draft.id, field: 'wording.2_3_1' });

    const converted = await libreOffice(paths, 'pdf');
    const hant = await pdfText(converted.get('實施進度報告（繁體版）.pdf')!);
    const hans = await pdfText(converted.get('实施进度报告（简体版）.pdf')!);
    for (const [text, expected] of [
      [hant, ['「一區兩園」實施進度報告', '呈交：河套區港深創新及科技園發展聯合專責小組', '第二條（三）1', '支持科研', '項目庫已上線，雙方共享項目資訊', 'JP-2026-001', '建立港深聯合資助項目庫', '已完成', '附件一', '首批十二間機構已進駐深圳園區', '研究人才住房配套', '未開始（逾期']],
      [hans, ['一区两园”实施进度报告', '第二条（三）1', '项目库已上线，双方共享项目信息', '建立港深联合资助项目库', '首批十二间机构已进驻深圳园区', '研究人才住房配套']],
    ] as const) {
      const flat = text.replace(/\s+/g, '');
      for (const phrase of expected) expect(flat).toContain(phrase.replace(/\s+/g, ''));
    }
  }, 240_000);

  it('writes a PDF whose pages read in Simplified', async () => {
    const { paths } = await exportTo({ target: { kind: 'implementationReport', draftId: draft.id }, format: 'pdf', scripts: 'hans' }, '实施进度报告.pdf');
    const text = (await pdfText(paths[0]!)).replace(/\s+/g, '');
    expect(text).toContain('报告期：2026年1月1日至2026年6月30日');
    expect(text).toContain('第二条（一）');
    expect(text).toContain('首批机构已进驻。');
    expect(text).not.toContain('進駐');
    await pagesToPng(paths[0]!, path.join(await lookFolder('arrangement'), 'report-hans'), 2);
  }, 120_000);
});
