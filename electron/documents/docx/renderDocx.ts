import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageBreak, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { randomUUID } from 'node:crypto';
import { scriptLanguageTag, type Block, type Cell, type DocumentModel, type TableBlock } from '../../../shared/documents/model';
import { readZipEntry } from './zipEntry';
import { scripts, type Script } from '../../../shared/script/script';
import { classificationBanner } from '../../../shared/model/meeting';

/**
 * Fonts named per script, so Word never shows a Traditional document in a Simplified typeface: the
 * Windows faces first (Ming/Song for text, JhengHei/YaHei for headings and tables). Where those are
 * missing (Linux, LibreOffice) the language tag below makes the reader pick Noto CJK HK or SC.
 */
export const docxFonts: Record<Script, { text: string; heading: string }> = {
  hant: { text: 'PMingLiU', heading: 'Microsoft JhengHei' },
  hans: { text: 'SimSun', heading: 'Microsoft YaHei' },
};

type Face = 'text' | 'heading';

/** Every run names its East Asian font and language, whatever style it sits in. */
function runStyle(script: Script, face: Face): Pick<IRunOptions, 'font' | 'language'> {
  const name = docxFonts[script][face];
  return {
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    language: { value: scriptLanguageTag[script], eastAsia: scriptLanguageTag[script] },
  };
}

/** Runs for a text, its line breaks kept as breaks. */
function runs(text: string, script: Script, face: Face, extra: IRunOptions = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...runStyle(script, face), ...extra, text: line, break: i > 0 ? 1 : undefined }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '777777' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(value: Cell, script: Script, width: number, header: boolean, numeric: boolean): TableCell {
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

/**
 * Body rows are not built as docx objects: at thousands of rows that took seconds and hundreds of MB.
 * The first table of each shape (columns, header) is built with one template row per script, a marker
 * in place of each cell's text (two lines, so the break between runs is captured too); later tables of
 * that shape are a marker paragraph. Once docx has written the document, each is replaced by its
 * table written from the template's XML: the same bytes docx writes for the same cells.
 */
class TableWriter {
  /** Unique per render, so no text can be taken for a marker. */
  private readonly nonce = randomUUID().replaceAll('-', '');
  private readonly shapes = new Map<string, number>();
  /** Each table in document order, with its shape and whether it carries that shape's template. */
  private readonly tables: Array<{ block: TableBlock; shape: number; template: boolean }> = [];

  constructor(
    private readonly script: Script,
    private readonly pageWidth: number,
  ) {}

  get count(): number {
    return this.tables.length;
  }

  private marker(kind: string): string {
    return `HETAO${this.nonce}${kind}`;
  }

  private cellMarker(shape: number, column: number, script: Script, line: 'A' | 'B'): string {
    return this.marker(`S${shape}C${column}${script}${line}`);
  }

  /** The table as docx content: the shape's template table, or a paragraph marking where it goes. */
  add(block: TableBlock): Paragraph | Table {
    const count = columnCount(block);
    const key = JSON.stringify([block.columns, block.headerScripts ?? null, count]);
    const known = this.shapes.get(key);
    const shape = known ?? this.shapes.size;
    this.tables.push({ block, shape, template: known === undefined });
    if (known !== undefined) return new Paragraph({ children: [new TextRun(this.marker(`P${this.tables.length - 1}`))] });
    this.shapes.set(key, shape);
    const { script, pageWidth } = this;
    const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
    const widths = block.columns.map((c) => Math.floor((c.width / total) * pageWidth));
    const header = new TableRow({
      // Repeated at the top of every page the table runs onto.
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map((c, i) => cell({ text: c.header, script: block.headerScripts?.[i] }, script, widths[i]!, true, c.kind === 'number')),
    });
    const templates = scripts.map(
      (own) =>
        new TableRow({
          children: Array.from({ length: count }, (_, i) =>
            cell(
              { text: `${this.cellMarker(shape, i, own, 'A')}\n${this.cellMarker(shape, i, own, 'B')}`, script: own },
              script,
              widths[i]!,
              false,
              block.columns[i]?.kind === 'number',
            ),
          ),
        }),
    );
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: pageWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...templates],
    });
  }

  /** docx's document.xml with every table's rows in place. */
  fill(xml: string): string {
    const shapes: ShapeXml[] = [];
    const out: string[] = [];
    let copied = 0;
    this.tables.forEach(({ block, shape, template }, index) => {
      let start: number;
      let end: number;
      if (template) {
        const found = this.shapeXml(xml, shape, columnCount(block), copied);
        shapes[shape] = found.xml;
        [start, end] = [found.start, found.end];
      } else {
        const at = find(xml, this.marker(`P${index}`), copied);
        start = find(xml, '<w:p>', at, true);
        end = find(xml, '</w:p>', at) + '</w:p>'.length;
      }
      const { tableOpen, rowOpen, cells, rowClose, tableClose } = shapes[shape]!;
      out.push(xml.slice(copied, start), tableOpen);
      for (const row of block.rows) {
        out.push(rowOpen);
        row.forEach((value, i) => {
          const template = cells[value.script ?? this.script][i]!;
          out.push(template.open, value.text.split('\n').map(xmlText).join(template.lineBreak), template.close);
        });
        out.push(rowClose);
      }
      out.push(tableClose);
      copied = end;
    });
    out.push(xml.slice(copied));
    return out.join('');
  }

  /** A template table's XML cut at its markers; `start`–`end` is the whole table. */
  private shapeXml(xml: string, shape: number, count: number, from: number): { xml: ShapeXml; start: number; end: number } {
    const cells = {} as Record<Script, CellXml[]>;
    let rowsStart = -1;
    let rowOpen = '';
    let rowClose = '';
    let rowsEnd = from;
    for (const own of scripts) {
      cells[own] = [];
      let cellEnd = rowsEnd;
      for (let i = 0; i < count; i++) {
        const [a, b] = [this.cellMarker(shape, i, own, 'A'), this.cellMarker(shape, i, own, 'B')];
        const atA = find(xml, a, rowsEnd);
        const atB = find(xml, b, atA);
        const cellStart = find(xml, '<w:tc>', atA, true);
        if (i === 0) {
          const rowStart = find(xml, '<w:tr>', cellStart, true);
          if (rowsStart < 0) rowsStart = rowStart;
          rowOpen = xml.slice(rowStart, cellStart);
        }
        cellEnd = find(xml, '</w:tc>', atB) + '</w:tc>'.length;
        cells[own].push({ open: xml.slice(cellStart, atA), lineBreak: xml.slice(atA + a.length, atB), close: xml.slice(atB + b.length, cellEnd) });
      }
      rowsEnd = find(xml, '</w:tr>', cellEnd) + '</w:tr>'.length;
      rowClose = xml.slice(cellEnd, rowsEnd);
    }
    const start = find(xml, '<w:tbl>', rowsStart, true);
    const end = find(xml, '</w:tbl>', rowsEnd) + '</w:tbl>'.length;
    return { xml: { tableOpen: xml.slice(start, rowsStart), rowOpen, cells, rowClose, tableClose: xml.slice(rowsEnd, end) }, start, end };
  }
}

