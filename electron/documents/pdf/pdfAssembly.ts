import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFPageTree,
  PDFRawStream,
  PDFRef,
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
} from 'pdf-lib';

/**
 * Where each named destination of a Chromium-rendered PDF lands: name → zero-based page index.
 * Chromium writes one (in the catalog's /Dests) for every element a same-document link points to,
 * which is how a document printed in one pass tells where each of its parts starts.
 */
export function namedDestinationPages(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const found = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookup(value);
    const dest = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    const page = dest instanceof PDFArray ? dest.get(0) : undefined;
    const index = page ? pageIndex.get(page.toString()) : undefined;
    if (index !== undefined) found.set(name.decodeText(), index);
  }
  return found;
}

const OVERLAY = PDFName.of('HetaoOverlay');

/**
 * Lays an overlay page's header and footer strips over each page of `pages` (one overlay page per
 * page, all in `doc`). The overlay is text Chromium rendered on transparent pages, so CJK page
 * numbers need no font embedding here. Each overlay page's content stream becomes a form XObject
 * as it is, without decoding or copying; pages of the overlay's size get it whole, others (papers in
 * Letter or landscape) get the header strip at their top and the footer strip at their bottom.
 */
export function stampOverlay(
  doc: PDFDocument,
  pages: PDFPage[],
  overlayPages: PDFPage[],
  /** 'whole': pages of another size get the whole overlay, scaled to fit and centred (a watermark across the page). */
  strips: { headerPt: number; footerPt: number } | 'whole',
): void {
  if (overlayPages.length !== pages.length) throw new Error(`overlay has ${overlayPages.length} pages for ${pages.length}`);
  const { context } = doc;
  pages.forEach((page, index) => {
    const overlay = overlayPages[index]!;
    const { width: ow, height: oh } = overlay.getSize();
    const form = formXObject(doc, overlay);
    // Its own Resources and XObject dicts: papers often share one between pages.
    page.node.normalize();
    const resources = page.node.Resources()!.clone(context);
    const xObjects = (resources.lookupMaybe(PDFName.of('XObject'), PDFDict) ?? context.obj({})).clone(context);
    const name = xObjects.has(OVERLAY) ? xObjects.uniqueKey('HetaoOverlay') : OVERLAY;
    xObjects.set(name, form);
    resources.set(PDFName.of('XObject'), xObjects);
    page.node.set(PDFName.of('Resources'), resources);

    const box = page.getMediaBox();
    if (Math.abs(box.width - ow) < 1 && Math.abs(box.height - oh) < 1) {
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, box.x, box.y), drawObject(name), popGraphicsState());
      return;
    }
    if (strips === 'whole') {
      const fit = Math.min(box.width / ow, box.height / oh);
      const [fx, fy] = [box.x + (box.width - ow * fit) / 2, box.y + (box.height - oh * fit) / 2];
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(fit, 0, 0, fit, fx, fy), drawObject(name), popGraphicsState());
      return;
    }
    const scale = Math.min(1, box.width / ow);
    const x = box.x + (box.width - ow * scale) / 2;
    const strip = (y: number, bottom: number, height: number) => [
      pushGraphicsState(),
      concatTransformationMatrix(scale, 0, 0, scale, x, y),
      rectangle(0, bottom, ow, height),
      clip(),
      endPath(),
      drawObject(name),
      popGraphicsState(),
    ];
    page.pushOperators(...strip(box.y + box.height - oh * scale, oh - strips.headerPt, strips.headerPt), ...strip(box.y, 0, strips.footerPt));
  });
}

/** The page's content as a form XObject: its one content stream relabelled, else pdf-lib's copy. */
function formXObject(doc: PDFDocument, page: PDFPage): PDFRef {
  const contents = page.node.get(PDFName.of('Contents'));
  const stream = contents instanceof PDFRef ? doc.context.lookup(contents) : undefined;
  if (!(contents instanceof PDFRef) || !(stream instanceof PDFRawStream)) {
    throw new Error('overlay page without a single content stream');
  }
  const { width, height } = page.getSize();
  stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
  stream.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
  stream.dict.set(PDFName.of('BBox'), doc.context.obj([0, 0, width, height]));
  stream.dict.set(PDFName.of('Resources'), page.node.Resources() ?? doc.context.obj({}));
  return contents;
}

/**
 * Makes `pages` the document's pages, in that order, as one flat page tree; pages left out (and the
 * old tree's inner nodes) are dropped from the file. Inherited attributes are first copied onto each
 * page. pdf-lib's own page list is stale afterwards: call this last, before saving.
 */
export function setPages(doc: PDFDocument, pages: PDFPage[]): void {
  const { context } = doc;
  const keep = new Set(pages.map((page) => page.ref.toString()));
  for (const page of pages) {
    for (const key of ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map((k) => PDFName.of(k))) {
      const value = page.node.getInheritableAttribute(key);
      if (value !== undefined) page.node.set(key, value);
    }
  }
  const rootRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  doc.catalog.Pages().traverse((node, ref) => {
    if (node instanceof PDFPageTree || !keep.has(ref.toString())) context.delete(ref);
  });
  const root = context.obj({ Type: 'Pages', Kids: pages.map((page) => page.ref), Count: pages.length });
  for (const page of pages) page.node.set(PDFName.of('Parent'), rootRef);
  context.assign(rootRef, root);

  // Named destinations into dropped pages would dangle.
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = context.lookup(value);
    const page = dest instanceof PDFArray ? dest.get(0) : undefined;
    if (!page || !keep.has(page.toString())) dests!.delete(name);
  }
}

export interface OutlineEntry {
  title: string;
  /** Zero-based index into the pages given to setOutline. */
  pageIndex: number;
  children?: OutlineEntry[];
}

/**
 * Writes PDF bookmarks (the /Outlines tree, PDF 1.7 §12.3.3) with pdf-lib's low-level objects,
 * which it has no API for. Each entry opens its page at the top; parents are shown expanded.
 */
export function setOutline(doc: PDFDocument, pages: PDFPage[], entries: OutlineEntry[]): void {
  const context = doc.context;
  const pageRefs = pages.map((page) => page.ref);
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
