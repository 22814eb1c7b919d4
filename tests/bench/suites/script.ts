/**
 * Script conversion (shared/script): dictionary load time in a fresh Node process, and throughput of our
 * converter beside the native `opencc` command (whole process, as a user would run it) on the same ~4 MB
 * of government text, both directions: Traditional → Simplified (hk2s) and Simplified → Traditional (s2hk).
 * Ours as the app converts: corrections and quotation marks in the reader's script included.
 * Then, in Chromium with the real backend, switching the reader's script on a tab of 20,000 actions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { loadConverters } from '../../../shared/script';
import { startHarness } from '../../e2e/harness/harness';
import { generateLargeDataset, largeDatasetSize } from '../generate/largeDataset';
import { median, medianOf, type BenchSuite } from '../bench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TARGET_BYTES = 4_000_000;

/** The corpus the fidelity test uses, by script, repeated to about 4 MB each. */
function inputs(): { hant: string; hans: string } {
  const fixtures = path.join(repoRoot, 'tests/fixtures/script');
  const read = (file: string) => readFileSync(file, 'utf8');
  const files = readdirSync(fixtures).sort();
  const hant = [read(path.resolve(repoRoot, '../shared/domain/arrangement.zh-Hant.md')), ...files.filter((f) => f.includes('zh-Hant')).map((f) => read(path.join(fixtures, f)))].join('\n');
  const hans = files.filter((f) => f.includes('zh-Hans')).map((f) => read(path.join(fixtures, f))).join('\n');
  const repeat = (text: string) => text.repeat(Math.ceil(TARGET_BYTES / Buffer.byteLength(text)));
  return { hant: repeat(hant), hans: repeat(hans) };
}

