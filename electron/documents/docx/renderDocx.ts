import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { scriptLanguageTag, type Block, type Cell, type DocScript, type DocumentModel, type TableBlock } from '../../../shared/documents/model';

/**
 * Fonts named per script, so Word never shows a Traditional document in a Simplified typeface: the
 * Windows faces first (Ming/Song for text, JhengHei/YaHei for headings and tables). Where those are
 * missing (Linux, LibreOffice) the language tag below makes the reader pick Noto CJK HK or SC.
 */
export const docxFonts: Record<DocScript, { text: string; heading: string }> = {
  hant: { text: 'PMingLiU', heading: 'Microsoft JhengHei' },
  hans: { text: 'SimSun', heading: 'Microsoft YaHei' },
};

type Face = 'text' | 'heading';

/** Every run names its East Asian font and language, whatever style it sits in. */
function runStyle(script: DocScript, face: Face): Pick<IRunOptions, 'font' | 'language'> {
  const name = docxFonts[script][face];
  return {
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    language: { value: scriptLanguageTag[script], eastAsia: scriptLanguageTag[script] },
  };
}

/** Runs for a text, its line breaks kept as breaks. */
function runs(text: string, script: DocScript, face: Face, extra: IRunOptions = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...runStyle(script, face), ...extra, text: line, break: i > 0 ? 1 : undefined }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '777777' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(value: Cell, script: DocScript, width: number, header: boolean, numeric: boolean): TableCell {
  const own = value.script ?? script;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8ECF2', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(value.text, own, header ? 'heading' : 'text', { size: 18, bold: header || undefined }),
      }),
    ],
  });
}

function table(block: TableBlock, script: DocScript, pageWidth: number): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.floor((c.width / total) * pageWidth));
  const header = new TableRow({
    // Repeated at the top of every page the table runs onto.
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell({ text: c.header, script: block.headerScripts?.[i] }, script, widths[i]!, true, c.kind === 'number')),
  });
  const rows = block.rows.map(
    (row) => new TableRow({ children: row.map((value, i) => cell(value, script, widths[i]!, false, block.columns[i]?.kind === 'number')) }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blocks(list: Block[], script: DocScript, pageWidth: number): Array<Paragraph | Table> {
  return list.flatMap((b): Array<Paragraph | Table> => {
    switch (b.kind) {
      case 'heading':
        return [new Paragraph({ heading: headingLevels[b.level], children: runs(b.text, b.script ?? script, 'heading') })];
      case 'paragraph':
        return [
          new Paragraph({
            spacing: { after: 120 },
            children: runs(b.text, b.script ?? script, 'text', {
              bold: b.tone === 'emphasis' || undefined,
              color: b.tone === 'muted' ? '555555' : undefined,
              size: b.tone === 'muted' ? 18 : undefined,
            }),
          }),
        ];
      case 'table':
        // An empty paragraph after each table keeps two tables from merging in Word.
        return [table(b, script, pageWidth), new Paragraph({ children: [] })];
      case 'keyValues':
        return b.items.map(
          (item) =>
            new Paragraph({
              spacing: { after: 60 },
              children: [...runs(`${item.key}：`, b.script ?? script, 'heading', { bold: true }), ...runs(item.value, b.script ?? script, 'text')],
            }),
        );
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  });
}

/** A4 in twentieths of a point, less 2 cm margins each side. */
const A4 = { short: 11906, long: 16838, margin: 1134 };

/**
 * The document as a Word file: real Heading 1–3 styles (navigation pane, table of contents), table
 * header rows repeated on each page, running header, footer with the script statement, and page numbers.
 */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const { script } = doc;
  const landscape = doc.orientation === 'landscape';
  const pageWidth = (landscape ? A4.long : A4.short) - 2 * A4.margin;
  const text = runStyle(script, 'text');
  const heading = runStyle(script, 'heading');
  const small = (value: string) => runs(value, script, 'text', { size: 16, color: '555555' });
  const document = new Document({
    title: doc.title,
    creator: 'Hetao Desk',
    styles: {
      default: {
        document: { run: { ...text, size: 21 } },
        heading1: { run: { ...heading, size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { ...heading, size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { ...heading, size: 22, bold: true }, paragraph: { spacing: { before: 180, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape.
            size: { width: A4.short, height: A4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ children: small(doc.header) })] }) },
        footers: {
          default: new Footer({
            children: [
              ...doc.footer.map((line) => new Paragraph({ children: small(line) })),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ ...text, size: 16, children: [doc.pageLabel[0], PageNumber.CURRENT, doc.pageLabel[1]] }),
                ],
              }),
            ],
          }),
        },
        children: blocks(doc.blocks, script, pageWidth),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
