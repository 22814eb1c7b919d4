import type { WorkbookModel } from '../../../shared/documents/model';
import { writeCsv } from '../../sheets/csv';
import { sheetText } from '../xlsx/renderXlsx';

/**
 * A workbook's first sheet as CSV, UTF-8 with a BOM as Excel expects: the header and the rows only,
 * no title or footer, so the file reads back into the importer. Cells are made inert by the XLSX
 * writer's own sanitizer, so a CSV and a workbook of the same data hold the same text.
 */
export function renderCsv(model: WorkbookModel): Uint8Array {
  const [sheet] = model.sheets;
  const rows = sheet ? [sheet.columns.map((column) => column.header), ...sheet.rows.map((row) => row.map((cell) => cell.text))] : [];
  return new TextEncoder().encode(writeCsv(rows.map((row) => row.map(sheetText))));
}
