import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetFile } from '../../../electron/sheets/sheetFile';
import { nodeFs } from '../../../electron/store/storeFs';
import { writeHostileSheets } from '../../support/hostileSheets';

let dir = '';
let files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hetao-hostile-'));
  // A quarter of the benchmark's sizes: still far beyond every limit.
  files = await writeHostileSheets(dir, 0.25);
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

const limits = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 };
const read = (name: string) => readSheetFile(nodeFs, files[name]!, limits, () => true);

describe('a hostile sheet received by e-mail', () => {
  it.each([
    ['zip-bomb.xlsx', 'sheets.unpacksTooLarge'],
    ['huge-shared-string.xlsx', 'sheets.unpacksTooLarge'],
    ['million-rows.xlsx', 'contacts.tooManyRows'],
    ['million-rows.csv', 'contacts.tooManyRows'],
    ['ten-thousand-columns.csv', 'registers.tooManyColumns'],
  ])('%s is refused with %s, naming the file', { timeout: 60_000 }, async (name, code) => {
    await expect(read(name)).rejects.toMatchObject({ code, params: { fileName: name } });
  });

  it('twenty thousand rows of two hundred cells are still read whole', { timeout: 60_000 }, async () => {
    const rows = await read('twenty-thousand-rows-of-200.csv');
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]!.cells).toHaveLength(200);
  });
});
