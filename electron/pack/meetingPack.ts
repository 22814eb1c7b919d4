import { PDFDocument, type PDFPage } from 'pdf-lib';
import { namedDestinationPages, setOutline, setPages, stampOverlay, type OutlineEntry } from '../documents/pdf/pdfAssembly';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import type { PackContent, PackPaper } from './packContent';
import {
  FOOTER_PT,
  HEADER_PT,
  agendaPart,
  attendancePart,
  contentsPart,
  coverPart,
  mattersPart,
  minutesPart,
  packDocumentHtml,
  partHtml,
  separatorPart,
  separatorsPreviewHtml,
  type ContentsLine,
  type PackLabels,
  type PackPart,
} from './packHtml';

/** Reported as the pack is built: steps done of the total, and what is being done now. */
export type PackProgress = (done: number, total: number, label: string) => void;

export interface BuiltPack {
  bytes: Uint8Array;
  pageCount: number;
  /** The contents page's lines with the page each section or paper starts on (1-based). */
  contents: Array<{ title: string; page: number }>;
  /** Papers that could not be read: each got a placeholder page instead. */
  brokenPapers: string[];
  /** The generated parts as HTML, for the in-app print preview. */
  preview: Array<{ title: string; html: string; pages: number }>;
}

export class PackCancelled extends Error {
  constructor() {
    super('pack.cancelled');
  }
}

/** One rendering of every generated part: the PDF, where each part starts, and how many pages they fill. */
interface Layout {
  doc: PDFDocument;
  /** Part id → zero-based page index in `doc`. */
  starts: Map<string, number>;
  generated: number;
}

async function loadPaper(paper: PackPaper): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(await paper.load(), { updateMetadata: false });
    // Touch every page: a damaged page tree fails here, not halfway through the merge.
    return doc.getPageCount() > 0 && doc.getPages().every((p) => p.getSize().width > 0) ? doc : null;
  } catch {
    // Unreadable, encrypted or not a PDF at all: the pack still builds, with a placeholder page.
    return null;
  }
}

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Builds one script's meeting pack. Chromium lays out every generated part (cover, contents,
 * sections, separator pages) as ONE document, whose named destinations tell where each part starts;
 * a second rendering fills in the contents' page numbers and adds the header/footer overlay sheets
 * to the same document. The papers' pages are then slotted in behind their separators, the overlay
 * laid over every page (so numbering runs on across merged papers), bookmarks added, and the
 * second rendering, so extended, saved as the pack.
 */
