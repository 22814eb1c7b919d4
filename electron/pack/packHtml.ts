import { DOCUMENT_CSP, escapeHtml as e, fontStacks, type DocumentScript } from '../documents/pdf/pdfRenderer';
import type { PackContent } from './packContent';

/** The pack's document strings, from packDoc.* in the locale files, in the pack's own script. */
export type PackLabels = (key: string, values?: Record<string, string | number>) => string;

/** Header and footer strips, in points: the page margins leave them free, the overlay fills them. */
export const HEADER_PT = 48;
export const FOOTER_PT = 48;

function page(script: DocumentScript, title: string, css: string, body: string): string {
  const fonts = fontStacks[script];
  return `<!doctype html><html lang="${fonts.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}"><title>${e(title)}</title><style>
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

export function coverHtml(content: PackContent, t: PackLabels): string {
  const css = `
.cover { height: 245mm; display: flex; flex-direction: column; text-align: center; }
.classification { align-self: flex-end; border: 1.2pt solid #a00; color: #a00; padding: 1mm 4mm; font-family: ${fontStacks[content.script].sans}; font-weight: 700; }
.governments { margin-top: 28mm; font-size: 15pt; font-family: ${fontStacks[content.script].sans}; line-height: 2; }
.group { margin-top: 14mm; font-size: 20pt; font-weight: 700; font-family: ${fontStacks[content.script].sans}; }
.meeting { margin-top: 8mm; font-size: 18pt; }
.kind { margin-top: 18mm; font-size: 24pt; letter-spacing: 0.3em; font-family: ${fontStacks[content.script].sans}; }
.details { margin: auto auto 10mm; text-align: left; font-size: 13pt; }
.details td { border: none; padding: 1mm 3mm; }`;
  const details = [
    [t('packDoc.date'), content.date],
    ...(content.time ? [[t('packDoc.time'), content.time]] : []),
    [t('packDoc.venue'), content.venue],
  ];
  const body = `<div class="cover">
${content.classification ? `<div class="classification">${e(content.classification)}</div>` : '<div></div>'}
<div class="governments">${content.governments.map((g) => `<div>${e(g)}</div>`).join('')}</div>
<div class="group">${e(content.groupName)}</div>
<div class="meeting">${e(content.meetingTitle)}</div>
<div class="kind">${e(t('packDoc.title'))}</div>
<table class="details">${details.map(([k, v]) => `<tr><td>${e(k!)}</td><td>${e(v!)}</td></tr>`).join('')}</table>
</div>`;
  return page(content.script, t('packDoc.title'), css, body);
}

export function agendaHtml(content: PackContent, t: PackLabels): string {
  const rows = content.agenda
    .map(
      (item) =>
        `<tr><td class="num">${e(item.number)}</td><td>${e(item.title)}</td><td>${item.papers.map((p) => e(p.title)).join('<br>') || '—'}</td></tr>`,
    )
    .join('');
  const body = `<h1>${e(t('packDoc.agenda'))}</h1><p class="muted">${e(content.groupName)} · ${e(content.meetingTitle)} · ${e(content.date)}</p>
${content.agenda.length ? `<table><thead><tr><th class="num">${e(t('packDoc.item'))}</th><th>${e(t('packDoc.subject'))}</th><th style="width:38%">${e(t('packDoc.papers'))}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${e(t('packDoc.noAgenda'))}</p>`}`;
  return page(content.script, t('packDoc.agenda'), '.num { width: 14mm; white-space: nowrap; }', body);
}

export function attendanceHtml(content: PackContent, t: PackLabels): string {
  const groups = (['present', 'inAttendance', 'absent'] as const)
    .map((kind) => {
      const people = content.attendance.filter((a) => a.attendance === kind);
      if (!people.length) return '';
      const sides = (['HK', 'SZ', 'other'] as const).filter((s) => s !== 'other' || people.some((p) => p.side === 'other'));
      const side = (s: 'HK' | 'SZ' | 'other') =>
        people
          .filter((p) => p.side === s)
          .map((p) => `<div class="person">${e(p.name)}${p.post ? `<div class="muted">${e(p.post)}</div>` : ''}</div>`)
          .join('') || '—';
      return `<h2>${e(t(`packDoc.${kind}`))}</h2><table><thead><tr>${sides.map((s) => `<th>${e(t(`packDoc.side.${s}`))}</th>`).join('')}</tr></thead>
<tbody><tr>${sides.map((s) => `<td>${side(s)}</td>`).join('')}</tr></tbody></table>`;
    })
    .join('');
  const body = `<h1>${e(t('packDoc.attendance'))}</h1>${groups || `<p>${e(t('packDoc.noAttendance'))}</p>`}`;
  return page(content.script, t('packDoc.attendance'), '.person { margin-bottom: 2mm; } table { table-layout: fixed; }', body);
}

export function minutesHtml(content: PackContent, t: PackLabels): string {
  const minutes = content.previousMinutes;
  const body = `<h1>${e(t('packDoc.previousMinutes'))}</h1>${
    minutes
      ? `<h2>${e(minutes.title)}</h2>${minutes.paragraphs.map((p) => `<p>${e(p)}</p>`).join('')}`
      : `<p>${e(t('packDoc.noMinutes'))}</p>`
  }`;
  return page(content.script, t('packDoc.previousMinutes'), 'p { white-space: pre-wrap; text-align: justify; }', body);
}

export function mattersHtml(content: PackContent, t: PackLabels): string {
  const rows = content.mattersArising
    .map(
      (m) =>
        `<tr><td class="ref">${e(m.reference)}</td><td>${e(m.title)}</td><td>${e(m.owner)}</td><td class="nowrap">${e(m.dueDate)}</td><td class="nowrap">${e(m.status)}</td><td>${e(m.latestNote)}</td></tr>`,
    )
    .join('');
  const cols = ['reference', 'matter', 'owner', 'due', 'status', 'progress'].map((c) => `<th>${e(t(`packDoc.col.${c}`))}</th>`).join('');
  const body = `<h1>${e(t('packDoc.mattersArising'))}</h1>${
    content.mattersArising.length ? `<table><thead><tr>${cols}</tr></thead><tbody>${rows}</tbody></table>` : `<p>${e(t('packDoc.noMatters'))}</p>`
  }`;
  const css = 'table { font-size: 9.5pt; } .ref { white-space: nowrap; } .nowrap { white-space: nowrap; }';
  return page(content.script, t('packDoc.mattersArising'), css, body);
}

/** One page per paper: the agenda item it belongs to, in large type, so a reader finds it by leafing. */
export function separatorsHtml(
  script: DocumentScript,
  separators: Array<{ item: string; itemTitle: string; paperTitle: string; note: string | null }>,
  t: PackLabels,
): string {
  const css = `
.separator { height: 240mm; overflow: hidden; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.separator:last-child { break-after: auto; }
.item { font-size: 16pt; letter-spacing: 0.1em; font-family: ${fontStacks[script].sans}; }
.itemTitle { margin-top: 8mm; font-size: 22pt; font-weight: 700; font-family: ${fontStacks[script].sans}; }
.paper { margin-top: 10mm; font-size: 14pt; }
.note { margin: 16mm auto 0; max-width: 140mm; padding: 4mm; border: 1pt solid #a00; color: #a00; font-size: 12pt; }`;
  const body = separators
    .map(
      (s) => `<section class="separator"><div class="item">${e(t('packDoc.itemNumber', { number: s.item }))}</div>
<div class="itemTitle">${e(s.itemTitle)}</div><div class="paper">${e(s.paperTitle)}</div>${s.note ? `<div class="note">${e(s.note)}</div>` : ''}</section>`,
    )
    .join('');
  return page(script, t('packDoc.papers'), css, body);
}

export interface ContentsLine {
  title: string;
  /** 1-based; null while the contents is first laid out to count its own pages. */
  page: number | null;
  level: 0 | 1;
}

export function contentsHtml(content: PackContent, lines: ContentsLine[], t: PackLabels): string {
  const css = `
.line { display: flex; align-items: baseline; margin: 1.4mm 0; break-inside: avoid; }
.line.level1 { margin-left: 8mm; font-size: 10.5pt; }
.title { flex: 0 1 auto; }
.dots { flex: 1 1 auto; border-bottom: 0.8pt dotted #777; margin: 0 2mm; min-width: 8mm; }
.page { flex: 0 0 12mm; text-align: right; font-variant-numeric: tabular-nums; }`;
  const body = `<h1>${e(t('packDoc.contents'))}</h1><p class="muted">${e(content.groupName)} · ${e(content.meetingTitle)}</p>
${lines
  .map(
    (l) =>
      // A fixed-width number column: the placeholder pass and the final pass lay out identically.
      `<div class="line level${l.level}"><span class="title">${e(l.title)}</span><span class="dots"></span><span class="page">${l.page ?? ''}</span></div>`,
  )
  .join('')}`;
  return page(content.script, t('packDoc.contents'), css, body);
}

/** A transparent page per pack page: header (group, meeting, classification) and footer (page X of Y). */
export function overlayHtml(content: PackContent, total: number, t: PackLabels): string {
  const fonts = fontStacks[content.script];
  const css = `
@page { size: A4; margin: 0; }
html, body { background: transparent; }
.sheet { position: relative; width: 210mm; height: 297mm; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.header { position: absolute; top: 8mm; left: 20mm; right: 20mm; display: flex; justify-content: space-between; font-size: 8.5pt; color: #444; font-family: ${fonts.sans}; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; }
.classification { color: #a00; font-weight: 700; }
.footer { position: absolute; bottom: 8mm; left: 20mm; right: 20mm; text-align: center; font-size: 9pt; color: #333; font-family: ${fonts.sans}; }`;
  const header = `<div class="header"><span>${e(content.groupName)} · ${e(content.meetingTitle)}</span><span class="classification">${e(content.classification ?? '')}</span></div>`;
  const sheets: string[] = [];
  for (let i = 1; i <= total; i++) {
    sheets.push(`<div class="sheet">${header}<div class="footer">${e(t('packDoc.pageOf', { page: i, total }))}</div></div>`);
  }
  return page(content.script, t('packDoc.title'), css, sheets.join(''));
}
