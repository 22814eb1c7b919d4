import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';

/** A minimal workbook around one sheet's XML and shared strings, zipped with maximum compression. */
function workbook(sheetXml: string | Uint8Array, sharedStrings: Uint8Array | null): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': typeof sheetXml === 'string' ? strToU8(sheetXml) : sheetXml,
  };
  if (sharedStrings) files['xl/sharedStrings.xml'] = sharedStrings;
  return zipSync(files, { level: 9 });
}

const sheet = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/**
 * The hostile sheets of issue 14, written into `dir`: name → file path. Generated, never committed;
 * `scale` shrinks the large ones for the test suite (1 is the benchmark's full size).
 */
export async function writeHostileSheets(dir: string, scale = 1): Promise<Record<string, string>> {
  const mb = (n: number) => Math.round(n * scale) * 1024 * 1024;
  const count = (n: number) => Math.round(n * scale);
  const out: Record<string, string> = {};
  const put = async (name: string, bytes: Uint8Array | string) => {
    out[name] = path.join(dir, name);
    await writeFile(out[name], bytes);
  };
  // Zeros compress about a thousandfold: a small file declaring 300 MB of sheet XML.
  await put('zip-bomb.xlsx', workbook(new Uint8Array(mb(300)), null));
  const huge = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'A'.repeat(mb(400))}</t></si></sst>`;
  await put('huge-shared-string.xlsx', workbook(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strToU8(huge)));
  await put('million-rows.xlsx', workbook(sheet(Array.from({ length: count(1_000_000) }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')), null));
  await put('million-rows.csv', 'name\n' + 'a\n'.repeat(count(10_000_000)));
  await put('ten-thousand-columns.csv', Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n');
  const wide = Array.from({ length: 200 }, (_, i) => `v${i}`).join(',');
  await put('twenty-thousand-rows-of-200.csv', Array.from({ length: 200 }, (_, i) => `h${i}`).join(',') + '\n' + `${wide}\n`.repeat(20_000));
  return out;
}
