/**
 * `npm run a11y`: just the accessibility scans (tests/e2e/a11y/states.test.ts, every screen, drawer and
 * dialog in 繁體, 简体 and English) against the built renderer, then the figures as `name: value` lines.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { figuresDir } from '../tests/e2e/a11y/axeScan';

await rm(figuresDir, { recursive: true, force: true });
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/a11y/states.test.ts'], { stdio: 'inherit' });
const files = (await readdir(figuresDir).catch(() => [])).filter((f) => f.endsWith('.json'));
let states = 0;
let violations = 0;
for (const file of files) {
  const figures = JSON.parse(await readFile(path.join(figuresDir, file), 'utf8')) as { states: number; violations: number };
  states += figures.states;
  violations += figures.violations;
}
console.log(`a11y.languages: ${files.length}`);
console.log(`a11y.states: ${states}`);
console.log(`a11y.violations: ${violations}`);
process.exit(run.status ?? 1);
