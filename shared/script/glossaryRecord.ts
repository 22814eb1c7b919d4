import { z } from 'zod';
import { RecordBase } from '../model/record';
import type { Glossary } from './glossary';

/** What a user fills in for a glossary term (術語表): both scripts required, English and a note optional. */
export const GlossaryTermFields = z.object({
  hant: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  hans: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  en: z.string().trim().max(200, 'validation.tooLong'),
  note: z.string().trim().max(2000, 'validation.tooLong'),
});
export type GlossaryTermFields = z.input<typeof GlossaryTermFields>;

/**
 * A stored glossary term. `key` is the seed term's stable id (e.g. hkstp), or the record id for terms
 * users add; `sortOrder` keeps the seed's order, which decides between terms sharing a source form.
 */
export const GlossaryTermRecord = RecordBase.extend({
  key: z.string().min(1).max(100),
  sortOrder: z.number().int(),
  hant: z.string().min(1).max(120),
  hans: z.string().min(1).max(120),
  en: z.string().max(200),
  note: z.string().max(2000),
});
export type GlossaryTermRecord = z.infer<typeof GlossaryTermRecord>;

export const GlossaryTermUpdate = z.object({ id: z.uuid(), revision: z.number().int().positive(), term: GlossaryTermFields });

/** Live terms in glossary order, in the shape the converter takes. */
export function glossaryOf(records: readonly GlossaryTermRecord[]): Glossary {
  return records
    .filter((r) => r.deletedAt === null)
    .sort(byGlossaryOrder)
    .map((r) => ({ id: r.key, hant: r.hant, hans: r.hans, en: r.en, note: r.note }));
}

export function byGlossaryOrder(a: GlossaryTermRecord, b: GlossaryTermRecord): number {
  return a.sortOrder - b.sortOrder || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}
