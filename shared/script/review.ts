import { convertWith, getLoadedConverters, mayHoldChinese, type ConversionRules } from './convert';
import { codePoints, deriveCounterparts, type Counterpart, type CounterpartTable } from './counterparts';
import { loadDirection, type Direction, type DirectionTables } from './dictionaries';
import { sides } from './glossary';

/**
 * A place where conversion made a choice a person should confirm:
 * - ambiguous: a character with several counterparts (后 → 後 or 后);
 * - glossary: a glossary term written as its counterpart;
 * - correction: a phrase the bundled OpenCC data gets wrong, written as corrected (shared/script/corrections.ts);
 * - quotes: a quotation mark, or a pair of them, written the reader's way (「」 → “”);
 * - untouched: Latin text, numbers, code, addresses and paths passed through as they are.
 */
export interface ReviewItem {
  kind: 'ambiguous' | 'glossary' | 'correction' | 'quotes' | 'untouched';
  /** Where the source text sits, in UTF-16 units of the text given. */
  offset: number;
  length: number;
  source: string;
  /** Up to CONTEXT units of the source on either side, within the line. */
  before: string;
  after: string;
  /** What the conversion wrote for `source`. */
  choice: string;
  /** The other ways it could have been written, each with a dictionary example where there is one. */
  alternatives: Counterpart[];
  /** ambiguous: decided by a dictionary phrase (given in `phrase`) or by the character table alone. */
  decidedBy?: 'phrase' | 'character';
  phrase?: string;
  glossaryId?: string;
  /** quotes: the other mark of the pair, changed with this one (choosing an alternative changes both). */
  closing?: { offset: number; source: string; choice: string };
}

