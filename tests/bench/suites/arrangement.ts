/**
 * The implementation report at ten years' size (20,000 actions with their logs, a clause note a day,
 * the seeded policy measures): building a year's report in main, as the report tab asks for it, and
 * exporting it as DOCX through the export pipeline (conversion and review list included).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImplementationReport, ReportDraft } from '../../../shared/arrangement/report';
import { clauseIds } from '../../../shared/arrangement/clauses';
import type { ExportPlan } from '../../../shared/documents/exportRequest';
import { Store } from '../../../electron/store/store';
import { median, type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';
import { appFrame, openTestBackend } from '../../support/testBackend';

const RUNS = 5;
const EXPORT_RUNS = 3;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const notes = ['雙方已就資料欄位達成共識。', '双方已完成第二轮磋商。', '已向聯合專責小組匯報進展。', '试点方案已报市政府审议。'];

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-arrangement-'));
  const out = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-report-'));
  try {
    await generateLargeDataset(dataDir);
    const opened = await Store.open({ dataDir });
    if (opened.status !== 'ready') throw new Error('store not ready');
    const writes: Array<Promise<unknown>> = [];
    for (let day = 0; day < 3650; day++) {
      const on = new Date(Date.UTC(2017, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      writes.push(opened.store.insert('clauseNotes', { clauseId: clauseIds[day % clauseIds.length]!, on, note: notes[day % notes.length]!, byContactId: null }));
    }
    await Promise.all(writes);
    await opened.store.close();

    const { backend, dialogs } = await openTestBackend({ dataDir });
    const value = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = (await backend.dispatch(channel, input, appFrame)) as { ok: boolean; value?: T; error?: { code: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.code}`);
      return result.value as T;
    };
    try {
      const builds: number[] = [];
      let entries = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const built = await value<ImplementationReport>('arrangement.report', YEAR);
        builds.push((performance.now() - started) / 1000);
        entries = built.clauses.reduce((n, c) => n + c.done.length + c.overdue.length + c.next.length, 0);
      }
      report('report.entries', entries);
      report('report.build.s', median(builds));

      const draft = await value<ReportDraft>('arrangement.reportDraft', YEAR);
      const exports: number[] = [];
      for (let run = 0; run < EXPORT_RUNS; run++) {
        const started = performance.now();
        dialogs.answerNextSave(path.join(out, `report-${run}.docx`));
        const plan = await value<ExportPlan>('exports.prepare', { target: { kind: 'implementationReport', draftId: draft.id }, format: 'docx', scripts: 'hant' });
        await value('exports.write', { token: plan.token, replace: true, taskId: randomUUID() });
        exports.push((performance.now() - started) / 1000);
      }
      report('report.docx.s', median(exports));
    } finally {
      await backend.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
};

export default suite;
