import type { CounterpartTable } from './counterparts';

/**
 * Characters that show which script a text is in. A character is Simplified-only when converting it to
 * Hong Kong Traditional never leaves it as it is (国, 发, 这), and Traditional-only when converting it to
 * Simplified never does (國, 發, 這). Characters that are one of their own counterparts (后, 台, 里, 乾)
 * or unchanged by conversion say nothing. Derived from OpenCC's dictionaries by `deriveScriptEvidence`;
 * the result is kept in scriptEvidence.generated.ts so detection needs no dictionary at run time.
 */
export function deriveScriptEvidence(toHant: CounterpartTable, toHans: CounterpartTable): { hansOnly: string; hantOnly: string } {
  const onlyIn = (table: CounterpartTable) =>
    new Set([...table].filter(([char, counterparts]) => !counterparts.some((c) => c.text === char)).map(([char]) => char));
  const hans = onlyIn(toHant);
  const hant = onlyIn(toHans);
  // A character claimed by both sides is evidence of neither.
  for (const char of [...hans]) {
    if (!hant.has(char)) continue;
    hans.delete(char);
    hant.delete(char);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
  return { hansOnly: sorted(hans), hantOnly: sorted(hant) };
}
