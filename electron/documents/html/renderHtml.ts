import { type Block, type Cell, type DocumentModel, type TableBlock } from '../../../shared/documents/model';
import { plainText } from '../../../shared/documents/text';
import { DOCUMENT_CSP, escapeHtml, fontStacks } from '../pdf/pdfRenderer';
import { scriptTag } from '../../../shared/model/language';
import { type Script } from '../../../shared/script/script';
import { classificationBanner } from '../../../shared/model/meeting';

/**
 * Text inside a CSS string literal: control characters dropped (a form feed ends a CSS string as a
 * line break does), then quotes, backslashes, line breaks and `<` `>` written as hex escapes, so no
 * text can end the string or the style element.
 */
export function cssString(text: string): string {
  return `"${plainText(text).replace(/[\\"'<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const lang = (script: Script | undefined) => (script ? ` lang="${scriptTag[script]}" class="s-${script}"` : '');

/** Line breaks in user text shown as breaks; everything else escaped. */
function text(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>');
}

function cell(value: Cell, tag: 'td' | 'th', kind: string | undefined): string {
  const numeric = kind === 'number' ? ' class="num"' : kind === 'date' ? ' class="date"' : '';
  return `<${tag}${numeric}${lang(value.script)}>${text(value.text)}</${tag}>`;
}

function table(block: TableBlock): string {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const cols = block.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
  const head = block.columns
    .map((c, i) => cell({ text: c.header, script: block.headerScripts?.[i] }, 'th', c.kind))
    .join('');
  const body = block.rows.map((row) => `<tr>${row.map((c, i) => cell(c, 'td', block.columns[i]?.kind)).join('')}</tr>`).join('\n');
  // A <thead> repeats on every printed page.
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${lang(b.script)}>${text(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${lang(b.script)}${b.tone && b.tone !== 'normal' ? ` data-tone="${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'table':
      return table(b);
    case 'keyValues':
      return `<dl${lang(b.script)}>${b.items.map((i) => `<div><dt>${text(i.key)}</dt><dd>${text(i.value)}</dd></div>`).join('')}</dl>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

/**
 * The document as one self-contained HTML page for Chromium to print (PDF, print preview): fonts
 * named per script so glyphs take the right regional form, running header, footer and page numbers
 * in CSS page-margin boxes, and every text escaped.
 */
export function renderHtml(doc: DocumentModel): string {
  const fonts = fontStacks[doc.script];
  const footer = doc.footer.join(' ');
  const size = doc.orientation === 'landscape' ? 'A4 landscape' : 'A4';
  const banner = doc.classification ? classificationBanner(doc.classification, doc.script) : null;
  // A classified document says so at the top and the bottom of every page (beside the page number, as the
  // footer's statement fills the rest of the line), in red that prints as dark grey.
  const bannerBox = banner ? `font: bold 9pt ${fonts.sans}; color: #a00; letter-spacing: 0.5pt;` : '';
  const css = `
@page { size: ${size}; margin: ${banner ? '22mm 14mm 24mm' : '18mm 14mm 20mm'} 14mm;
  @top-left { content: ${cssString(doc.header)}; font: 8pt ${fonts.sans}; color: #555; }
  ${banner ? `@top-center { content: ${cssString(banner)}; ${bannerBox} }` : ''}
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt ${fonts.sans}; color: #555; width: ${banner ? '60%' : '80%'}; }
  @bottom-right { content: ${banner ? `${cssString(`${banner}\u3000\u3000`)} ` : ''}${cssString(doc.pageLabel[0])} counter(page) ${cssString(doc.pageLabel[1])}; ${banner ? bannerBox : `font: 8pt ${fonts.sans};`} }
}
html { font-family: ${fonts.serif}; font-size: 10.5pt; line-height: 1.5; color: #000; }
.s-hant { font-family: ${fontStacks.hant.serif}; }
.s-hans { font-family: ${fontStacks.hans.serif}; }
h1, h2, h3, th, dt { font-family: ${fonts.sans}; }
h1.s-hans, h2.s-hans, h3.s-hans, th.s-hans { font-family: ${fontStacks.hans.sans}; }
h1.s-hant, h2.s-hant, h3.s-hant, th.s-hant { font-family: ${fontStacks.hant.sans}; }
h1 { font-size: 16pt; margin: 0 0 8pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; } h3 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 0 0 6pt; } p[data-tone=muted] { color: #555; font-size: 9pt; } p[data-tone=emphasis] { font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 10pt; font-size: 9pt; }
th, td { border: 0.5pt solid #777; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8ecf2; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.num, th.num { text-align: right; } td.date { white-space: nowrap; }
/* Fixed: Chromium prints it on every page. Black at 9%, so the text under it stays readable in grey. */
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-35deg); text-align: center; white-space: nowrap; font: 700 28pt/1.5 ${fonts.sans}; color: rgba(0, 0, 0, 0.09); pointer-events: none; }
dl { margin: 0 0 8pt; } dl > div { display: flex; gap: 8pt; } dt { min-width: 8em; font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
.page-break { break-after: page; }
`;
  return `<!doctype html>
<html lang="${scriptTag[doc.script]}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(DOCUMENT_CSP)}">
<title>${escapeHtml(doc.title)}</title><style>${css}</style></head>
<body>
${doc.blocks.map(block).join('\n')}
${doc.watermark ? `<div class="watermark" aria-hidden="true">${doc.watermark.map((line) => `<div>${text(line)}</div>`).join('')}</div>` : ''}
</body></html>`;
}
