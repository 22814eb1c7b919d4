import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every test file, and the helpers they share, under tests/. */
async function testSources(folder = 'tests'): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return testSources(full);
      return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
    }),
  );
  return nested.flat();
}

describe('the test suite on a new machine', () => {
  // A folder under /tmp that one test (or an earlier run) happened to create hides a failure on a
  // machine where it does not exist, and two runs side by side write into each other's files.
  it('names no fixed /tmp folder: each test makes its own temporary folder or writes under test-results/look/', async () => {
    const fixed: string[] = [];
    for (const file of await testSources()) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (/['"`]\/tmp(\/|['"`])/.test(line)) fixed.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(fixed).toEqual([]);
  });
});
