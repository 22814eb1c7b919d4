import type { DirectionTables } from './dictionaries';
import type { PhraseTable } from './phraseTable';

/** One way a character can be written in the other script, with a dictionary phrase that uses it. */
export interface Counterpart {
  text: string;
  /** A dictionary phrase with this counterpart, "source→target" (e.g. 皇后→皇后); empty for the default. */
  example: string;
}

/** Source character → its counterparts, the character dictionary's default first. */
export type CounterpartTable = ReadonlyMap<string, readonly Counterpart[]>;

/**
 * A counterpart seen only in this few phrases is not offered, to keep one-off names (e.g. 厂 staying 厂
 * in one place name) out of the review list. OpenCC's Traditional→Simplified phrase list is small and
 * curated, so one phrase is enough there.
 */
const MIN_PHRASES: Record<DirectionTables['direction'], number> = { toHant: 2, toHans: 1 };

/**
 * Derives, from the direction's own OpenCC dictionaries, every target a source character takes: the
 * character entry (后→後), and the target at its position in each phrase entry (皇后→皇后, 以后→以後).
 * Dictionaries are read after all variant stages, so a Hong Kong form (台, 裏, 麪) is what is listed.
 */
export function deriveCounterparts(tables: DirectionTables): Map<string, Counterpart[]> {
  const [first, second] = tables.stages as [PhraseTable, PhraseTable];
  // toHant: STPhrases/STCharacters, then Hong Kong variants. toHans: Hong Kong variants undone, then TS.
  const main = tables.direction === 'toHant' ? first : second;
  const before = tables.direction === 'toHans' ? first : undefined;
  const after = tables.direction === 'toHant' ? second : undefined;
  const charOf = (table: PhraseTable | undefined, c: string) => (table && codePoints(c).length === 1 ? (table.get(c) ?? c) : c);

  // Standard-form character → the source forms that reach it through `before` (HK 綫 → 線).
  const sourceForms = new Map<string, string[]>();
  if (before) {
    for (const [source, target] of before.pairs()) {
      if (codePoints(source).length !== 1 || source === target) continue;
      const list = sourceForms.get(target) ?? [];
      list.push(source);
      sourceForms.set(target, list);
    }
  }

  const seen = new Map<string, Map<string, { count: number; example: string }>>();
  const note = (source: string, target: string, example: string) => {
    let targets = seen.get(source);
    if (!targets) seen.set(source, (targets = new Map()));
    const entry = targets.get(target);
    if (!entry) targets.set(target, { count: 1, example });
    else {
      entry.count++;
      if (example.length < entry.example.length) entry.example = example;
    }
  };
  for (const [source, target] of main.pairs()) {
    const from = codePoints(source);
    const to = codePoints(target);
    if (from.length < 2 || from.length !== to.length) continue;
    const example = `${source}→${[...to].map((c) => charOf(after, c)).join('')}`;
    from.forEach((c, i) => {
      const t = charOf(after, to[i]!);
      note(c, t, example);
      for (const form of sourceForms.get(c) ?? []) note(form, t, example);
    });
  }

  const result = new Map<string, Counterpart[]>();
  const sources = new Set<string>(seen.keys());
  for (const [source] of main.pairs()) if (codePoints(source).length === 1) sources.add(source);
  for (const [source] of before?.pairs() ?? []) if (codePoints(source).length === 1) sources.add(source);
  for (const source of [...sources].sort()) {
    const fallback = charOf(after, charOf(main, charOf(before, source)));
    const counterparts: Counterpart[] = [{ text: fallback, example: '' }];
    const phrases = [...(seen.get(source) ?? [])]
      .filter(([target, { count }]) => target !== fallback && count >= MIN_PHRASES[tables.direction])
      .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
    for (const [target, { example }] of phrases) counterparts.push({ text: target, example });
    const fallbackExample = seen.get(source)?.get(fallback)?.example;
    if (fallbackExample) counterparts[0]!.example = fallbackExample;
    result.set(source, counterparts);
  }
  return result;
}

export function codePoints(text: string): string[] {
  return Array.from(text);
}
