/** An OpenCC dictionary as opencc-js ships it: "source target|source target|…". */
export type DictionaryText = string;

/** Parses opencc-js dictionary text into [source, target] pairs. */
export function parseDictionary(text: DictionaryText): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!text) return pairs;
  for (const entry of text.split('|')) {
    const space = entry.indexOf(' ');
    if (space <= 0) throw new Error(`Malformed OpenCC dictionary entry: ${JSON.stringify(entry)}`);
    pairs.push([entry.slice(0, space), entry.slice(space + 1)]);
  }
  return pairs;
}

/**
 * A dictionary group matched longest-first, as OpenCC does. Keys live in one Map. An index by first two
 * UTF-16 units says whether a key of two units, or longer keys, start there; longer keys are then found by
 * walking forward while the text so far is a prefix of some longer key, as a trie would, but with one
 * hashed lookup per step instead of a Map per node (opencc-js's trie takes ~120 ms to build from
 * STPhrases, most of our load budget; this builds in ~30 ms and matches faster).
 */
export class PhraseTable {
  private readonly entries = new Map<string, string>();
  /** Values of one-unit keys, by unit. */
  private readonly single: Array<string | undefined> = new Array<string | undefined>(0x10000);
  /** Longest key starting with a unit; 0 when none does. */
  private readonly longest = new Uint8Array(0x10000);
  /** Per first unit, per second unit: 1 if a two-unit key starts there, | 2 if longer keys do. */
  private readonly lengths: Array<Map<number, number> | undefined> = new Array<Map<number, number> | undefined>(0x10000);
  /** Every prefix of three or more units that a longer key continues. */
  private readonly continues = new Set<string>();
  /** Value of the key found by the last successful `match`. */
  value = '';
  /** The key found by the last successful `match` (saves the caller slicing it again). */
  key = '';

  /**
   * Earlier dictionaries win over later ones for the same key, as in an OpenCC dictionary group. A `base`
   * table stands for the group's first dictionaries, shared rather than built twice (s2hk segments with
   * STPhrases and converts with STPhrases + STCharacters).
   */
  constructor(
    dictionaries: ReadonlyArray<DictionaryText | ReadonlyArray<readonly [string, string]>>,
    private readonly base?: PhraseTable,
  ) {
    for (const dictionary of dictionaries) {
      if (typeof dictionary !== 'string') {
        for (const [source, target] of dictionary) this.add(source, target);
        continue;
      }
      if (!dictionary) continue;
      for (let start = 0; start <= dictionary.length; ) {
        let end = dictionary.indexOf('|', start);
        if (end < 0) end = dictionary.length;
        const space = dictionary.indexOf(' ', start);
        if (space <= start || space >= end) throw new Error(`Malformed OpenCC dictionary entry at ${start}`);
        this.add(dictionary.slice(start, space), dictionary.slice(space + 1, end));
        start = end + 1;
      }
    }
  }

  private add(source: string, target: string): void {
    if (!source || this.entries.has(source) || this.base?.get(source) !== undefined) return;
    if (source.length > 255) throw new Error(`Dictionary key longer than 255 UTF-16 units: ${source.slice(0, 20)}…`);
    this.entries.set(source, target);
    const first = source.charCodeAt(0);
    if (source.length > this.longest[first]!) this.longest[first] = source.length;
    if (source.length === 1) {
      this.single[first] = target;
      return;
    }
    let bySecond = this.lengths[first];
    if (!bySecond) this.lengths[first] = bySecond = new Map();
    const second = source.charCodeAt(1);
    bySecond.set(second, (bySecond.get(second) ?? 0) | (source.length === 2 ? 1 : 2));
    for (let p = 3; p < source.length; p++) this.continues.add(source.slice(0, p));
  }

  get(key: string): string | undefined {
    return this.base?.get(key) ?? this.entries.get(key);
  }

  /**
   * Length (UTF-16 units) of the longest key at `offset` ending at or before `limit`, or 0; the key's
   * value is left in `this.value`.
   */
  match(text: string, offset: number, limit: number): number {
    if (this.base) {
      // Keys in the base are never repeated here, so two matches at one offset differ in length.
      const inBase = this.base.match(text, offset, limit);
      const own = this.matchOwn(text, offset, limit);
      if (inBase > own) return this.found(this.base.value, inBase, this.base.key);
      return own;
    }
    return this.matchOwn(text, offset, limit);
  }

