import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, Column, SheetModel, WorkbookModel } from '../../../shared/documents/model';
import { plainText, widestLine } from '../../../shared/documents/text';
import { checkpoint, type RenderProgress } from '../output/progress';
import { classificationBanner } from '../../../shared/model/meeting';

/** Excel's own limits: a sheet name of 31 characters without []:*?/\, and a cell of 32,767 characters. */
const SHEET_NAME_MAX = 31;
const CELL_MAX = 32_767;
const WIDTH_MIN = 8;
const WIDTH_MAX = 60;

/**
 * A sheet name Excel accepts: forbidden characters replaced, not starting or ending with an
 * apostrophe, at most 31 characters, not the reserved "History", and unique in the workbook.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = plainText(wanted).replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!base || base.toLowerCase() === 'history') base = `${base || 'Sheet'}_`;
  const chars = [...base];
  let name = chars.slice(0, SHEET_NAME_MAX).join('');
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = chars.slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet stores it: control characters removed, a leading = + - @ prefixed with an
 * apostrophe so no spreadsheet ever runs it as a formula (the contacts importer removes it again),
 * and cut to Excel's cell limit.
 */
export function sheetText(value: string): string {
  const text = plainText(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe.length > CELL_MAX ? `${safe.slice(0, CELL_MAX - 1)}…` : safe;
}

function calendarDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function cellValue(cell: Cell, column: Column | undefined): ExcelJS.CellValue {
  if (column?.kind === 'date' && cell.date) return calendarDate(cell.date);
  if (column?.kind === 'number' && cell.number !== undefined) return cell.number;
  return sheetText(cell.text);
}

/** Widths that fit the header and the contents (CJK characters count double), sampled for speed. */
function columnWidths(sheet: SheetModel): number[] {
  const sample = sheet.rows.length > 2000 ? sheet.rows.filter((_, i) => i % Math.ceil(sheet.rows.length / 2000) === 0) : sheet.rows;
  return sheet.columns.map((column, i) => {
    let widest = widestLine(column.header) + 3; // room for the filter button
    if (column.kind === 'date') widest = Math.max(widest, 16);
    for (const row of sample) widest = Math.max(widest, widestLine(row[i]?.text ?? ''));
    return Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, widest + 2));
  });
}

/** Dates as the workbook's readers write them: 2026年11月24日. */
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/**
 * The workbook as an .xlsx file, streamed row by row: each sheet with a bold header row frozen in
 * place and an autofilter, dates stored as dates, numbers as numbers, every other value as text.
 */
export async function renderXlsx(workbook: WorkbookModel, progress?: RenderProgress): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  writer.creator = 'Hetao Desk';
  writer.title = plainText(workbook.title);
  const banner = workbook.classification ? classificationBanner(workbook.classification, workbook.script) : null;
  if (banner) {
    writer.subject = banner;
    writer.keywords = banner;
  }
  // Excel's header codes: &C centre, &B bold, &K colour; a literal & is written &&.
  const printedBanner = banner ? `&C&B&KAA0000${banner.replace(/&/g, '&&')}` : undefined;
  const taken = new Set<string>();
  let done = 0;
  for (const model of workbook.sheets) {
    const sheet = writer.addWorksheet(sheetName(model.name, taken), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      ...(printedBanner ? { headerFooter: { oddHeader: printedBanner, oddFooter: printedBanner } } : {}),
    });
    const widths = columnWidths(model);
    sheet.columns = model.columns.map((column, i) => ({
      width: widths[i],
      style: column.kind === 'date' ? { numFmt: DATE_FORMAT } : { alignment: { vertical: 'top', wrapText: true } },
    }));
    const header = sheet.addRow(model.columns.map((c) => sheetText(c.header)));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
    header.commit();
    if (model.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: model.columns.length } };
    // Each cell gets its own copy of its column's style, which exceljs then looks up by content; one
    // shared object per column and value type is looked up once (exceljs remembers objects it has seen).
    const shared = new Map<string, Partial<ExcelJS.Style>>();
    for (const row of model.rows) {
      const added = sheet.addRow(row.map((cell, i) => cellValue(cell, model.columns[i])));
      added.eachCell({ includeEmpty: true }, (cell, column) => {
        const key = `${column}:${cell.type}`;
        const style = shared.get(key);
        if (style) cell.style = style;
        else shared.set(key, cell.style);
      });
      added.commit();
      await checkpoint(++done, progress);
    }
    if (workbook.footer.length) {
      sheet.addRow([]).commit();
      for (const line of workbook.footer) {
        const footer = sheet.addRow([sheetText(line)]);
        footer.font = { italic: true, color: { argb: 'FF555555' } };
        footer.commit();
      }
    }
    sheet.commit();
  }
  await writer.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
