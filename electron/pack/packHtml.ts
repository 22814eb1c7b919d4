import { DOCUMENT_CSP, escapeHtml, fontStacks } from '../documents/pdf/pdfRenderer';
import type { PackContent } from './packContent';
import { scriptTag } from '../../shared/model/language';
import { type Script } from '../../shared/script/script';

/** The pack's document strings, from packDoc.* in the locale files, in the pack's own script. */
export type PackLabels = (key: string, values?: Record<string, string | number>) => string;

/** Header and footer strips, in points: the page margins leave them free, the overlay fills them. */
export const HEADER_PT = 48;
export const FOOTER_PT = 48;

/**
 * One generated part of the pack (cover, contents, a section, the separators). All parts are printed
 * as one Chromium document, each starting on a new page; `id` is its element id there, the named
 * destination that tells on which page it landed. Its CSS is scoped to `#id` so parts cannot restyle
 * each other.
 */
export interface PackPart {
  id: string;
  title: string;
  css: string;
  body: string;
}

function page(script: Script, title: string, css: string, body: string): string {
  const fonts = fontStacks[script];
  return `<!doctype html><html lang="${scriptTag[script]}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}"><title>${escapeHtml(title)}</title><style>
@page { size: A4; margin: 24mm 20mm 24mm 20mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fonts.serif}; font-size: 11.5pt; line-height: 1.6; color: #111; }
h1, h2, h3, th { font-family: ${fonts.sans}; }
h1 { font-size: 18pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 3mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.6pt solid #777; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
th { background: #eef1f5; font-weight: 600; }
tr { break-inside: avoid; }
.muted { color: #555; }
/* On screen (the in-app print preview) each part reads as a sheet of paper. */
@media screen {
  html { background: #e9ecef; }
  body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 24mm 20mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
}
${css}
</style></head><body>${body}</body></html>`;
}

const section = (part: PackPart) => `<section class="part" id="${part.id}">${part.body}</section>`;

/** One part on its own, for the in-app print preview. */
export function partHtml(script: Script, part: PackPart): string {
  return page(script, part.title, part.css, section(part));
}

/**
 * Every generated part in one document, each from a new page, then (once the page count is known)
 * one transparent overlay sheet per page of the finished pack. Empty links to each part make
 * Chromium write a named destination for it, which is how the builder finds where parts start.
 */
export function packDocumentHtml(content: PackContent, parts: PackPart[], t: PackLabels, overlayPages: number | null): string {
  const markers = `<div class="markers">${parts.map((part) => `<a href="#${part.id}"></a>`).join('')}</div>`;
  const overlay = overlayPages === null ? null : overlaySheets(content, overlayPages, t);
  // Separators share one style sheet: each written once.
  const css = ['.part + .part { break-before: page; }', ...new Set(parts.map((part) => part.css)), overlay?.css ?? ''].join('\n');
  return page(content.script, `${content.groupName} ${content.meetingTitle} ${t('packDoc.title')}`, css, `${markers}${parts.map(section).join('')}${overlay?.body ?? ''}`);
}

