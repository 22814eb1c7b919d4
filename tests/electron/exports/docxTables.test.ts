import JSZip from 'jszip';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxFonts, renderDocx } from '../../../electron/documents/docx/renderDocx';
import { readZipEntry } from '../../../electron/documents/docx/zipEntry';
import { scriptLanguageTag, type Cell, type DocumentModel, type TableBlock } from '../../../shared/documents/model';
import { type Script } from '../../../shared/script/script';

/*
 * renderDocx writes table body rows as XML from templates docx laid out, instead of building each
 * cell as a docx object. These tests hold it to docx's own bytes for the same cells, hostile text included.
 */

const HOSTILE = 'a & b < c > "引號" \'單\'\u0001\u001F\tTab';
const LANDSCAPE_WIDTH = 16838 - 2 * 1134;

const logTable = (rows: Cell[][]): TableBlock => ({
  kind: 'table',
  columns: [
    { header: '日期', width: 14 },
    { header: '狀態', width: 18 },
    { header: '備註', width: 68, kind: 'number' },
  ],
  rows,
});

const model = (blocks: DocumentModel['blocks']): DocumentModel => ({
  title: '跟進事項',
  script: 'hant',
  orientation: 'landscape',
  header: '頁首',
  footer: ['頁尾'],
  pageLabel: ['第 ', ' 頁'],
  blocks,
});

/** docx's own rendering of a table, cell by cell, as renderDocx built it before body rows were templated. */
function docxTable(block: TableBlock, script: Script, pageWidth: number): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '777777' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (value: Cell, width: number, header: boolean, numeric: boolean) => {
    const own = value.script ?? script;
    const name = docxFonts[own][header ? 'heading' : 'text'];
    const style = { font: { ascii: name, hAnsi: name, eastAsia: name, cs: name }, language: { value: scriptLanguageTag[own], eastAsia: scriptLanguageTag[own] } };
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders,
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8ECF2', color: 'auto' } : undefined,
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: value.text.split('\n').map((line, i) => new TextRun({ ...style, size: 18, bold: header || undefined, text: line, break: i > 0 ? 1 : undefined })),
        }),
      ],
    });
  };
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * pageWidth));
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell({ text: c.header, script: block.headerScripts?.[i] }, widths[i]!, true, c.kind === 'number')) });
  const rows = block.rows.map((row) => new TableRow({ children: row.map((value, i) => cell(value, widths[i]!, false, block.columns[i]?.kind === 'number')) }));
  return new Table({ layout: TableLayoutType.FIXED, width: { size: pageWidth, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

const tablesOf = (xml: string) => xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];

describe('DOCX tables', () => {
  it('writes the bytes docx writes for the same cells: escapes, line breaks, empty cells, each cell in its own script', async () => {
    const first = logTable([
      [{ text: '2026年11月24日' }, { text: HOSTILE }, { text: '第一行\n第二行\n\n第四行' }],
      [{ text: '' }, { text: '简体内容', script: 'hans' }, { text: '12,345' }],
    ]);
    const second = logTable([[{ text: 'HETAO 不是標記' }, { text: '只有一行' }, { text: '尾' }]]);
    const other: TableBlock = { kind: 'table', columns: [{ header: '繁體', width: 1 }, { header: '简体', width: 1 }], headerScripts: [undefined, 'hans'], rows: [[{ text: '甲' }, { text: '乙', script: 'hans' }]] };
    const empty = logTable([]);
    const blocks: DocumentModel['blocks'] = [first, { kind: 'heading', level: 3, text: '之後' }, second, other, empty, logTable([[{ text: '最後' }, { text: '' }, { text: '' }]])];

    const written = tablesOf(await documentXml(await renderDocx(model(blocks))));
    const reference = new Document({ sections: [{ children: blocks.flatMap((b) => (b.kind === 'table' ? [docxTable(b, 'hant', LANDSCAPE_WIDTH)] : [])) }] });
    const expected = tablesOf(await documentXml(await Packer.toBuffer(reference)));

    expect(written).toHaveLength(5);
    expect(written).toEqual(expected);
    expect(written.join('')).not.toMatch(/HETAO[0-9a-f]{32}/);
  });

  it('keeps the text around tables where it was', async () => {
    const xml = await documentXml(await renderDocx(model([{ kind: 'paragraph', text: '前言' }, logTable([[{ text: '甲' }, { text: '乙' }, { text: '丙' }]]), { kind: 'paragraph', text: '結語' }])));
    const order = ['前言', '<w:tbl>', '甲', '乙', '丙', '</w:tbl>', '結語'].map((s) => xml.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('reading one file out of a ZIP archive', () => {
  it('reads stored and deflated entries, and says when there is none', async () => {
    const zip = new JSZip();
    zip.file('stored.txt', '原樣', { compression: 'STORE' });
    zip.file('word/document.xml', '<w:document>壓縮</w:document>'.repeat(100), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(readZipEntry(bytes, 'stored.txt')?.toString('utf8')).toBe('原樣');
    expect(readZipEntry(bytes, 'word/document.xml')?.toString('utf8')).toBe('<w:document>壓縮</w:document>'.repeat(100));
    expect(readZipEntry(bytes, 'missing.xml')).toBeNull();
    expect(() => readZipEntry(new Uint8Array(40), 'x')).toThrow(/central directory/);
  });
});
