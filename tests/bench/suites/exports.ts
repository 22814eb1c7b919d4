/**
 * Exports on the ten-year dataset, through the real backend as the window calls it: the XLSX of all
 * 20,000 actions with their latest progress, and DOCX and PDF of about 2,000 actions (two statuses of
 * one sub-group). Timed from the write call (after the save dialog and review) to the file on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend, type Backend } from '../../../electron/backend/openBackend';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import type { ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import { APP_ORIGIN } from '../../../shared/security/contentSecurityPolicy';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { appFrame } from '../../support/testBackend';
import type { BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';

const anyFilter = { statuses: [], sides: [], officerId: null, clause: null, due: 'any', showDeleted: false };

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-exports-'));
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-exports-out-'));
  const dialogs = new QueuedDialogs();
  const pdf = new PlaywrightPdfRenderer();
  let backend: Backend | null = null;
  try {
    await generateLargeDataset(dataDir);
    backend = await openBackend({ dataDir, appVersion: 'bench', systemLocale: 'zh-HK', appOrigin: APP_ORIGIN, openFolder: async () => undefined, dialogs, pdfRenderer: pdf });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = (await backend!.dispatch(channel, input, appFrame)) as { ok: boolean; value: T; error?: unknown };
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    const exportOnce = async (name: string, request: ExportRequest) => {
      dialogs.answerNextSave(path.join(outDir, name));
      let started = performance.now();
      const plan = (await call<ExportPlan | null>('exports.prepare', request))!;
      const prepared = performance.now() - started;
      const rssBefore = process.memoryUsage().rss;
      started = performance.now();
      const done = await call<{ folder: string; files: string[] }>('exports.write', { token: plan.token, replace: true, taskId: randomUUID() });
      const seconds = (performance.now() - started) / 1000;
      const bytes = (await stat(path.join(done.folder, done.files[0]!))).size;
      return { plan, prepared: prepared / 1000, seconds, bytes, rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1_000_000 };
    };

    const all = await exportOnce('all.xlsx', { target: { kind: 'actions', subGroupId: null, filter: anyFilter, text: '', includeLog: false }, format: 'xlsx', scripts: 'hant' } as ExportRequest);
    report('export.xlsx.rows', all.plan.count);
    report('export.xlsx.s', all.seconds);
    report('export.xlsx.prepare.s', all.prepared);
    report('export.xlsx.mb', all.bytes / 1_000_000);
    report('export.xlsx.rssGrowth.mb', all.rssGrowthMb);

    const subGroupId = (await call<Array<{ id: string }>>('subGroups.list', undefined))[0]!.id;
    const twoThousand = { kind: 'actions', subGroupId, filter: { ...anyFilter, statuses: ['notStarted', 'inProgress'] }, text: '', includeLog: false };
    const docx = await exportOnce('some.docx', { target: twoThousand, format: 'docx', scripts: 'hant' } as ExportRequest);
    report('export.docx.rows', docx.plan.count);
    report('export.docx.s', docx.seconds);
    const pdfRun = await exportOnce('some.pdf', { target: twoThousand, format: 'pdf', scripts: 'hant' } as ExportRequest);
    report('export.pdf.rows', pdfRun.plan.count);
    report('export.pdf.s', pdfRun.seconds);
  } finally {
    await backend?.close();
    await pdf.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }
};

export default suite;
