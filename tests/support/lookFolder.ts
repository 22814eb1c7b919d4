import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The folder for pages and screenshots meant for a person to look at:
 * `test-results/look/<feature>/` in the repository (git-ignored), created here by the test that
 * writes into it, so no test relies on a folder another test or an earlier run left behind.
 */
export async function lookFolder(feature: string): Promise<string> {
  const folder = path.join(repoRoot, 'test-results', 'look', feature);
  await mkdir(folder, { recursive: true });
  return folder;
}