export function coverPart(content: PackContent, t: PackLabels): PackPart {
  const sans = fontStacks[content.script].sans;
  const css = `
#cover .cover { height: 245mm; display: flex; flex-direction: column; text-align: center; }
#cover .classification { align-self: flex-end; border: 1.2pt solid #a00; color: #a00; padding: 1mm 4mm; font-family: ${sans}; font-weight: 700; }
#cover .governments { margin-top: 28mm; font-size: 15pt; font-family: ${sans}; line-height: 2; }
#cover .group { margin-top: 14mm; font-size: 20pt; font-weight: 700; font-family: ${sans}; }
#cover .meeting { margin-top: 8mm; font-size: 18pt; }
#cover .kind { margin-top: 18mm; font-size: 24pt; letter-spacing: 0.3em; font-family: ${sans}; }
#cover .details { margin: auto auto 10mm; text-align: left; font-size: 13pt; }
#cover .details td { border: none; padding: 1mm 3mm; }`;
  const details = [
    [t('packDoc.date'), content.date],
    ...(content.time ? [[t('packDoc.time'), content.time]] : []),
    [t('packDoc.venue'), content.venue],
  ];
  const body = `<div class="cover">
${content.classification ? `<div class="classification">${escapeHtml(content.classification)}</div>` : '<div></div>'}
<div class="governments">${content.governments.map((g) => `<div>${escapeHtml(g)}</div>`).join('')}</div>
<div class="group">${escapeHtml(content.groupName)}</div>
<div class="meeting">${escapeHtml(content.meetingTitle)}</div>
<div class="kind">${escapeHtml(t('packDoc.title'))}</div>
<table class="details">${details.map(([k, v]) => `<tr><td>${escapeHtml(k!)}</td><td>${escapeHtml(v!)}</td></tr>`).join('')}</table>
</div>`;
  return { id: 'cover', title: t('packDoc.cover'), css, body };
}

export function agendaPart(content: PackContent, t: PackLabels): PackPart {
  const rows = content.agenda
    .map(
      (item) =>
        `<tr><td class="num">${escapeHtml(item.number)}</td><td>${escapeHtml(item.title)}</td><td>${item.papers.map((p) => escapeHtml(p.title)).join('<br>') || '—'}</td></tr>`,
    )
    .join('');
  const body = `<h1>${escapeHtml(t('packDoc.agenda'))}</h1><p class="muted">${escapeHtml(content.groupName)} · ${escapeHtml(content.meetingTitle)} · ${escapeHtml(content.date)}</p>
${content.agenda.length ? `<table><thead><tr><th class="num">${escapeHtml(t('packDoc.item'))}</th><th>${escapeHtml(t('packDoc.subject'))}</th><th style="width:38%">${escapeHtml(t('packDoc.papers'))}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${escapeHtml(t('packDoc.noAgenda'))}</p>`}`;
  return { id: 'agenda', title: t('packDoc.agenda'), css: '#agenda .num { width: 14mm; white-space: nowrap; }', body };
}

export function attendancePart(content: PackContent, t: PackLabels): PackPart {
  const groups = (['present', 'inAttendance', 'absent'] as const)
    .map((kind) => {
      const people = content.attendance.filter((a) => a.attendance === kind);
      if (!people.length) return '';
      const sides = (['HK', 'SZ', 'other'] as const).filter((s) => s !== 'other' || people.some((p) => p.side === 'other'));
      const side = (s: 'HK' | 'SZ' | 'other') =>
        people
          .filter((p) => p.side === s)
          .map((p) => `<div class="person">${escapeHtml(p.name)}${p.post ? `<div class="muted">${escapeHtml(p.post)}</div>` : ''}</div>`)
          .join('') || '—';
      return `<h2>${escapeHtml(t(`packDoc.${kind}`))}</h2><table><thead><tr>${sides.map((s) => `<th>${escapeHtml(t(`packDoc.side.${s}`))}</th>`).join('')}</tr></thead>
<tbody><tr>${sides.map((s) => `<td>${side(s)}</td>`).join('')}</tr></tbody></table>`;
    })
    .join('');
  const body = `<h1>${escapeHtml(t('packDoc.attendance'))}</h1>${groups || `<p>${escapeHtml(t('packDoc.noAttendance'))}</p>`}`;
  return { id: 'attendance', title: t('packDoc.attendance'), css: '#attendance .person { margin-bottom: 2mm; } #attendance table { table-layout: fixed; }', body };
}