/** Bundles a tiny entry that times `loadConverters()` from a cold import; opencc-js stays external. */
async function loadProbe(): Promise<string> {
  const dir = path.join(repoRoot, 'node_modules/.cache/hetao-bench'); // inside node_modules so opencc-js resolves
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'script-load.mjs');
  await build({
    stdin: {
      contents: `const start = performance.now();
const { loadConverters } = await import('./shared/script/index.ts');
await loadConverters();
console.log(performance.now() - start);`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['opencc-js', 'opencc-js/*'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const MARK = /[「」『』“”‘’]/;

function onlyMarksDiffer(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(MARK.test(a[i]!) && MARK.test(b[i]!))) return false;
  return true;
}

const suite: BenchSuite = async (report) => {
  const probe = await loadProbe();
  report(
    'script.load.ms',
    await medianOf(7, () => {
      const run = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`load probe failed: ${run.stderr}`);
      return Number(run.stdout.trim());
    }),
  );

  const { hant, hans } = inputs();
  const megabytes = (Buffer.byteLength(hant) + Buffer.byteLength(hans)) / 1e6;
  const converters = await loadConverters();
  let ours = { hans: '', hant: '' };
  report(
    'script.throughput.MBps',
    megabytes /
      (await medianOf(5, () => {
        const start = performance.now();
        ours = { hans: converters.toHans(hant), hant: converters.toHant(hans) };
        return (performance.now() - start) / 1000;
      })),
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'hetao-script-bench-'));
  try {
    writeFileSync(path.join(dir, 'hant.txt'), hant);
    writeFileSync(path.join(dir, 'hans.txt'), hans);
    const opencc = (config: string, input: string, output: string) => {
      const run = spawnSync('/usr/bin/opencc', ['-c', config, '-i', path.join(dir, input), '-o', path.join(dir, output)]);
      if (run.status !== 0) throw new Error(`opencc failed (${run.error?.message ?? run.stderr}); install it with apt-get install opencc`);
    };
    report(
      'script.nativeThroughput.MBps',
      megabytes /
        (await medianOf(3, () => {
          const start = performance.now();
          opencc('hk2s.json', 'hant.txt', 'hans.out');
          opencc('s2hk.json', 'hans.txt', 'hant.out');
          return (performance.now() - start) / 1000;
        })),
    );
    // Throughput means nothing if the outputs differ: the characters are native opencc's (marks kept as
    // typed, which OpenCC never touches), and the timed output differs from that only in quotation marks.
    const asWritten = { quotes: 'asWritten' } as const;
    const characters = { hans: converters.toHans(hant, asWritten), hant: converters.toHant(hans, asWritten) };
    if (readFileSync(path.join(dir, 'hans.out'), 'utf8') !== characters.hans || readFileSync(path.join(dir, 'hant.out'), 'utf8') !== characters.hant) {
      throw new Error('script bench: our output differs from native opencc on the bench input');
    }
    if (!onlyMarksDiffer(ours.hans, characters.hans) || !onlyMarksDiffer(ours.hant, characters.hant)) {
      throw new Error('script bench: the quotation step changed more than quotation marks');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const switched = await switchScript();
  report('script.switch.ms', switched.withTab);
  report('script.switchWithoutTab.ms', switched.withoutTab);
};

// In-page timers are plain source text: tsx would otherwise wrap serialised functions in its own helpers.
const TAB = '香港科學園落戶深圳';
// The tab's name changes script with the switch, so its pane is marked once and found by the mark.
const markPane = `document.getElementById([...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes(${JSON.stringify(TAB)})).getAttribute('aria-controls')).dataset.bench = 'switch'`;
const pane = `document.querySelector('[data-bench="switch"]')`;

/**
 * Clicks a script in the header; resolves with the milliseconds until the page is in it and the
 * visible rows (if the tab is open) are repainted in it.
 */
const timeSwitch = (label: string, lang: string) => `new Promise((resolve) => {
  const rows = () => [...(${pane}?.querySelectorAll('.ant-table-row') ?? [])].map((r) => r.textContent).join('|');
  const before = rows();
  const button = [...document.querySelectorAll('header .ant-segmented-item')].find((b) => b.textContent === ${JSON.stringify(label)});
  const started = performance.now();
  button.querySelector('input').click();
  const check = () => {
    if (document.documentElement.lang === ${JSON.stringify(lang)} && (before === '' || rows() !== before)) {
      requestAnimationFrame(() => resolve(performance.now() - started));
    } else requestAnimationFrame(check);
  };
  check();
})`;

/** Switches to 简体 and back, three times each; the median. */
async function switches(page: Page): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 6; run++) {
    times.push(await page.evaluate<number>(run % 2 === 0 ? timeSwitch('简体', 'zh-CN') : timeSwitch('繁體', 'zh-HK')));
  }
  return median(times);
}

/**
 * The median time to switch to 简体 or back with a sub-group tab of 20,000 actions open in 繁體, and,
 * for comparison, the same switch before that tab was ever opened (labels and overview only).
 */
async function switchScript(): Promise<{ withTab: number; withoutTab: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hetao-script-switch-'));
  await generateLargeDataset(dataDir, 20261124, { ...largeDatasetSize, subGroups: 1 });
  const harness = await startHarness({ dataDir });
  try {
    const page = harness.page;
    await page.getByRole('tab', { name: TAB, exact: true }).waitFor();
    const withoutTab = await switches(page);
    await page.getByRole('tab', { name: TAB, exact: true }).click();
    await page.evaluate(markPane);
    // Every action loaded (the count, less the 1% deleted, is over 19,000), then once each way to load the converter.
    await page.evaluate(`new Promise((resolve) => {
      const check = () => {
        const counts = [...${pane}.querySelectorAll('.ant-typography-secondary')].map((el) => Number(/\\d+/.exec(el.textContent)?.[0]));
        if (counts.some((n) => n > ${largeDatasetSize.actions * 0.95})) resolve(true);
        else setTimeout(check, 100);
      };
      check();
    })`);
    await page.evaluate(timeSwitch('简体', 'zh-CN'));
    await page.evaluate(timeSwitch('繁體', 'zh-HK'));
    return { withTab: await switches(page), withoutTab };
  } finally {
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default suite;
