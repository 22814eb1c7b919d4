import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssString } from '../../../electron/documents/html/renderHtml';
import { safeFileName } from '../../../electron/documents/output/fileNames';
import { sheetText } from '../../../electron/documents/xlsx/renderXlsx';
import { PrivateScratch } from '../../../electron/meetings/privateScratch';
import { parseCsv, writeCsv } from '../../../electron/sheets/csv';
import { tempDir } from '../store/helpers';

/** Reads a CSS string literal back as a CSS tokenizer would, or null if the text escapes it. */
function cssStringValue(literal: string): string | null {
  if (!literal.startsWith('"')) return null;
  let out = '';
  for (let i = 1; i < literal.length; i++) {
    const ch = literal[i]!;
    if (ch === '"') return i === literal.length - 1 ? out : null;
    // A newline or form feed ends a string as a bad string (CSS Syntax §4.3.5): the rest becomes CSS.
    if (ch === '\n' || ch === '\f' || ch === '\r') return null;
    if (ch === '\\') {
      const hex = /^[0-9a-fA-F]{1,6} ?/.exec(literal.slice(i + 1));
      if (!hex) return null;
      out += String.fromCodePoint(parseInt(hex[0].trim(), 16));
      i += hex[0].length;
      continue;
    }
    out += ch;
  }
  return null;
}

describe('output stays inert', () => {
  it.each(['聯合政策\f} body { display: none } @top-left { content: "', 'A\r\nB "quoted" \\ </style>', '\u0000\u0007專組\u000b'])(
    'a sub-group name stays inside the CSS string of the running header: %j',
    (name) => {
      const value = cssStringValue(cssString(name));
      expect(value).not.toBeNull();
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(value).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(cssString(name)).not.toMatch(/[<>\f]/);
    },
  );

  it('the CSV writer drops the control characters the XLSX writer drops, and keeps the rest', () => {
    const name = '陳\u0000志\u0007明\u001b[31m';
    const csv = writeCsv([['姓名', '備註'], [name, '第一行\n第二行']]);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(parseCsv(csv)[1]!.cells).toEqual([sheetText(name), '第一行\n第二行']);
  });

  it.each([
    ['報告\u202Efdp.exe', 'pdf', '報告fdp.exe.pdf'],
    ['\u2067會議\u2069記錄\u200F', 'docx', '會議記錄.docx'],
    ['\u202Atitle\u202C\u061C', 'xlsx', 'title.xlsx'],
  ])('a file name drops bidirectional controls: %j', (stem, extension, expected) => {
    expect(safeFileName(stem, extension)).toBe(expected);
  });

  it.skipIf(process.platform === 'win32')('papers are viewed from a folder only this user can open, removed at quit', async () => {
    const parent = await tempDir();
    const first = new PrivateScratch(parent);
    const second = new PrivateScratch(parent);
    const dir = await first.dir();
    expect(await first.dir()).toBe(dir);
    expect(path.dirname(dir)).toBe(parent);
    expect(await second.dir()).not.toBe(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await first.remove();
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await second.remove();
  });
});