export function minutesPart(content: PackContent, t: PackLabels): PackPart {
  const minutes = content.previousMinutes;
  const body = `<h1>${escapeHtml(t('packDoc.previousMinutes'))}</h1>${
    minutes
      ? `<h2>${escapeHtml(minutes.title)}</h2>${minutes.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`
      : `<p>${escapeHtml(t('packDoc.noMinutes'))}</p>`
  }`;
  return { id: 'minutes', title: t('packDoc.previousMinutes'), css: '#minutes p { white-space: pre-wrap; text-align: justify; }', body };
}

export function mattersPart(content: PackContent, t: PackLabels): PackPart {
  const rows = content.mattersArising
    .map(
      (m) =>
        `<tr><td class="nowrap">${escapeHtml(m.reference)}</td><td>${escapeHtml(m.title)}</td><td>${escapeHtml(m.owner)}</td><td class="nowrap">${escapeHtml(m.dueDate)}</td><td class="nowrap">${escapeHtml(m.status)}</td><td>${escapeHtml(m.latestNote)}</td></tr>`,
    )
    .join('');
  const cols = ['reference', 'matter', 'owner', 'due', 'status', 'progress'].map((c) => `<th>${escapeHtml(t(`packDoc.col.${c}`))}</th>`).join('');
  const body = `<h1>${escapeHtml(t('packDoc.mattersArising'))}</h1>${
    content.mattersArising.length ? `<table><thead><tr>${cols}</tr></thead><tbody>${rows}</tbody></table>` : `<p>${escapeHtml(t('packDoc.noMatters'))}</p>`
  }`;
  return { id: 'matters', title: t('packDoc.mattersArising'), css: '#matters table { font-size: 9.5pt; } #matters .nowrap { white-space: nowrap; }', body };
}

export interface Separator {
  item: string;
  itemTitle: string;
  paperTitle: string;
  /** Why the paper itself is missing (it could not be read), or null. */
  note: string | null;
}

/** The separator page before paper `index`: its agenda item in large type, found by leafing. */
export function separatorPart(script: Script, index: number, s: Separator, t: PackLabels): PackPart {
  const sans = fontStacks[script].sans;
  const css = `
.separator { height: 240mm; overflow: hidden; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.separator .item { font-size: 16pt; letter-spacing: 0.1em; font-family: ${sans}; }
.separator .itemTitle { margin-top: 8mm; font-size: 22pt; font-weight: 700; font-family: ${sans}; }
.separator .paper { margin-top: 10mm; font-size: 14pt; }
.separator .note { margin: 16mm auto 0; max-width: 140mm; padding: 4mm; border: 1pt solid #a00; color: #a00; font-size: 12pt; }`;
  const body = `<div class="separator"><div class="item">${escapeHtml(t('packDoc.itemNumber', { number: s.item }))}</div>
<div class="itemTitle">${escapeHtml(s.itemTitle)}</div><div class="paper">${escapeHtml(s.paperTitle)}</div>${s.note ? `<div class="note">${escapeHtml(s.note)}</div>` : ''}</div>`;
  return { id: `paper-${index}`, title: s.paperTitle, css, body };
}

/** All separators as one part, for the in-app preview. */
export function separatorsPreviewHtml(script: Script, separators: PackPart[], t: PackLabels): string {
  return page(
    script,
    t('packDoc.papers'),
    `.part + .part { break-before: page; }\n${separators[0]?.css ?? ''}`,
    separators.map(section).join(''),
  );
}

export interface ContentsLine {
  title: string;
  /** Element id of the part the line points to: the line is a link to it in the PDF. */
  target: string;
  /** 1-based; null while the contents is first laid out to count its own pages. */
  page: number | null;
  level: 0 | 1;
}

export function contentsPart(content: PackContent, lines: ContentsLine[], t: PackLabels): PackPart {
  const css = `
#contents .line { display: flex; align-items: baseline; margin: 1.4mm 0; break-inside: avoid; color: inherit; text-decoration: none; }
#contents .line.level1 { margin-left: 8mm; font-size: 10.5pt; }
#contents .title { flex: 0 1 auto; }
#contents .dots { flex: 1 1 auto; border-bottom: 0.8pt dotted #777; margin: 0 2mm; min-width: 8mm; }
#contents .page { flex: 0 0 12mm; text-align: right; font-variant-numeric: tabular-nums; }`;
  const body = `<h1>${escapeHtml(t('packDoc.contents'))}</h1><p class="muted">${escapeHtml(content.groupName)} · ${escapeHtml(content.meetingTitle)}</p>
${lines
  .map(
    (l) =>
      // A fixed-width number column: the placeholder pass and the final pass lay out identically.
      `<a class="line level${l.level}" href="#${l.target}"><span class="title">${escapeHtml(l.title)}</span><span class="dots"></span><span class="page">${l.page ?? ''}</span></a>`,
  )
  .join('')}`;
  return { id: 'contents', title: t('packDoc.contents'), css, body };
}

/** A transparent sheet per pack page: header (group, meeting, classification) and footer (classification, page X of Y). */
function overlaySheets(content: PackContent, total: number, t: PackLabels): { css: string; body: string } {
  const sans = fontStacks[content.script].sans;
  // A named page with no margin: the sheets follow the parts in the same document.
  const css = `
@page overlay { size: A4; margin: 0; }
.sheet { page: overlay; position: relative; width: 210mm; height: 297mm; overflow: hidden; break-before: page; }
.sheet .header { position: absolute; top: 8mm; left: 20mm; right: 20mm; display: flex; justify-content: space-between; font-size: 8.5pt; line-height: 1.6; color: #444; font-family: ${sans}; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; }
.sheet .classification { color: #a00; font-weight: 700; }
.sheet .footer { position: absolute; bottom: 8mm; left: 20mm; right: 20mm; text-align: center; font-size: 9pt; line-height: 1.6; color: #333; font-family: ${sans}; }`;
  const header = `<div class="header"><span>${escapeHtml(content.groupName)} · ${escapeHtml(content.meetingTitle)}</span><span class="classification">${escapeHtml(content.classification ?? '')}</span></div>`;
  const sheets: string[] = [];
  for (let i = 1; i <= total; i++) {
    const classification = content.classification ? `<span class="classification">${escapeHtml(content.classification)}</span>\u3000` : '';
    sheets.push(`<div class="sheet">${header}<div class="footer">${classification}${escapeHtml(t('packDoc.pageOf', { page: i, total }))}</div></div>`);
  }
  return { css, body: sheets.join('') };
}

/** What one numbered copy says on every page, and (optionally) across it. */
export interface CopyMark {
  /** 副本 3／12 · 收件人 陳大文, in the pack's script. */
  line: string;
  /** The watermark's lines (the recipient, then the time), or null for none. */
  watermark: [string, string] | null;
}

/**
 * A transparent sheet per page of one numbered copy: the copy line above the footer and, if asked,
 * the recipient's name and the time diagonally across the page. The watermark is black at 9% (so
 * the text under it stays readable printed in grey) and the line is dark grey; both are laid over
 * the finished pack's pages, papers included.
 */
export function copySheetsHtml(script: Script, mark: CopyMark, total: number, t: PackLabels): string {
  const sans = fontStacks[script].sans;
  const css = `
@page { size: A4; margin: 0; }
@media screen { html { background: none; } body { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; background: none; } }
.sheet { position: relative; width: 210mm; height: 297mm; overflow: hidden; }
.sheet + .sheet { break-before: page; }
.sheet .copy { position: absolute; bottom: 14.5mm; left: 20mm; right: 20mm; text-align: center; font: 600 8.5pt/1.4 ${sans}; color: #333; }
.sheet .watermark { position: absolute; left: -40mm; right: -40mm; top: 128mm; text-align: center; transform: rotate(-35deg); font: 700 30pt/1.5 ${sans}; color: rgba(0, 0, 0, 0.09); white-space: nowrap; }`;
  const watermark = mark.watermark ? `<div class="watermark">${mark.watermark.map((line) => `<div>${escapeHtml(line)}</div>`).join('')}</div>` : '';
  const sheet = `<div class="sheet"><div class="copy">${escapeHtml(mark.line)}</div>${watermark}</div>`;
  return page(script, t('packDoc.title'), css, sheet.repeat(total));
}
