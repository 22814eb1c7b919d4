import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { parseDictionary } from './phraseTable';

/**
 * Search folds both scripts to one form, character by character: Hong Kong variants to OpenCC's standard
 * forms (HKVariantsRev), then Traditional to Simplified (TSCharacters), Latin to lower case and full-width
 * ASCII to ASCII. Character by character rather than OpenCC's phrase level, so a character folds the same
 * way in the query and in every record, and the folded text keeps every offset of the original — which is
 * what lets a match be highlighted in the text as displayed. These two tables are small (~30 KB) and load
 * with this module; the phrase dictionaries are not needed.
 */
let fold: Map<number, string> | undefined;

function foldTable(): Map<number, string> {
  if (fold) return fold;
  const variants = new Map(parseDictionary(hkVariantsRev));
  const simplified = new Map(parseDictionary(tsCharacters));
  const table = new Map<number, string>();
  const sources = new Set([...variants.keys(), ...simplified.keys()]);
  for (const source of sources) {
    const standard = variants.get(source) ?? source;
    const target = simplified.get(standard) ?? standard;
    // Keep offsets: a fold that changes UTF-16 length (rare extension characters) is skipped.
    if (target !== source && target.length === source.length) table.set(source.codePointAt(0)!, target);
  }
  return (fold = table);
}

/** Folds text for matching across scripts: searchKey('數據') === searchKey('数据'). Same length as `text`. */
export function searchKey(text: string): string {
  // An empty query (a list shown unfiltered) must not build the fold table before the list paints.
  if (text === '') return '';
  const table = foldTable();
  let out = '';
  let copyFrom = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    let folded: string | undefined;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) folded = String.fromCharCode(code + 0x20);
    } else if (code >= 0xff01 && code <= 0xff5e) {
      folded = String.fromCharCode(code - 0xfee0).toLowerCase(); // full-width ASCII
    } else {
      folded = table.get(code);
      if (folded === undefined && code < 0x2e80) {
        const lower = String.fromCodePoint(code).toLowerCase();
        if (lower.length === width && lower !== String.fromCodePoint(code)) folded = lower;
      }
    }
    if (folded !== undefined) {
      out += text.slice(copyFrom, i) + folded;
      copyFrom = i + width;
    }
    i += width;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** Whether `text` contains `query`, in either script. An empty query matches everything. */
export function matchesQuery(text: string, query: string): boolean {
  return searchKey(text).includes(searchKey(query.trim()));
}

/**
 * Where `query` occurs in `text` (either may be in either script), as [start, end) ranges in `text`'s own
 * UTF-16 offsets, for highlighting the text the reader sees. Ranges do not overlap.
 */
export function findMatchRanges(text: string, query: string): Array<{ start: number; end: number }> {
  const needle = searchKey(query.trim());
  if (!needle) return [];
  const haystack = searchKey(text);
  const ranges: Array<{ start: number; end: number }> = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push({ start: at, end: at + needle.length });
  }
  return ranges;
}
