/**
 * The meeting pack at its largest: 40 agenda items and 300 pages of papers (30 papers of 10 pages),
 * built in Traditional through the real backend with Chromium laying out the generated pages.
 * Time from the call to the file written; peak resident memory of this (main) process meanwhile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchSuite } from '../bench';
import type { PackBuildResult, PackPlan } from '../../../shared/pack/contract';
import { createPackMeeting } from '../../support/packMeeting';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { appFrame, openTestBackend } from '../../support/testBackend';

const RUNS = 3;

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-pack-'));
  const renderer = new PlaywrightPdfRenderer();
  const opened = await openTestBackend({ dataDir, pdfRenderer: renderer });
  try {
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = await opened.backend.dispatch(channel, input, appFrame);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as T;
    };
    const { meeting } = await createPackMeeting(call, opened.dialogs, dataDir, { extraItems: 38, paperPages: Array.from({ length: 30 }, () => 10) });
    // Chromium's start-up is the app's once per session, not each pack's.
    await renderer.render('<p></p>');

    const times: number[] = [];
    let peak = 0;
    for (let i = 0; i < RUNS; i++) {
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      opened.dialogs.answerNextSave(path.join(dataDir, `pack-${i}.pdf`));
      const started = performance.now();
      const { token } = await call<PackPlan>('pack.prepare', { meetingId: meeting.id, scripts: 'hant' });
      const built = await call<PackBuildResult>('pack.build', { meetingId: meeting.id, token, taskId: crypto.randomUUID() });
      times.push((performance.now() - started) / 1000);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (built.files[0]!.pageCount < 300) throw new Error(`pack has ${built.files[0]!.pageCount} pages`);
    }
    report('pack.build.s', median(times));
    report('pack.peakRss.MB', peak / 1024 / 1024);
  } finally {
    await opened.backend.close();
    await renderer.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default suite;