  private matchOwn(text: string, offset: number, limit: number): number {
    const first = text.charCodeAt(offset);
    const longest = this.longest[first]!;
    if (longest === 0) return 0;
    if (longest > 1 && offset + 1 < limit) {
      const starts = this.lengths[first]?.get(text.charCodeAt(offset + 1)) ?? 0;
      if (starts !== 0) {
        let best = 0;
        let value = '';
        let key = '';
        if (starts & 2) {
          const most = Math.min(longest, limit - offset);
          for (let length = 3; length <= most; length++) {
            const prefix = text.slice(offset, offset + length);
            const found = this.entries.get(prefix);
            if (found !== undefined) {
              best = length;
              value = found;
              key = prefix;
            }
            if (!this.continues.has(prefix)) break;
          }
        }
        if (best === 0 && starts & 1) {
          const pair = text.slice(offset, offset + 2);
          const found = this.entries.get(pair);
          if (found !== undefined) return this.found(found, 2, pair);
        }
        if (best !== 0) return this.found(value, best, key);
      }
    }
    const found = this.single[first];
    return found === undefined ? 0 : this.found(found, 1, text[offset]!);
  }

  private found(value: string, length: number, key: string): number {
    this.value = value;
    this.key = key;
    return length;
  }

  /** Converts `text[start, end)` by longest match, leaving unmatched characters as they are. */
  convert(text: string, start = 0, end = text.length): string {
    return end - start < 64 ? this.convertShort(text, start, end) : this.convertLong(text, start, end);
  }

  private convertShort(text: string, start: number, end: number): string {
    let out = '';
    let copyFrom = start;
    for (let i = start; i < end; ) {
      const length = this.match(text, i, end);
      if (length > 0) {
        if (copyFrom < i) out += text.slice(copyFrom, i);
        out += this.value;
        i += length;
        copyFrom = i;
      } else {
        i += unmatchedLength(text, i, end);
      }
    }
    if (copyFrom === start) return start === 0 && end === text.length ? text : text.slice(start, end);
    return copyFrom < end ? out + text.slice(copyFrom, end) : out;
  }

  /** Long runs go to a reused UTF-16 buffer: cheaper than joining thousands of one-character pieces. */
  private convertLong(text: string, start: number, end: number): string {
    let buffer = outputBuffer;
    let length = 0;
    let changed = false;
    for (let i = start; i < end; ) {
      const matched = this.match(text, i, end);
      const piece = matched > 0 ? this.value : undefined;
      const step = matched > 0 ? matched : unmatchedLength(text, i, end);
      const size = piece === undefined ? step : piece.length;
      if (length + size > buffer.length) buffer = outputBuffer = grow(buffer, length + size);
      if (piece === undefined) {
        for (let k = 0; k < step; k++) buffer[length++] = text.charCodeAt(i + k);
      } else {
        for (let k = 0; k < size; k++) buffer[length++] = piece.charCodeAt(k);
        changed = true;
      }
      i += step;
    }
    if (!changed) return start === 0 && end === text.length ? text : text.slice(start, end);
    return decode(buffer, length);
  }

  /** All [source, target] pairs, base first, in dictionary order. */
  *pairs(): IterableIterator<[string, string]> {
    if (this.base) yield* this.base.pairs();
    yield* this.entries.entries();
  }
}

/**
 * How far to step over text no key matched: one code point, or a whole ideographic description sequence
 * (⿰氵每), whose parts OpenCC (and opencc-js) leave unconverted.
 */
export function unmatchedLength(text: string, offset: number, limit: number): number {
  const unit = text.charCodeAt(offset);
  if (unit >= 0x2ff0 && unit <= 0x2fff) {
    const end = idsEnd(text, offset, limit);
    if (end > offset) return end - offset;
  }
  return isSurrogatePair(text, offset, limit) ? 2 : 1;
}

function isSurrogatePair(text: string, offset: number, limit: number): boolean {
  const unit = text.charCodeAt(offset);
  if (unit < 0xd800 || unit > 0xdbff || offset + 1 >= limit) return false;
  const next = text.charCodeAt(offset + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

function idsArity(unit: number): number {
  if (unit === 0x2ff2 || unit === 0x2ff3) return 3;
  return unit >= 0x2ff0 && unit <= 0x2fff ? 2 : 0;
}



/** End of the ideographic description sequence starting at `offset`, or 0 if it is incomplete. */
function idsEnd(text: string, offset: number, limit: number): number {
  const arity = idsArity(text.charCodeAt(offset));
  if (arity === 0) return 0;
  let end = offset + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= limit) return 0;
    const child = idsEnd(text, end, limit);
    end = child || end + (isSurrogatePair(text, end, limit) ? 2 : 1);
  }
  return end;
}

let outputBuffer: Uint16Array = new Uint16Array(4096);

function grow(buffer: Uint16Array, needed: number): Uint16Array {
  const larger = new Uint16Array(Math.max(needed, buffer.length * 2));
  larger.set(buffer);
  return larger;
}

function decode(buffer: Uint16Array, length: number): string {
  let out = '';
  for (let from = 0; from < length; from += 8192) {
    out += String.fromCharCode.apply(null, buffer.subarray(from, Math.min(length, from + 8192)) as unknown as number[]);
  }
  return out;
}
