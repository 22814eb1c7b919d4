/** Characters no file name may hold on Windows, macOS or Linux. */
const FORBIDDEN = /[<>:"/\\|?*]/g;
/** Marks and embeddings that reorder how a name is shown: LRM, RLM, ALM, LRE…RLO, LRI…PDI. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
/** Names Windows reserves whatever the extension: CON.docx opens the console, not a file. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Bytes a name may take: file systems allow 255; room is left for the temporary suffix while writing. */
export const MAX_NAME_BYTES = 200;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** Cuts text to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * A file name valid on every system, whatever a sub-group or meeting is called: forbidden characters
 * become full-width look-alikes, control and bidirectional characters go, no trailing dots or spaces, no reserved device
 * names, and within the length limit. `extension` is without its dot.
 */
export function safeFileName(stem: string, extension: string): string {
  const fullWidth: Record<string, string> = { '<': '＜', '>': '＞', ':': '：', '"': '＂', '/': '／', '\\': '＼', '|': '｜', '?': '？', '*': '＊' };
  let name = stem
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
    // Bidirectional controls make 報告\u202Efdp.exe show as 報告exe.pdf.
    .replace(BIDI_CONTROLS, '')
    .replace(FORBIDDEN, (c) => fullWidth[c] ?? '_')
    .trim();
  const suffix = `.${extension}`;
  name = cutToBytes(name, MAX_NAME_BYTES - utf8Length(suffix)).replace(/[. ]+$/, '');
  if (!name) name = '_';
  if (RESERVED.test(name)) name = `_${name}`;
  return `${name}${suffix}`;
}

/** The stem and extension of a chosen path's file name: 跟進事項.docx → ['跟進事項', 'docx']. */
export function splitName(fileName: string): [stem: string, extension: string] {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot + 1)] : [fileName, ''];
}
