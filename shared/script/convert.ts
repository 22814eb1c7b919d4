import { loadDirection, loadedDirection, type Direction, type DirectionTables } from './dictionaries';
import { compileGlossary, type Glossary, type GlossaryEntry } from './glossary';
import { unmatchedLength } from './phraseTable';

/** Observes a conversion, for the review list. Offsets are in the normalised text. */
export interface ConversionVisitor {
  /** A stretch OpenCC converted: a dictionary phrase, or a run of single characters. */
  segment(start: number, end: number, output: string, isPhrase: boolean): void;
  /** A glossary term found in the source and written as its counterpart. */
  glossary(start: number, end: number, output: string, entry: GlossaryEntry): void;
}

// Anything from the CJK radicals block (U+2E80) onwards; below it there is no Chinese to convert.
const MAY_HOLD_CHINESE = /[\u2E80-\uFFFF]/;

/** Whether converting could change the text at all; if not, no dictionary need be loaded. */
export function mayHoldChinese(text: string): boolean {
  return MAY_HOLD_CHINESE.test(text);
}

/**
 * Converts with glossary terms applied first: the source is cut at each glossary term (longest first);
 * terms are written as their counterparts, the text between them goes through OpenCC.
 */
export function convertWith(
  tables: DirectionTables,
  text: string,
  glossary?: Glossary,
  visitor?: ConversionVisitor,
): { output: string; normalized: string } {
  const { pipeline } = tables;
  const normalized = pipeline.normalize(text);
  const segment = visitor?.segment.bind(visitor);
  if (!glossary?.length) return { output: pipeline.run(normalized, 0, normalized.length, segment), normalized };
  const compiled = compileGlossary(glossary, tables.direction);
  const { table } = compiled;
  let output = '';
  let gapStart = 0;
  const n = normalized.length;
  for (let i = 0; i < n; ) {
    const length = table.match(normalized, i, n);
    if (length === 0) {
      i += unmatchedLength(normalized, i, n);
      continue;
    }
    if (gapStart < i) output += pipeline.run(normalized, gapStart, i, segment);
    const source = normalized.slice(i, i + length);
    visitor?.glossary(i, i + length, table.value, compiled.terms.get(source)!);
    output += table.value;
    i += length;
    gapStart = i;
  }
  if (gapStart < n) output += pipeline.run(normalized, gapStart, n, segment);
  return { output, normalized };
}

/** Synchronous converters, for rendering once the dictionaries are loaded. */
export interface Converters {
  /** Simplified → Hong Kong Traditional (OpenCC s2hk), glossary terms first. */
  toHant(text: string, glossary?: Glossary): string;
  /** Hong Kong Traditional → Simplified (OpenCC hk2s), glossary terms first. */
  toHans(text: string, glossary?: Glossary): string;
  convert(text: string, direction: Direction, glossary?: Glossary): string;
  /** The tables behind each direction, for the review list. */
  readonly tables: Readonly<Record<Direction, DirectionTables>>;
}

function convertersFrom(tables: Record<Direction, DirectionTables>): Converters {
  const convert = (text: string, direction: Direction, glossary?: Glossary) =>
    mayHoldChinese(text) ? convertWith(tables[direction], text, glossary).output : text;
  return {
    toHant: (text, glossary) => convert(text, 'toHant', glossary),
    toHans: (text, glossary) => convert(text, 'toHans', glossary),
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
export async function convertText(text: string, direction: Direction, glossary?: Glossary): Promise<string> {
  if (!mayHoldChinese(text)) return text;
  return convertWith(await loadDirection(direction), text, glossary).output;
}

/** Simplified → Hong Kong Traditional (OpenCC s2hk, phrase level), glossary terms first. */
export function toHant(text: string, glossary?: Glossary): Promise<string> {
  return convertText(text, 'toHant', glossary);
}

/** Hong Kong Traditional → Simplified (OpenCC hk2s, phrase level), glossary terms first. */
export function toHans(text: string, glossary?: Glossary): Promise<string> {
  return convertText(text, 'toHans', glossary);
}
