import { loadDirection, loadedDirection, type Direction, type DirectionTables } from './dictionaries';
import type { Correction } from './corrections';
import { compileGlossary, type Glossary, type GlossaryEntry } from './glossary';
import { keptSpans } from './keptSpans';
import { unmatchedLength } from './phraseTable';
import { hasQuoteMarks, planQuotes, retargetMarks, type QuoteChange, type QuoteMarks } from './quotes';

/** What a conversion applies beyond OpenCC: the glossary (術語表) and the working group's choice of quotation marks. */
export interface ConversionRules {
  glossary?: Glossary;
  /** 'reader' (the default): 「」『』 ↔ “”‘’ follow the reader's script; 'asWritten': kept as typed. */
  quotes?: QuoteMarks;
}

/** Observes a conversion, for the review list. Offsets are in the normalised text. */
export interface ConversionVisitor {
  /** A stretch OpenCC converted: a dictionary phrase, or a run of single characters. */
  segment(start: number, end: number, output: string, isPhrase: boolean): void;
  /** A glossary term found in the source and written as its counterpart. */
  glossary(start: number, end: number, output: string, entry: GlossaryEntry): void;
  /** A phrase the bundled OpenCC data gets wrong, written as corrected. */
  correction(start: number, end: number, output: string, correction: Correction): void;
  /** A quotation mark written the reader's way. */
  quote(change: QuoteChange): void;
  /** Code, an address or a path, left as it is. */
  kept(start: number, end: number): void;
}

// Anything from the CJK radicals block (U+2E80) onwards; below it there is no Chinese to convert.
const MAY_HOLD_CHINESE = /[\u2E80-\uFFFF]/;

/** Whether converting could change the text at all; if not, no dictionary need be loaded. */
export function mayHoldChinese(text: string): boolean {
  return MAY_HOLD_CHINESE.test(text);
}

/**
 * Converts with glossary terms and corrections applied first: the source is cut at each of them (longest
 * first), at each quotation mark that changes, and around code, addresses and paths, which stay as they
 * are; terms are written as their counterparts, the text between goes through OpenCC.
 */
export function convertWith(
  tables: DirectionTables,
  text: string,
  rules: ConversionRules = {},
  visitor?: ConversionVisitor,
): { output: string; normalized: string } {
  const { pipeline, direction } = tables;
  const normalized = pipeline.normalize(text);
  const segment = visitor?.segment.bind(visitor);
  const kept = keptSpans(normalized);
  const quotes = rules.quotes === 'asWritten' || !hasQuoteMarks(normalized) ? [] : planQuotes(normalized, direction === 'toHant' ? 'hant' : 'hans', kept);
  const compiled = compileGlossary(rules.glossary, direction);
  const { table } = compiled;
  const n = normalized.length;
  let output = '';
  let gapStart = 0;
  let k = 0;
  let q = 0;
  const flush = (i: number) => {
    if (gapStart < i) output += pipeline.run(normalized, gapStart, i, segment);
  };
  for (let i = 0; i < n; ) {
    const keptStart = k < kept.length ? kept[k]![0] : n;
    if (i === keptStart) {
      flush(i);
      const end = kept[k++]![1];
      output += normalized.slice(i, end);
      visitor?.kept(i, end);
      i = gapStart = end;
      continue;
    }
    const length = table.match(normalized, i, keptStart);
    if (length === 0) {
      while (q < quotes.length && quotes[q]!.offset < i) q++;
      if (q < quotes.length && quotes[q]!.offset === i) {
        flush(i);
        const change = quotes[q++]!;
        output += change.to;
        visitor?.quote(change);
        i = gapStart = i + 1;
        continue;
      }
      i += unmatchedLength(normalized, i, keptStart);
      continue;
    }
    flush(i);
    const source = table.key;
    const written = hasQuoteMarks(table.value) ? retargetMarks(table.value, quotes, i, i + length, normalized) : table.value;
    const term = compiled.terms.get(source);
    if (term) visitor?.glossary(i, i + length, written, term);
    else visitor?.correction(i, i + length, written, compiled.corrections.get(source)!);
    output += written;
    i = gapStart = i + length;
  }
  flush(n);
  return { output, normalized };
}

/** Synchronous converters, for rendering once the dictionaries are loaded. */
export interface Converters {
  /** Simplified → Hong Kong Traditional (OpenCC s2hk), glossary terms and corrections first. */
  toHant(text: string, rules?: ConversionRules): string;
  /** Hong Kong Traditional → Simplified (OpenCC hk2s), glossary terms and corrections first. */
  toHans(text: string, rules?: ConversionRules): string;
  convert(text: string, direction: Direction, rules?: ConversionRules): string;
  /** The tables behind each direction, for the review list. */
  readonly tables: Readonly<Record<Direction, DirectionTables>>;
}

function convertersFrom(tables: Record<Direction, DirectionTables>): Converters {
  const convert = (text: string, direction: Direction, rules?: ConversionRules) =>
    mayHoldChinese(text) ? convertWith(tables[direction], text, rules).output : text;
  return {
    toHant: (text, rules) => convert(text, 'toHant', rules),
    toHans: (text, rules) => convert(text, 'toHans', rules),
    convert,
    tables,
  };
}

let converters: Converters | undefined;

/** Loads both directions' dictionaries (once) and returns synchronous converters. */
export async function loadConverters(): Promise<Converters> {
  if (converters) return converters;
  const [toHant, toHans] = await Promise.all([loadDirection('toHant'), loadDirection('toHans')]);
  return (converters ??= convertersFrom({ toHant, toHans }));
}

/** The synchronous converters if both directions have loaded, else undefined (render the source meanwhile). */
export function getLoadedConverters(): Converters | undefined {
  if (converters) return converters;
  const toHant = loadedDirection('toHant');
  const toHans = loadedDirection('toHans');
  return toHant && toHans ? (converters = convertersFrom({ toHant, toHans })) : undefined;
}

/** Converts in one direction, loading only that direction's dictionaries on first use. */
export async function convertText(text: string, direction: Direction, rules?: ConversionRules): Promise<string> {
  if (!mayHoldChinese(text)) return text;
  return convertWith(await loadDirection(direction), text, rules).output;
}

/** Simplified → Hong Kong Traditional (OpenCC s2hk, phrase level), glossary terms and corrections first. */
export function toHant(text: string, rules?: ConversionRules): Promise<string> {
  return convertText(text, 'toHant', rules);
}

/** Hong Kong Traditional → Simplified (OpenCC hk2s, phrase level), glossary terms and corrections first. */
export function toHans(text: string, rules?: ConversionRules): Promise<string> {
  return convertText(text, 'toHans', rules);
}
