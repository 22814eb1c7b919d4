/** A row of cells as read from a CSV or XLSX file, numbered as the spreadsheet numbers it. */
export interface SheetRow {
  row: number;
  cells: string[];
}
