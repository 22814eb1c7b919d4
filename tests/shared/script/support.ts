import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const arrangementPath = path.resolve(repoRoot, '../shared/domain/arrangement.zh-Hant.md');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/script');
export const OPENCC = '/usr/bin/opencc';

export const arrangement = (): string => readFileSync(arrangementPath, 'utf8');

/** The corpus: the arrangement and every fixture, with the script each is written in. */
export function corpus(): Array<{ name: string; script: 'hant' | 'hans'; text: string }> {
  const fixtures = readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      name: file,
      script: file.includes('zh-Hant') ? ('hant' as const) : ('hans' as const),
      text: readFileSync(path.join(fixturesDir, file), 'utf8'),
    }));
  return [{ name: 'arrangement.zh-Hant.md', script: 'hant', text: arrangement() }, ...fixtures];
}

/** Converts with Debian's `opencc` command; throws (never skips) when it is not installed. */
export function nativeOpencc(text: string, config: 'hk2s' | 's2hk'): string {
  if (!existsSync(OPENCC)) throw new Error(`${OPENCC} is missing: install it with \`apt-get install opencc\` (CI does).`);
  return execFileSync(OPENCC, ['-c', `${config}.json`], { input: text, encoding: 'utf8' });
}

/** Lines that differ between two texts, for readable failures. */
export function differingLines(actual: string, expected: string): Array<{ line: number; actual: string; expected: string }> {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const out: Array<{ line: number; actual: string; expected: string }> = [];
  for (let i = 0; i < Math.max(a.length, e.length); i++) if (a[i] !== e[i]) out.push({ line: i + 1, actual: a[i] ?? '', expected: e[i] ?? '' });
  return out;
}
