import { PDFDocument } from 'pdf-lib';
import { setOutline, stampOverlay, type OutlineEntry } from '../documents/pdf/pdfAssembly';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import type { PackContent, PackPaper } from './packContent';
import {
  FOOTER_PT,
  HEADER_PT,
  agendaHtml,
  attendanceHtml,
  contentsHtml,
  coverHtml,
  mattersHtml,
  minutesHtml,
  overlayHtml,
  separatorsHtml,
  type ContentsLine,
  type PackLabels,
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

interface Part {
  /** In the contents and bookmarks; null for the cover and the contents page itself. */
  title: string | null;
  level: 0 | 1;
  doc: PDFDocument;
  /** Which pages of `doc` belong to this part. */
  pages: number[];
  /** Bookmarks nested under this one (papers under "Papers"). */
  parent?: string;
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
 * Builds one script's meeting pack: renders the generated sections in Chromium, counts their pages,
 * lays out the contents with the real page numbers, merges the papers behind their separator pages,
 * lays header and footer over every page (so numbering runs on across merged papers) and adds
 * bookmarks.
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
  const total = 5 + papers.length;
  let done = 0;
  const step = (label: string) => {
    if (deps.signal?.aborted) throw new PackCancelled();
    deps.onProgress?.(done++, total, label);
  };
  const render = async (html: string) => PDFDocument.load(await renderer.render(html), { updateMetadata: false });

  step(label('packProgress.sections'));
  const sectionHtml = [coverHtml, agendaHtml, attendanceHtml, minutesHtml, mattersHtml].map((html) => html(content, t));
  const [cover, agenda, attendance, minutes, matters] = await Promise.all(sectionHtml.map(render));

  const loaded: Array<PDFDocument | null> = [];
  const brokenPapers: string[] = [];
  for (const { paper } of papers) {
    step(label('packProgress.paper', { name: paper.title }));
    const doc = await loadPaper(paper);
    if (!doc) brokenPapers.push(paper.name);
    loaded.push(doc);
  }

  step(label('packProgress.separators'));
  const separatorHtml = papers.length
    ? separatorsHtml(
          content.script,
          papers.map(({ item, paper }, i) => ({
            item: item.number,
            itemTitle: item.title,
            paperTitle: paper.title,
            note: loaded[i] ? null : t('packDoc.brokenPaper', { name: paper.name }),
          })),
          t,
        )
    : null;
  const separators = separatorHtml ? await render(separatorHtml) : null;
  if (separators && separators.getPageCount() !== papers.length) {
    throw new Error(`separator pages: ${separators.getPageCount()} for ${papers.length} papers`);
  }

  const sectionParts: Part[] = [
    { title: t('packDoc.agenda'), level: 0, doc: agenda!, pages: indices(agenda!.getPageCount()) },
    { title: t('packDoc.attendance'), level: 0, doc: attendance!, pages: indices(attendance!.getPageCount()) },
    { title: t('packDoc.previousMinutes'), level: 0, doc: minutes!, pages: indices(minutes!.getPageCount()) },
    { title: t('packDoc.mattersArising'), level: 0, doc: matters!, pages: indices(matters!.getPageCount()) },
  ];
  const paperParts: Part[] = papers.flatMap(({ item, paper }, i) => {
    const title = t('packDoc.paperLine', { number: item.number, title: paper.title });
    const separator: Part = { title, level: 1, doc: separators!, pages: [i] };
    const doc = loaded[i];
    return doc ? [separator, { title: null, level: 1 as const, doc, pages: indices(doc.getPageCount()) }] : [separator];
  });

  // The contents is laid out before its page numbers are known; a fixed-width number column keeps
  // the layout (and so its length) the same once they are filled in. Repeat if it ever is not.
  step(label('packProgress.contents'));
  const linesFor = (contentsPages: number): ContentsLine[] => {
    let at = 1 + cover!.getPageCount() + contentsPages;
    const lines: ContentsLine[] = [];
    const papersHeading = papers.length ? [{ title: t('packDoc.papers'), level: 0 as const }] : [];
    for (const part of sectionParts) {
      lines.push({ title: part.title!, page: at, level: 0 });
      at += part.pages.length;
    }
    let first = true;
    for (const part of paperParts) {
      if (part.title) {
        if (first) lines.push({ ...papersHeading[0]!, page: at });
        first = false;
        lines.push({ title: part.title, page: at, level: 1 });
      }
      at += part.pages.length;
    }
    return lines;
  };
  let contentsPages = (await render(contentsHtml(content, linesFor(1).map((l) => ({ ...l, page: null })), t))).getPageCount();
  let contentsDoc = contentsHtml(content, linesFor(contentsPages), t);
  let contents = await render(contentsDoc);
  for (let tries = 0; contents.getPageCount() !== contentsPages && tries < 3; tries++) {
    contentsPages = contents.getPageCount();
    contentsDoc = contentsHtml(content, linesFor(contentsPages), t);
    contents = await render(contentsDoc);
  }
  const lines = linesFor(contentsPages);

  step(label('packProgress.merging'));
  const pack = await PDFDocument.create();
  const parts: Part[] = [
    { title: null, level: 0, doc: cover!, pages: indices(cover!.getPageCount()) },
    { title: null, level: 0, doc: contents, pages: indices(contents.getPageCount()) },
    ...sectionParts,
    ...paperParts,
  ];
  const starts: number[] = [];
  for (const part of parts) {
    if (deps.signal?.aborted) throw new PackCancelled();
    starts.push(pack.getPageCount());
    for (const copied of await pack.copyPages(part.doc, part.pages)) pack.addPage(copied);
  }

  const pageCount = pack.getPageCount();
  await stampOverlay(pack, await renderer.render(overlayHtml(content, pageCount, t)), { headerPt: HEADER_PT, footerPt: FOOTER_PT });

  const outline: OutlineEntry[] = [
    { title: t('packDoc.cover'), pageIndex: 0 },
    { title: t('packDoc.contents'), pageIndex: starts[1]! },
    ...sectionParts.map((part, i) => ({ title: part.title!, pageIndex: starts[2 + i]! })),
  ];
  const paperEntries = paperParts.flatMap((part, i) => (part.title ? [{ title: part.title, pageIndex: starts[2 + sectionParts.length + i]! }] : []));
  if (paperEntries.length) outline.push({ title: t('packDoc.papers'), pageIndex: paperEntries[0]!.pageIndex, children: paperEntries });
  setOutline(pack, outline);

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
  const preview = [
    { title: t('packDoc.cover'), html: sectionHtml[0]!, pages: cover!.getPageCount() },
    { title: t('packDoc.contents'), html: contentsDoc, pages: contents.getPageCount() },
    ...sectionParts.map((part, i) => ({ title: part.title!, html: sectionHtml[i + 1]!, pages: part.pages.length })),
    ...(separatorHtml ? [{ title: t('packDoc.papers'), html: separatorHtml, pages: papers.length }] : []),
  ];
  return {
    bytes,
    pageCount,
    contents: lines.map((l) => ({ title: l.title, page: l.page! })),
    brokenPapers,
    preview,
  };
}
