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
 * A dictionary group matched longest-first, as OpenCC does. Keys live in one Map; an index by first two
 * UTF-16 units records which key lengths exist, so each position costs an array read and, where a key
 * could start, one Map lookup per candidate length. (opencc-js's Map-per-node trie takes ~120 ms to build
 * from STPhrases, most of our load budget; this builds in ~25 ms and matches faster.)
 */
export class PhraseTable {
  private readonly entries = new Map<string, string>();
  /** Values of one-unit keys, by unit. */
  private readonly single: Array<string | undefined> = new Array<string | undefined>(0x10000);
  /** Longest key starting with a unit; 0 when none does. */
  private readonly longest = new Uint8Array(0x10000);
  /** Per first unit, per second unit: bit (length − 2) set for each key length 2–32; bit 31: longer keys. */
  private readonly lengths: Array<Map<number, number> | undefined> = new Array<Map<number, number> | undefined>(0x10000);
  /** Value of the key found by the last successful `match`. */
  value = '';

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
    const bit = source.length <= 32 ? 1 << (source.length - 2) : 0x80000000;
    bySecond.set(second, ((bySecond.get(second) ?? 0) | bit) >>> 0);
  }

  get size(): number {
    return this.entries.size + (this.base?.size ?? 0);
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
      if (inBase > own) return this.found(this.base.value, inBase);
      return own;
    }
    return this.matchOwn(text, offset, limit);
  }

  private matchOwn(text: string, offset: number, limit: number): number {
    const first = text.charCodeAt(offset);
    const longest = this.longest[first]!;
    if (longest === 0) return 0;
    if (longest > 1 && offset + 1 < limit) {
      let mask = this.lengths[first]?.get(text.charCodeAt(offset + 1)) ?? 0;
      if (mask & 0x80000000) {
        for (let length = Math.min(longest, limit - offset); length > 32; length--) {
          const found = this.entries.get(text.slice(offset, offset + length));
          if (found !== undefined) return this.found(found, length);
        }
        mask &= 0x7fffffff;
      }
      while (mask !== 0) {
        const bit = 31 - Math.clz32(mask);
        mask ^= 1 << bit;
        const length = bit + 2;
        if (offset + length > limit) continue;
        const found = this.entries.get(text.slice(offset, offset + length));
        if (found !== undefined) return this.found(found, length);
      }
    }
    const found = this.single[first];
    return found === undefined ? 0 : this.found(found, 1);
  }

  private found(value: string, length: number): number {
    this.value = value;
    return length;
  }

  /** Converts `text[start, end)` by longest match, leaving unmatched characters as they are. */
  convert(text: string, start = 0, end = text.length): string {
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
