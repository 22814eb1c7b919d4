import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, type PDFRef } from 'pdf-lib';

/** Pages of a PDF Chromium rendered; throws on bytes that are not a PDF. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/**
 * Lays each overlay page's header and footer strips over the matching page of `doc`. The overlay is
 * a PDF Chromium rendered with one page per page of `doc` (text on a transparent page), so CJK
 * page numbers need no font embedding here; strips are placed by their size, so papers in Letter or
 * landscape get the header at their top and the footer at their bottom, centred.
 */
export async function stampOverlay(doc: PDFDocument, overlayBytes: Uint8Array, strips: { headerPt: number; footerPt: number }): Promise<void> {
  const overlay = await PDFDocument.load(overlayBytes);
  const pages = doc.getPages();
  if (overlay.getPageCount() !== pages.length) {
    throw new Error(`overlay has ${overlay.getPageCount()} pages for ${pages.length}`);
  }
  const overlayPages = overlay.getPages();
  const boxes = overlayPages.flatMap((page) => {
    const { width, height } = page.getSize();
    return [
      { left: 0, bottom: height - strips.headerPt, right: width, top: height },
      { left: 0, bottom: 0, right: width, top: strips.footerPt },
    ];
  });
  const embedded = await doc.embedPages(
    overlayPages.flatMap((page) => [page, page]),
    boxes,
  );
  pages.forEach((page, index) => {
    const header = embedded[index * 2]!;
    const footer = embedded[index * 2 + 1]!;
    const { width, height } = page.getSize();
    const scale = Math.min(1, width / header.width);
    page.drawPage(header, {
      x: (width - header.width * scale) / 2,
      y: height - header.height * scale,
      xScale: scale,
      yScale: scale,
    });
    page.drawPage(footer, { x: (width - footer.width * scale) / 2, y: 0, xScale: scale, yScale: scale });
  });
}

export interface OutlineEntry {
  title: string;
  /** Zero-based page index in the document. */
  pageIndex: number;
  children?: OutlineEntry[];
}

/**
 * Writes PDF bookmarks (the /Outlines tree, PDF 1.7 §12.3.3) with pdf-lib's low-level objects,
 * which it has no API for. Each entry opens its page at the top; parents are shown expanded.
 */
export function setOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  const context = doc.context;
  const pageRefs = doc.getPages().map((page: PDFPage) => page.ref);
  const rootRef = context.nextRef();

  const build = (items: OutlineEntry[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } | null => {
    if (!items.length) return null;
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const page = pageRefs[item.pageIndex];
      if (!page) throw new Error(`bookmark "${item.title}" points past the last page`);
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      const dest = PDFArray.withContext(context);
      dest.push(page);
      dest.push(PDFName.of('Fit'));
      dict.set(PDFName.of('Dest'), dest);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const children = build(item.children ?? [], refs[i]!);
      if (children) {
        dict.set(PDFName.of('First'), children.first);
        dict.set(PDFName.of('Last'), children.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(children.count));
        count += children.count;
      }
      count += 1;
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };

  const top = build(entries, rootRef);
  if (!top) return;
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
