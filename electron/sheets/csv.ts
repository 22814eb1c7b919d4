import { plainText } from '../../shared/documents/text';
import { AppError } from '../../shared/ipc/errors';

/**
 * CSV as Excel reads and writes it (RFC 4180): quoted fields may hold commas, quotes and line
 * breaks. Written with a UTF-8 byte-order mark, without which Excel opens Chinese text as mojibake.
 */

export interface CsvRecord {
  /** The row Excel shows the record on: records are counted, line breaks inside quotes are not. */
  row: number;
  cells: string[];
}

const BOM = '\uFEFF';

/** Comma, or the semicolon or tab some Excel set-ups use, whichever the header line has most of. */
function detectDelimiter(text: string): string {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const header = text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** Where parsing stops: more records than a sheet may have, or a record wider than a mapping. */
export interface CsvLimits {
  /** Records parsed at most, blank lines included. */
  maxRecords: number;
  /** The row limit the user is told of. */
  rowLimit: number;
  maxCells: number;
  fileName: string;
}

/** One record per row, quoted fields unescaped; stops with the import's error at `limits`. */
export function parseCsv(input: string, limits?: CsvLimits): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;

  const endCell = () => {
    if (limits && cells.length >= limits.maxCells) {
      throw new AppError('registers.tooManyColumns', { fileName: limits.fileName, limit: limits.maxCells });
    }
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ row: records.length + 1, cells });
    if (limits && records.length > limits.maxRecords) {
      throw new AppError('contacts.tooManyRows', { fileName: limits.fileName, limit: limits.rowLimit });
    }
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return records;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CRLF line ends and a BOM, as Excel on Windows expects; control characters dropped as the XLSX writer drops them. */
export function writeCsv(rows: string[][]): string {
  return BOM + rows.map((row) => row.map((value) => quote(plainText(value))).join(',')).join('\r\n') + '\r\n';
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), or failing
 * those the legacy encodings Excel uses for CSV on Chinese Windows, Big5 in Hong Kong and GB18030
 * on the Mainland. Returns every plausible reading; the caller keeps the one whose headers it knows.
 */
export function decodeText(bytes: Uint8Array): string[] {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return [new TextDecoder('utf-16le').decode(bytes.subarray(2))];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return [new TextDecoder('utf-16be').decode(bytes.subarray(2))];
  const readings: string[] = [];
  for (const encoding of ['utf-8', 'big5', 'gb18030']) {
    try {
      readings.push(new TextDecoder(encoding, { fatal: true }).decode(bytes));
      if (encoding === 'utf-8') break;
    } catch {
      // not this encoding
    }
  }
  return readings;
}
