/**
 * Hostile sheets imported one by one, each in a fresh process so its memory is its own: the worst peak
 * memory (`import.hostile.peakRss.MB`, target < 300) and the slowest refusal (`import.hostile.s`, < 3).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../bench';
import { readSheetFile } from '../../../electron/sheets/sheetFile';
import { nodeFs } from '../../../electron/store/storeFs';
import { writeHostileSheets } from '../../support/hostileSheets';

const FILE_FLAG = '--hostile-file=';
const own = process.argv.find((arg) => arg.startsWith(FILE_FLAG));

async function importOne(file: string): Promise<void> {
  const started = performance.now();
  const outcome = await readSheetFile(nodeFs, file, { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 }, () => true).then(
    (rows) => `read ${rows.length} rows`,
    (error: { code?: string }) => `refused ${error.code}`,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ outcome, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

const suite: BenchSuite = async (report) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-hostile-'));
  try {
    const files = await writeHostileSheets(dir);
    let peak = 0;
    let slowest = 0;
    for (const [name, file] of Object.entries(files)) {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `${FILE_FLAG}${file}`], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => child.on('exit', resolve));
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as { outcome: string; seconds: number; peakRssMb: number };
      console.error(`  ${name}: ${result.outcome}, ${result.seconds.toFixed(2)} s, ${result.peakRssMb.toFixed(0)} MB`);
      peak = Math.max(peak, result.peakRssMb);
      if (result.outcome.startsWith('refused')) slowest = Math.max(slowest, result.seconds);
    }
    report('import.hostile.peakRss.MB', peak);
    report('import.hostile.s', slowest);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

if (own) await importOne(own.slice(FILE_FLAG.length));

export default suite;
