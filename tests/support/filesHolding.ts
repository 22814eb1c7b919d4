import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Every file under `dir` whose bytes hold any of the texts, as "relative/path: text": for the
 * canary checks that nothing of the records reaches the disk in plain form.
 */
export async function filesHolding(dir: string, texts: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fsp.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await fsp.readFile(file);
    for (const text of texts) if (bytes.includes(Buffer.from(text, 'utf8'))) found.push(`${path.relative(dir, file)}: ${text}`);
  }
  return found;
}
