import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

const run = promisify(execFile);

/**
 * Each page's text as poppler's pdftotext reads it: what a reader (or a search) finds on that page.
 * `raw` keeps the order the text is drawn in, which is how turned text (a watermark) stays in one piece.
 */
export async function pageTexts(file: string, mode: 'layout' | 'raw' = 'layout'): Promise<string[]> {
  const { stdout } = await run('pdftotext', [`-${mode}`, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  return stdout.split('\f').slice(0, -1);
}

/** Fonts as pdffonts lists them: whether each is embedded, and whether it maps to Unicode. */
export async function pdfFonts(file: string): Promise<Array<{ type: string; embedded: boolean; unicode: boolean }>> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // The last five columns: emb sub uni object ID (ID is two columns: number and generation).
      const [emb, , uni] = cols.slice(-5);
      return { type: line, embedded: emb === 'yes', unicode: uni === 'yes' };
    });
}

export interface Bookmark {
  title: string;
  /** 1-based page the bookmark opens. */
  page: number;
  children: Bookmark[];
}

/** The PDF's bookmarks (its /Outlines tree) with the page each one opens. */
export async function bookmarks(bytes: Uint8Array): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.ref.toString());
  const dict = (value: unknown) => (value ? doc.context.lookupMaybe(value as PDFRef, PDFDict) : undefined);
  const walk = (first: unknown): Bookmark[] => {
    const out: Bookmark[] = [];
    for (let node = dict(first); node; node = dict(node.get(PDFName.of('Next')))) {
      const title = node.get(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = doc.context.lookup(node.get(PDFName.of('Dest')), PDFArray);
      out.push({ title: title.decodeText(), page: pages.indexOf(dest.get(0).toString()) + 1, children: walk(node.get(PDFName.of('First'))) });
    }
    return out;
  };
  const outlines = dict(doc.catalog.get(PDFName.of('Outlines')));
  return outlines ? walk(outlines.get(PDFName.of('First'))) : [];
}
