/**
 * `npm run bench`: runs every suite in tests/bench/suites and prints one figure a line as
 * `name: value`, each the median of several runs, so figures can be compared run to run.
 * `npm run bench -- store` runs only the suites whose file name contains "store". Each suite runs in
 * its own process. The npm script builds the renderer first, so the browser suites measure the code
 * as it is now, on a fresh clone too.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const SUITE_FLAG = '--suite=';
const own = process.argv.find((arg) => arg.startsWith(SUITE_FLAG));

if (own) {
  const file = own.slice(SUITE_FLAG.length);
  const suite = (await import(pathToFileURL(path.join(here, 'suites', file)).href)) as { default: BenchSuite };
  await suite.default((name, value) => console.log(`${name}: ${Number(value.toFixed(value < 10 ? 2 : 1))}`));
} else {
  const only = process.argv.slice(2);
  const files = (await readdir(path.join(here, 'suites'))).filter((f) => f.endsWith('.ts')).sort();
  // Each suite in a fresh process, so memory figures are that suite's own, not what earlier suites left.
  for (const file of files) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `${SUITE_FLAG}${file}`], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) process.exitCode = 1;
  }
}
