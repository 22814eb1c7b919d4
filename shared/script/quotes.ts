import { z } from 'zod';
import type { Script } from './script';

/**
 * Quotation marks in the reader's script: Hong Kong writes 「……『……』……」, the Mainland “……‘……’……”
 * (GB/T 15834). OpenCC converts characters only, so this step decides each mark: pairs are matched across
 * both styles (a Hong Kong text quoting with “” still nests right), and each Chinese pair is written for
 * its depth, odd depths 「」 or “”, even ones 『』 or ‘’. Curly quotes inside Latin text (“Smart Park”
 * said in an English sentence) and apostrophes (Kong’s) are left as they are.
 */

/** The working group's choice: marks written the reader's way (the default), or kept as typed. */
export const QuoteMarks = z.enum(['reader', 'asWritten']);
export type QuoteMarks = z.infer<typeof QuoteMarks>;

/** One mark the conversion rewrites. `partner` is the offset of the other mark of its pair, if it has one. */
export interface QuoteChange {
  offset: number;
  from: string;
  to: string;
  partner?: number;
}

const OPENERS: Record<string, string> = { '「': '」', '『': '』', '“': '”', '‘': '’' };
const CLOSERS: Record<string, string> = { '」': '「', '』': '『', '”': '“', '’': '‘' };
const MARKS = /[「」『』“”‘’]/g;
const ANY_MARK = /[「」『』“”‘’]/;
const WRITTEN: Record<Script, { outer: [string, string]; inner: [string, string] }> = {
  hant: { outer: ['「', '」'], inner: ['『', '』'] },
  hans: { outer: ['“', '”'], inner: ['‘', '’'] },
};

/** Whether the text has any mark this step might rewrite; a cheap test before planning. */
export function hasQuoteMarks(text: string): boolean {
  return ANY_MARK.test(text);
}

// Ideographs, CJK punctuation (、。「」), fullwidth forms (，：（）) and supplementary ideographs.
function isChinese(unit: number): boolean {
  return (unit >= 0x2e80 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff) || (unit >= 0xfe30 && unit <= 0xffef) || (unit >= 0xd840 && unit <= 0xd8bf);
}

function isLatinLetterOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0xc0 && unit <= 0x24f);
}

/** The nearest unit before `offset` (or from `offset` on) that is not a space, within the line; NaN if none. */
function neighbour(text: string, offset: number, step: -1 | 1): number {
  for (let i = offset; i >= 0 && i < text.length; i += step) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a) return NaN;
    if (unit !== 0x20 && unit !== 0x3000 && unit !== 0x09) return unit;
  }
  return NaN;
}

interface Pair {
  open: number;
  close: number | undefined;
  parent: Pair | undefined;
  chinese: boolean;
}

/**
 * Which marks of `text` change for a reader of `script`, in text order. Marks inside `skip` spans (code,
 * paths, addresses) are not looked at.
 */