/** A cell's XML around its text: before the first line, between lines, after the last. */
interface CellXml {
  open: string;
  lineBreak: string;
  close: string;
}

/** A table shape's XML: up to its first body row (header row included), each body cell by script and column, and its end. */
interface ShapeXml {
  tableOpen: string;
  rowOpen: string;
  cells: Record<Script, CellXml[]>;
  rowClose: string;
  tableClose: string;
}

function columnCount(block: TableBlock): number {
  let count = block.columns.length;
  for (const row of block.rows) count = Math.max(count, row.length);
  return count;
}

function find(xml: string, text: string, from: number, backwards = false): number {
  const at = backwards ? xml.lastIndexOf(text, from) : xml.indexOf(text, from);
  if (at < 0) throw new Error(`docx: ${text} not found`);
  return at;
}

/** Text as docx escapes it in XML: the five entities, control characters dropped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters, as docx does, is the point
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => xmlEntities[char] ?? '');
}
const xmlEntities: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blocks(list: Block[], script: Script, tables: TableWriter): Array<Paragraph | Table> {
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
        return [tables.add(b), new Paragraph({ children: [] })];
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
  const banner = doc.classification ? classificationBanner(doc.classification, script) : null;
  // In the page header and footer, so Word repeats it on every page, and in the file's keywords.
  const bannerParagraph = () => new Paragraph({ alignment: AlignmentType.CENTER, children: runs(banner!, script, 'heading', { size: 18, bold: true, color: 'AA0000' }) });
  const tables = new TableWriter(script, pageWidth);
  const document = (children: Array<Paragraph | Table>) => new Document({
    title: doc.title,
    creator: 'Hetao Desk',
    ...(banner ? { keywords: banner, subject: banner } : {}),
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
        headers: { default: new Header({ children: [...(banner ? [bannerParagraph()] : []), new Paragraph({ children: small(doc.header) })] }) },
        footers: {
          default: new Footer({
            children: [
              ...(banner ? [bannerParagraph()] : []),
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
        children,
      },
    ],
  });
  const content = document(blocks(doc.blocks, script, tables));
  if (!tables.count) return new Uint8Array(await Packer.toBuffer(content));
  const skeleton = readZipEntry(await Packer.toBuffer(content), 'word/document.xml');
  if (!skeleton) throw new Error('docx: no document.xml');
  // The package around the body depends on the section only, so an empty body packs the same parts faster.
  return new Uint8Array(await Packer.toBuffer(document([]), undefined, [{ path: 'word/document.xml', data: tables.fill(skeleton.toString('utf8')) }]));
}
