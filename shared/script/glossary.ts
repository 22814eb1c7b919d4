import { z } from 'zod';
import type { Direction } from './dictionaries';
import { corrections, type Correction } from './corrections';
import { PhraseTable } from './phraseTable';

/**
 * A term the two sides word differently, or a name that must come out exactly so (術語表). Applied before
 * OpenCC: a term found in the source is replaced by its counterpart and not converted further.
 */
export const GlossaryTerm = z.object({
  id: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  hant: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  hans: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  en: z.string().trim().max(200, 'validation.tooLong'),
  note: z.string().max(2000, 'validation.tooLong'),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

/** A glossary as stored: ids unique. Where two terms share a source form, the earlier one applies. */
export const Glossary = z.array(GlossaryTerm).superRefine((terms, context) => {
  const ids = new Set<string>();
  terms.forEach((term, index) => {
    if (ids.has(term.id)) context.addIssue({ code: 'custom', message: 'validation.invalid', path: [index, 'id'] });
    ids.add(term.id);
  });
});
export type Glossary = readonly GlossaryTerm[];

/** The term applied for a source form, and any later terms sharing that form. */
export interface GlossaryEntry {
  term: GlossaryTerm;
  others: GlossaryTerm[];
}

/**
 * What is matched before OpenCC in one direction: the glossary's terms, then the built-in corrections
 * (a term wins over a correction with the same source form), source form → written form, longest first.
 */
export interface CompiledGlossary {
  table: PhraseTable;
  terms: Map<string, GlossaryEntry>;
  corrections: Map<string, Correction>;
}

const NO_GLOSSARY: Glossary = [];
const compiled = new WeakMap<Glossary, Partial<Record<Direction, CompiledGlossary>>>();

/** Compiles once per glossary array (callers replace the array when the user edits it). */
export function compileGlossary(glossary: Glossary | undefined, direction: Direction): CompiledGlossary {
  const key = glossary?.length ? glossary : NO_GLOSSARY;
  let byDirection = compiled.get(key);
  if (!byDirection) compiled.set(key, (byDirection = {}));
  const existing = byDirection[direction];
  if (existing) return existing;
  const terms = new Map<string, GlossaryEntry>();
  for (const term of key) {
    const [source] = sides(term, direction);
    const entry = terms.get(source);
    if (entry) entry.others.push(term);
    else terms.set(source, { term, others: [] });
  }
  const fixes = new Map(corrections[direction].filter((c) => !terms.has(c.source)).map((c) => [c.source, c] as const));
  const table = new PhraseTable([
    [...terms].map(([source, { term }]) => [source, sides(term, direction)[1]] as const),
    [...fixes].map(([source, { target }]) => [source, target] as const),
  ]);
  return (byDirection[direction] = { table, terms, corrections: fixes });
}

/** [the form matched in the source, the form written in the output]. */
export function sides(term: GlossaryTerm, direction: Direction): [string, string] {
  return direction === 'toHant' ? [term.hans, term.hant] : [term.hant, term.hans];
}