const CONTEXT = 8;
const LATIN_OR_NUMBER =
  /[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A](?:[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A.,'’&/+\- ]*[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])?/g;

const counterpartCache = new WeakMap<DirectionTables, CounterpartTable>();

/** Each direction's counterpart table, derived from its dictionaries on first review. */
export function counterpartsOf(tables: DirectionTables): CounterpartTable {
  let table = counterpartCache.get(tables);
  if (!table) counterpartCache.set(tables, (table = deriveCounterparts(tables)));
  return table;
}

/** The review list for converting `text` in `direction`; same input, same list. */
export async function reviewConversion(text: string, direction: Direction, rules?: ConversionRules): Promise<ReviewItem[]> {
  const tables = getLoadedConverters()?.tables[direction] ?? (mayHoldChinese(text) ? await loadDirection(direction) : undefined);
  return tables ? reviewWith(tables, text, rules) : untouchedItems(text, []);
}

/** Synchronous review once the direction's tables are loaded. */
export function reviewWith(tables: DirectionTables, text: string, rules?: ConversionRules): ReviewItem[] {
  const counterparts = counterpartsOf(tables);
  const items: ReviewItem[] = [];
  // Stretches whose Latin text is part of a glossary term, a correction or a kept path, not listed again.
  const listed: Array<[number, number]> = [];
  const normalized = tables.pipeline.normalize(text);
  // Normalisation keeps code points but may change UTF-16 length (U+2F800 → U+4E3D); map offsets back.
  const toOriginal = normalized.length === text.length ? (offset: number) => offset : offsetMap(normalized, text);
  const context = (offset: number, length: number) => contextAround(text, offset, length);
  let openccWhole: string | undefined;

  convertWith(tables, text, rules, {
    segment(start, end, output, isPhrase) {
      const sourceChars = codePoints(normalized.slice(start, end));
      const outputChars = codePoints(output);
      const aligned = sourceChars.length === outputChars.length;
      let offset = start;
      sourceChars.forEach((char, i) => {
        const options = counterparts.get(char);
        if (options && options.length > 1) {
          const choice = aligned ? outputChars[i]! : output;
          const origin = toOriginal(offset);
          const length = toOriginal(offset + char.length) - origin;
          items.push({
            kind: 'ambiguous',
            offset: origin,
            length,
            source: text.slice(origin, origin + length),
            ...context(origin, length),
            choice,
            alternatives: options.filter((option) => option.text !== choice),
            decidedBy: isPhrase ? 'phrase' : 'character',
            ...(isPhrase ? { phrase: text.slice(toOriginal(start), toOriginal(end)) } : {}),
          });
        }
        offset += char.length;
      });
    },
    glossary(start, end, output, { term, others }) {
      const origin = toOriginal(start);
      const length = toOriginal(end) - origin;
      listed.push([origin, origin + length]);
      const source = text.slice(origin, origin + length);
      if (source === output) return; // the same in both scripts: nothing was substituted
      const alternatives: Counterpart[] = others.map((other) => ({ text: sides(other, tables.direction)[1], example: `glossary: ${other.id}` }));
      const byOpencc = tables.pipeline.convert(source);
      if (byOpencc !== output && !alternatives.some((a) => a.text === byOpencc)) alternatives.push({ text: byOpencc, example: 'OpenCC' });
      items.push({ kind: 'glossary', offset: origin, length, source, ...context(origin, length), choice: output, alternatives, glossaryId: term.id });
    },
    correction(start, end, output) {
      const origin = toOriginal(start);
      const length = toOriginal(end) - origin;
      listed.push([origin, origin + length]);
      const source = text.slice(origin, origin + length);
      // OpenCC errs here by how it cuts the text around the phrase, so its form is read from the whole text.
      openccWhole ??= tables.pipeline.run(normalized);
      const byOpencc = openccWhole.length === normalized.length ? openccWhole.slice(start, end) : tables.pipeline.convert(source);
      const alternatives = byOpencc === output ? [] : [{ text: byOpencc, example: 'OpenCC' }];
      items.push({ kind: 'correction', offset: origin, length, source, ...context(origin, length), choice: output, alternatives });
    },
    quote(change) {
      if (change.partner !== undefined && change.partner < change.offset) return; // listed with its opening mark
      const origin = toOriginal(change.offset);
      const closing =
        change.partner === undefined ? undefined : { offset: toOriginal(change.partner), source: text[toOriginal(change.partner)]!, choice: closingChoice(change) };
      items.push({
        kind: 'quotes',
        offset: origin,
        length: 1,
        source: change.from,
        ...context(origin, 1),
        choice: change.to,
        alternatives: [{ text: change.from, example: '' }],
        ...(closing ? { closing } : {}),
      });
    },
    kept(start, end) {
      const origin = toOriginal(start);
      const length = toOriginal(end) - origin;
      listed.push([origin, origin + length]);
      const source = text.slice(origin, origin + length);
      items.push({ kind: 'untouched', offset: origin, length, source, ...context(origin, length), choice: source, alternatives: [] });
    },
  });
  return sortItems([...items, ...untouchedItems(text, listed)]);
}

function untouchedItems(text: string, skip: ReadonlyArray<[number, number]>): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const match of text.matchAll(LATIN_OR_NUMBER)) {
    const offset = match.index;
    const end = offset + match[0].length;
    if (skip.some(([from, to]) => offset < to && end > from)) continue;
    items.push({ kind: 'untouched', offset, length: match[0].length, source: match[0], ...contextAround(text, offset, match[0].length), choice: match[0], alternatives: [] });
  }
  return items;
}

function contextAround(text: string, offset: number, length: number): { before: string; after: string } {
  let from = Math.max(0, offset - CONTEXT);
  let to = Math.min(text.length, offset + length + CONTEXT);
  const lineStart = text.lastIndexOf('\n', offset - 1);
  if (lineStart >= from) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', offset + length);
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
  // Never cut a surrogate pair.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return { before: text.slice(from, offset), after: text.slice(offset + length, to) };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Maps offsets in `normalized` to `original`, which has the same code points count. */
function offsetMap(normalized: string, original: string): (offset: number) => number {
  const map = new Int32Array(normalized.length + 1);
  let o = 0;
  let n = 0;
  while (n < normalized.length) {
    const nl = normalized.codePointAt(n)! > 0xffff ? 2 : 1;
    const ol = original.codePointAt(o)! > 0xffff ? 2 : 1;
    map[n] = o;
    if (nl === 2) map[n + 1] = o;
    n += nl;
    o += ol;
  }
  map[normalized.length] = original.length;
  return (offset) => map[offset]!;
}

/** What the closing mark of a pair becomes: the counterpart of the opening mark's choice. */
function closingChoice(change: { to: string }): string {
  return ({ '「': '」', '『': '』', '“': '”', '‘': '’' } as Record<string, string>)[change.to]!;
}

const KIND_ORDER = { glossary: 0, correction: 0, quotes: 1, ambiguous: 1, untouched: 2 } as const;

function sortItems(items: ReviewItem[]): ReviewItem[] {
  return items.sort((a, b) => a.offset - b.offset || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
