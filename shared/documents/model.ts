import type { Classification } from '../model/meeting';
import type { Script } from '../script/script';

/**
 * The neutral document every export and the meeting pack are built as: headings, paragraphs, tables,
 * key-value lists and page breaks, with header and footer text. One model, rendered to DOCX, to HTML
 * (→ PDF through Chromium) and, for its tables, to XLSX, so the formats cannot drift apart.
 * Every text here is final: labels in the document's script, content already converted.
 */


/** Language tags written into Word files (w:lang takes Word's own codes), so Word picks regional glyphs and proofing per script. */
export const scriptLanguageTag: Record<Script, 'zh-HK' | 'zh-CN'> = { hant: 'zh-HK', hans: 'zh-CN' };

/**
 * A cell: the text shown, and for dates and numbers the value a spreadsheet stores, so Excel sorts
 * and filters them as dates and numbers. `script` marks text of the other script in a parallel table.
 */
export interface Cell {
  text: string;
  /** ISO calendar date (2026-11-24), stored as a date in XLSX. */
  date?: string;
  number?: number;
  script?: Script;
}

export interface Column {
  header: string;
  /** Relative width; the renderers share out the page (or sheet) by it. */
  width: number;
  kind?: 'text' | 'date' | 'number';
}

export interface TableBlock {
  kind: 'table';
  columns: Column[];
  rows: Cell[][];
  /** Script of the header texts when it differs from the document's (parallel layout). */
  headerScripts?: Array<Script | undefined>;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; script?: Script }
  | { kind: 'paragraph'; text: string; script?: Script; tone?: 'normal' | 'muted' | 'emphasis' }
  | TableBlock
  | { kind: 'keyValues'; items: Array<{ key: string; value: string }>; script?: Script }
  | { kind: 'pageBreak' };

export interface DocumentModel {
  /** Document title (file metadata and the first heading's usual text). */
  title: string;
  /** The script labels are in; a parallel document is `hant` with `hans` text marked per block or cell. */
  script: Script;
  /** True for the side-by-side 繁體 / 简体 layout. */
  parallel?: boolean;
  orientation: 'portrait' | 'landscape';
  /** Running header text, e.g. the sub-group and the document's date. */
  header: string;
  /** Printed as a banner at the top and bottom of every page, and in the file's properties. */
  classification?: Classification | null;
  /** Printed lightly across every page of the PDF: the recipient's name and the time. Word files carry none. */
  watermark?: [recipient: string, time: string] | null;
  /** Running footer lines: what script the content was written in, whether it was converted and reviewed. */
  footer: string[];
  /** Page number label around the number: ['第 ', ' 頁'] gives 第 3 頁. */
  pageLabel: [before: string, after: string];
  blocks: Block[];
}

/** A workbook: one sheet per table (e.g. one per sub-group), labels in the workbook's script. */
export interface SheetModel {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface WorkbookModel {
  title: string;
  script: Script;
  sheets: SheetModel[];
  /** Lines written under each sheet's last row: the script statement, as a document's footer. */
  footer: string[];
  /** In each sheet's printed header and footer, and the workbook's properties. */
  classification?: Classification | null;
}
