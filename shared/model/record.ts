import { z } from 'zod';

/** ISO 8601 instant with offset, e.g. 2026-11-24T06:30:00.000Z. */
export const Instant = z.iso.datetime({ offset: true });

/**
 * Every stored record carries these, so that exchanging data between the HK and Shenzhen laptops can
 * later merge by id and revision, and deletion can be undone or synchronised (soft deletion).
 */
export const RecordBase = z.object({
  id: z.uuid(),
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
  revision: z.number().int().positive(),
});
export type RecordBase = z.infer<typeof RecordBase>;

/** A name as the arrangement gives it: Traditional and Simplified of equal standing, and English. */
export const LocalizedName = z.object({
  hant: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  hans: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  en: z.string().trim().max(160, 'validation.tooLong'),
});
export type LocalizedName = z.infer<typeof LocalizedName>;

/** The list with `record` in place of the one with its id, or first when new (a save just returned). */
export function upsertById<T extends { id: string }>(list: readonly T[] | null, record: T): T[] {
  const current = list ?? [];
  return current.some((r) => r.id === record.id) ? current.map((r) => (r.id === record.id ? record : r)) : [record, ...current];
}