export function planQuotes(text: string, script: Script, skip: ReadonlyArray<readonly [number, number]> = []): QuoteChange[] {
  const pairs: Pair[] = [];
  const stack: Pair[] = [];
  const strays: number[] = [];
  let skipAt = 0;
  MARKS.lastIndex = 0;
  for (let match = MARKS.exec(text); match; match = MARKS.exec(text)) {
    const offset = match.index;
    while (skipAt < skip.length && skip[skipAt]![1] <= offset) skipAt++;
    if (skipAt < skip.length && skip[skipAt]![0] <= offset) continue;
    const mark = match[0];
    if (mark === '’' && isLatinLetterOrDigit(text.charCodeAt(offset - 1)) && isLatinLetterOrDigit(text.charCodeAt(offset + 1))) continue; // Kong’s
    if (OPENERS[mark]) {
      const pair: Pair = { open: offset, close: undefined, parent: stack.at(-1), chinese: mark === '「' || mark === '『' };
      pairs.push(pair);
      stack.push(pair);
      continue;
    }
    const opener = CLOSERS[mark]!;
    let depth = stack.length - 1;
    while (depth >= 0 && text[stack[depth]!.open] !== opener) depth--;
    if (depth < 0) {
      strays.push(offset);
      continue;
    }
    const pair = stack[depth]!;
    pair.close = offset;
    stack.length = depth; // marks opened inside and never closed stay unpaired
  }

  // A pair is Chinese if it holds Chinese, touches it, or sits inside a Chinese pair; pairs come in opening order.
  for (const pair of pairs) {
    if (pair.chinese || pair.parent?.chinese) {
      pair.chinese = true;
      continue;
    }
    const end = pair.close ?? lineEnd(text, pair.open);
    pair.chinese =
      isChinese(neighbour(text, pair.open - 1, -1)) ||
      (pair.close !== undefined && isChinese(neighbour(text, pair.close + 1, 1))) ||
      holdsChinese(text, pair.open + 1, end);
  }

  const changes: QuoteChange[] = [];
  const written = WRITTEN[script];
  const depthOf = (pair: Pair) => {
    let depth = 0;
    for (let at: Pair | undefined = pair; at; at = at.parent) if (at.chinese) depth++;
    return depth;
  };
  for (const pair of pairs) {
    if (!pair.chinese) continue;
    const [open, close] = depthOf(pair) % 2 === 1 ? written.outer : written.inner;
    add(changes, text, pair.open, open, pair.close);
    if (pair.close !== undefined) add(changes, text, pair.close, close, pair.open);
  }
  // A closing mark with no opening one (a quotation split across fields) keeps its level: 」↔”, 』↔’.
  for (const offset of strays) {
    const mark = text[offset]!;
    const inner = mark === '』' || mark === '’';
    if (mark === '’' || mark === '”') {
      if (!isChinese(neighbour(text, offset - 1, -1)) && !isChinese(neighbour(text, offset + 1, 1))) continue;
    }
    add(changes, text, offset, (inner ? written.inner : written.outer)[1]);
  }
  return changes.sort((a, b) => a.offset - b.offset);
}

function add(changes: QuoteChange[], text: string, offset: number, to: string, partner?: number): void {
  const from = text[offset]!;
  if (from !== to) changes.push(partner === undefined ? { offset, from, to } : { offset, from, to, partner });
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function holdsChinese(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isChinese(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The marks of a glossary term's written form, retargeted like the marks of the source it replaces (the
 * seed glossary writes 「一区两园」项目工作组, whose marks follow the reader's script like any other).
 */
export function retargetMarks(output: string, changes: readonly QuoteChange[], start: number, end: number, source: string): string {
  const inSpan = changes.filter((change) => change.offset >= start && change.offset < end);
  MARKS.lastIndex = 0; // matchAll starts where the shared expression last stopped
  const outputMarks = [...output.matchAll(MARKS)];
  const sourceMarks = [...source.slice(start, end).matchAll(MARKS)];
  if (outputMarks.length === 0 || outputMarks.length !== sourceMarks.length) return output;
  let out = output;
  outputMarks.forEach((mark, k) => {
    const change = inSpan.find((c) => c.offset === start + sourceMarks[k]!.index);
    const to = change?.to ?? source[start + sourceMarks[k]!.index]!;
    out = out.slice(0, mark.index) + to + out.slice(mark.index + 1);
  });
  return out;
}

/** A text already in `script` with its marks written that script's way, for names kept in each script. */
export function quotesIn(text: string, script: Script, quoteMarks: QuoteMarks = namesQuoteMarks): string {
  if (quoteMarks === 'asWritten' || !ANY_MARK.test(text)) return text;
  // Lists repeat a few names on every row (the sub-group of each of thousands of actions).
  const cache = retargeted[script];
  let out = cache.get(text);
  if (out !== undefined) return out;
  out = text;
  for (const change of planQuotes(text, script)) out = out.slice(0, change.offset) + change.to + out.slice(change.offset + 1);
  if (cache.size >= 1000) cache.clear();
  cache.set(text, out);
  return out;
}

const retargeted: Record<Script, Map<string, string>> = { hant: new Map(), hans: new Map() };

/**
 * The working group's choice, as names read it. Names (sub-groups, the working group, measures, tenants)
 * are stored in each script and read by dozens of views and documents that never convert, so rather than
 * handing the setting to each, main's settings service and the renderer's script provider set it here.
 * Conversion takes it explicitly (ConversionRules.quotes).
 */
let namesQuoteMarks: QuoteMarks = 'reader';

/** Sets the choice names read; true if it changed. */
export function setNamesQuoteMarks(quoteMarks: QuoteMarks): boolean {
  const changed = namesQuoteMarks !== quoteMarks;
  namesQuoteMarks = quoteMarks;
  return changed;
}
