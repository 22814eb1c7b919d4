import * as path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/ipc/errors';
import type { SheetRow } from '../../shared/sheets/sheetRow';
import type { StoreFs } from '../store/storeFs';
import { MAX_IMPORT_COLUMNS } from '../../shared/ipc/inputLimits';
import { decodeText, parseCsv } from './csv';
import { zipDirectory } from './zipDirectory';

export interface SheetLimits {
  maxBytes: number;
  /** Rows below the header row. */
  maxRows: number;
}

/**
 * Reads a CSV or XLSX file into rows of text, numbered as the spreadsheet numbers them; the one reader
 * behind every import (contacts, registers). The content decides, not the name: a workbook saved as
 * .csv still opens. `looksRight` picks among the possible encodings of a CSV (UTF-8, Big5, GB18030)
 * the one whose first rows it recognises.
 */
export async function readSheetFile(
  fs: StoreFs,
  filePath: string,
  limits: SheetLimits,
  looksRight: (rows: SheetRow[]) => boolean,
): Promise<SheetRow[]> {
  const fileName = path.basename(filePath);
  let bytes: Buffer;
  try {
    if ((await fs.stat(filePath)).size > limits.maxBytes) {
      throw new AppError('contacts.fileTooLarge', { fileName, limitMb: limits.maxBytes / 1024 / 1024 });
    }
    bytes = await fs.readFile(filePath);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('contacts.unreadableFile', { fileName });
  }
  const rows = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])
    ? await readWorkbook(bytes, fileName, limits.maxRows)
    : startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])
      ? (() => {
          throw new AppError('contacts.oldExcelFormat', { fileName });
        })()
      : readCsv(bytes, fileName, limits.maxRows, looksRight);
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (filled.length === 0) throw new AppError('contacts.emptyFile', { fileName });
  if (filled.length > limits.maxRows + 1) throw new AppError('contacts.tooManyRows', { fileName, limit: limits.maxRows });
  return rows;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function readCsv(bytes: Uint8Array, fileName: string, maxRows: number, looksRight: (rows: SheetRow[]) => boolean): SheetRow[] {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // A NUL byte never occurs in text outside UTF-16: this is a binary file (PDF, image, …).
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw new AppError('contacts.unreadableFile', { fileName });
  // Parsing stops at the row and column limits: a compact file of ten million short lines is refused, not held.
  const readings = decodeText(bytes).map((text) => parseCsv(text, { maxRecords: 2 * maxRows + 2, rowLimit: maxRows, maxCells: MAX_IMPORT_COLUMNS, fileName }));
  if (readings.length === 0) throw new AppError('contacts.unreadableFile', { fileName });
  return readings.find((rows) => looksRight(rows.slice(0, 10))) ?? readings[0]!;
}

/**
 * What a workbook may unpack to: a 20,000-row register sheet is a few MB of XML. Checked against the
 * sizes the archive declares before anything is inflated, so a small file that unpacks to gigabytes
 * (a zip bomb, one 400 MB shared string) is refused at once.
 */
export const MAX_UNPACKED_BYTES = { total: 60 * 1024 * 1024, entry: 40 * 1024 * 1024 };

function checkUnpackedSizes(bytes: Buffer, fileName: string): void {
  const entries = zipDirectory(bytes);
  if (!entries) throw new AppError('contacts.unreadableFile', { fileName });
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_UNPACKED_BYTES.total || entries.some((entry) => entry.uncompressedSize > MAX_UNPACKED_BYTES.entry)) {
    throw new AppError('sheets.unpacksTooLarge', { fileName, limitMb: MAX_UNPACKED_BYTES.total / 1024 / 1024 });
  }
}

/**
 * Reads the first sheet that has rows through exceljs' streaming reader, row by row, so a sheet is
 * never held whole: reading stops at the row limit or at a row wider than the column limit.
 */
async function readWorkbook(bytes: Buffer, fileName: string, maxRows: number): Promise<SheetRow[]> {
  checkUnpackedSizes(bytes, fileName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', hyperlinks: 'cache', styles: 'cache', worksheets: 'emit' });
  const rows: SheetRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (!row.hasValues) continue;
        if (row.cellCount > MAX_IMPORT_COLUMNS) throw new AppError('registers.tooManyColumns', { fileName, limit: MAX_IMPORT_COLUMNS });
        if (rows.length > maxRows) throw new AppError('contacts.tooManyRows', { fileName, limit: maxRows });
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
        rows.push({ row: row.number, cells });
      }
      // The first sheet with rows is the one imported; the rest are not read.
      if (rows.length) break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('contacts.unreadableFile', { fileName });
  }
  if (!rows.length) throw new AppError('contacts.emptyFile', { fileName });
  return rows;
}

/** The text a cell shows; a date cell as 2026-03-01 (Excel keeps dates as UTC midnights). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'formula' in value) return resultText(value.result);
  if (typeof value === 'object' && 'sharedFormula' in value) return resultText(value.result);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'number') return String(value);
  return cell.text;
}

function resultText(result: unknown): string {
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  return result === null || result === undefined || typeof result === 'object' ? '' : String(result);
}