export async function buildMeetingPack(
  content: PackContent,
  deps: {
    renderer: PdfRenderer;
    /** Document strings, in the pack's script. */
    t: PackLabels;
    /** Progress labels, in the user's language. */
    progressT?: PackLabels;
    now: () => Date;
    onProgress?: PackProgress;
    signal?: AbortSignal;
  },
): Promise<BuiltPack> {
  const { renderer, t } = deps;
  const label = deps.progressT ?? t;
  const papers = content.agenda.flatMap((item) => item.papers.map((paper) => ({ item, paper })));
  const total = papers.length + 4;
  let done = 0;
  const step = (label: string) => {
    if (deps.signal?.aborted) throw new PackCancelled();
    deps.onProgress?.(done++, total, label);
  };

  // Papers first: one that cannot be read gets a note on its separator page instead.
  const loaded: Array<PDFDocument | null> = [];
  const brokenPapers: string[] = [];
  for (const { paper } of papers) {
    step(label('packProgress.paper', { name: paper.title }));
    const doc = await loadPaper(paper);
    if (!doc) brokenPapers.push(paper.name);
    loaded.push(doc);
  }
  const paperPages = loaded.map((doc) => doc?.getPageCount() ?? 0);

  const cover = coverPart(content, t);
  const sections = [agendaPart, attendancePart, minutesPart, mattersPart].map((part) => part(content, t));
  const separators = papers.map(({ item, paper }, i) =>
    separatorPart(
      content.script,
      i,
      { item: item.number, itemTitle: item.title, paperTitle: paper.title, note: loaded[i] ? null : t('packDoc.brokenPaper', { name: paper.name }) },
      t,
    ),
  );
  const partsWith = (lines: ContentsLine[]): PackPart[] => [cover, contentsPart(content, lines, t), ...sections, ...separators];

  const render = async (lines: ContentsLine[], overlayPages: number | null): Promise<Layout> => {
    const parts = partsWith(lines);
    const doc = await PDFDocument.load(await renderer.render(packDocumentHtml(content, parts, t, overlayPages)), { updateMetadata: false });
    const found = namedDestinationPages(doc);
    const starts = new Map<string, number>();
    for (const part of parts) {
      const start = found.get(part.id);
      if (start === undefined) throw new Error(`pack layout: no page for part ${part.id}`);
      starts.set(part.id, start);
    }
    const generated = doc.getPageCount() - (overlayPages ?? 0);
    // A separator page that spilled onto a second would misplace every paper after it.
    separators.forEach((separator, i) => {
      const end = i + 1 < separators.length ? starts.get(separators[i + 1]!.id)! : generated;
      if (end - starts.get(separator.id)! !== 1) throw new Error(`separator ${i + 1} fills ${end - starts.get(separator.id)!} pages`);
    });
    return { doc, starts, generated };
  };
  // Papers sit behind their separators, which come last: a part's page in the pack is its page in
  // the rendering plus the pages of the papers before it.
  const packIndex = (layout: Layout, id: string) => {
    const start = layout.starts.get(id)!;
    return start + separators.reduce((sum, s, i) => sum + (layout.starts.get(s.id)! < start ? paperPages[i]! : 0), 0);
  };
  const linesFor = (layout: Layout | null): ContentsLine[] => {
    const page = (id: string) => (layout ? packIndex(layout, id) + 1 : null);
    const lines: ContentsLine[] = sections.map((s) => ({ title: s.title, target: s.id, page: page(s.id), level: 0 }));
    if (separators.length) lines.push({ title: t('packDoc.papers'), target: separators[0]!.id, page: page(separators[0]!.id), level: 0 });
    papers.forEach(({ item, paper }, i) =>
      lines.push({ title: t('packDoc.paperLine', { number: item.number, title: paper.title }), target: separators[i]!.id, page: page(separators[i]!.id), level: 1 }),
    );
    return lines;
  };
  const packPages = (layout: Layout) => layout.generated + paperPages.reduce((a, b) => a + b, 0);
  const sameLayout = (a: Layout, b: Layout) => a.generated === b.generated && [...a.starts].every(([id, start]) => b.starts.get(id) === start);

  step(label('packProgress.sections'));
  let measured = await render(linesFor(null), null);
  // The contents is laid out before its page numbers are known; a fixed-width number column keeps
  // the layout (and so every part's first page) the same once they are filled in. Repeat if not.
  step(label('packProgress.contents'));
  let lines = linesFor(measured);
  let final = await render(lines, packPages(measured));
  for (let tries = 0; !sameLayout(measured, final); tries++) {
    if (tries === 3) throw new Error('pack layout: the contents does not settle');
    measured = final;
    lines = linesFor(measured);
    final = await render(lines, packPages(measured));
  }

  step(label('packProgress.merging'));
  const pack = final.doc;
  const rendered = pack.getPages();
  const firstSeparator = separators.length ? final.starts.get(separators[0]!.id)! : final.generated;
  const pages: PDFPage[] = rendered.slice(0, firstSeparator);
  for (const [i, doc] of loaded.entries()) {
    if (deps.signal?.aborted) throw new PackCancelled();
    pages.push(rendered[firstSeparator + i]!);
    if (doc) pages.push(...(await pack.copyPages(doc, indices(doc.getPageCount()))));
  }
  stampOverlay(pack, pages, rendered.slice(final.generated), { headerPt: HEADER_PT, footerPt: FOOTER_PT });

  const ordered = partsWith(lines).slice(0, 2 + sections.length);
  const outline: OutlineEntry[] = ordered.map((part) => ({ title: part.title, pageIndex: packIndex(final, part.id) }));
  const paperEntries = papers.map((_, i) => ({ title: lines[sections.length + 1 + i]!.title, pageIndex: packIndex(final, separators[i]!.id) }));
  if (paperEntries.length) outline.push({ title: t('packDoc.papers'), pageIndex: paperEntries[0]!.pageIndex, children: paperEntries });
  setOutline(pack, pages, outline);
  setPages(pack, pages);

  const title = `${content.groupName} ${content.meetingTitle} ${t('packDoc.title')}`;
  pack.setTitle(title, { showInWindowTitleBar: true });
  pack.setLanguage(content.script === 'hant' ? 'zh-HK' : 'zh-CN');
  pack.setCreator('Hetao Desk');
  pack.setProducer('Hetao Desk');
  pack.setCreationDate(deps.now());
  pack.setModificationDate(deps.now());
  step(label('packProgress.saving'));
  const bytes = await pack.save();
  deps.onProgress?.(total, total, label('packProgress.saving'));

  const partPages = (id: string, next: string | null) => (next ? final.starts.get(next)! : final.generated) - final.starts.get(id)!;
  const preview = [
    ...ordered.map((part, i) => ({ title: part.title, html: partHtml(content.script, part), pages: partPages(part.id, ordered[i + 1]?.id ?? separators[0]?.id ?? null) })),
    ...(separators.length ? [{ title: t('packDoc.papers'), html: separatorsPreviewHtml(content.script, separators, t), pages: separators.length }] : []),
  ];
  return {
    bytes,
    pageCount: pages.length,
    contents: lines.map((l) => ({ title: l.title, page: l.page! })),
    brokenPapers,
    preview,
  };
}

/**
 * One numbered copy of a built pack: `sheets` (copySheetsHtml rendered, a page per pack page) laid
 * over every page, and the copy named in the file's subject. The pack itself is not laid out again.
 */
export async function numberedCopy(pack: Uint8Array, sheets: Uint8Array, subject: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pack, { updateMetadata: false });
  const overlay = await PDFDocument.load(sheets, { updateMetadata: false });
  const copied = await doc.copyPages(overlay, indices(overlay.getPageCount()));
  stampOverlay(doc, doc.getPages(), copied, 'whole');
  // The sheets' page objects were only carriers of their content: only that content stays in the file.
  for (const sheet of copied) doc.context.delete(sheet.ref);
  doc.setSubject(subject);
  return doc.save();
}
