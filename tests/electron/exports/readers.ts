import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Real readers for export files: LibreOffice headless (one process per batch: it is slow on two
 * cores), poppler's pdftotext and pdffonts. LibreOffice gets its own profile, so parallel runs
 * don't fight over one.
 */
export async function libreOffice(files: string[], to: 'pdf' | 'csv'): Promise<Map<string, string>> {
  const out = await mkdtemp(path.join(tmpdir(), 'hetao-lo-'));
  const profile = path.join(out, 'profile');
  await mkdir(profile);
  // CSV: UTF-8 (76), every sheet to its own file (-1), so per-sub-group sheets can be read.
  const filter = to === 'pdf' ? 'pdf' : 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', out, ...files], { timeout: 180_000 });
  const produced = new Map<string, string>();
  for (const name of await readdir(out)) if (name !== 'profile') produced.set(name, path.join(out, name));
  return produced;
}

export async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

/** First page(s) as PNGs for a person to look at. */
export async function pagesToPng(file: string, outPrefix: string, lastPage = 1): Promise<void> {
  await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', String(lastPage), file, outPrefix]);
}

export { readFile };
