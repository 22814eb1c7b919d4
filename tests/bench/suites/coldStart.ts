/**
 * Opening the app in the morning at ten years' size: from the moment the backend starts to open the
 * data folder (the browser already running, as Electron's is when main starts) until the overview's
 * figures are on screen. The window loads while the store opens, as in the app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';
import { startHarness } from '../../e2e/harness/harness';

const RUNS = 5;

/**
 * Resolves with the wall-clock time (ms since the epoch) of the first animation frame that has the
 * overview's status figures in it. Source text, as in the other suites: the page's CSP forbids eval.
 */
const overviewFiguresPainted = `new Promise((resolve) => {
  const check = () => {
    if (document.querySelector('.ant-statistic-content-value')) resolve(performance.timeOrigin + performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-coldstart-'));
  try {
    await generateLargeDataset(dataDir);
    const starts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const harness = await startHarness({ dataDir });
      try {
        const paintedAt = (await harness.page.evaluate(overviewFiguresPainted)) as number;
        starts.push(paintedAt - (performance.timeOrigin + harness.openingStartedAt));
      } finally {
        await harness.close();
      }
    }
    report('app.coldStart.ms', median(starts));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default suite;
