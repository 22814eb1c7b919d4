import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/ipc/errors';
import type { SheetRow } from '../../shared/sheets/sheetRow';
import type { StoreFs } from '../store/storeFs';
import { decodeText, parseCsv } from './csv';

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
      : readCsv(bytes, fileName, looksRight);
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (filled.length === 0) throw new AppError('contacts.emptyFile', { fileName });
  if (filled.length > limits.maxRows + 1) throw new AppError('contacts.tooManyRows', { fileName, limit: limits.maxRows });
  return rows;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function readCsv(bytes: Uint8Array, fileName: string, looksRight: (rows: SheetRow[]) => boolean): SheetRow[] {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // A NUL byte never occurs in text outside UTF-16: this is a binary file (PDF, image, …).
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw new AppError('contacts.unreadableFile', { fileName });
  const readings = decodeText(bytes).map(parseCsv);
  if (readings.length === 0) throw new AppError('contacts.unreadableFile', { fileName });
  return readings.find((rows) => looksRight(rows.slice(0, 10))) ?? readings[0]!;
}

async function readWorkbook(bytes: Buffer, fileName: string, maxRows: number): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('contacts.unreadableFile', { fileName });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('contacts.emptyFile', { fileName });
  // Refused before reading cell by cell, however large the sheet.
  if (sheet.actualRowCount > maxRows + 1) throw new AppError('contacts.tooManyRows', { fileName, limit: maxRows });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
    rows.push({ row: rowNumber, cells });
  });
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
