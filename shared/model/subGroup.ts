import { z } from 'zod';
import { scriptFields } from '../script/overrides';
import { Instant, LocalizedName, RecordBase } from './record';

/** Short code used in action references such as SP-2026-014. */
export const SubGroupCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, 'validation.subGroupCode');

export const SubGroup = RecordBase.extend({
  code: SubGroupCode,
  name: LocalizedName,
  remit: z.string().max(2000, 'validation.tooLong'),
  sortOrder: z.number().int(),
  archivedAt: Instant.nullable(),
  ...scriptFields,
});
export type SubGroup = z.infer<typeof SubGroup>;

export const NewSubGroup = z.object({
  code: z.string().trim().toUpperCase().pipe(SubGroupCode),
  name: LocalizedName,
  remit: z.string().trim().max(2000, 'validation.tooLong'),
});
export type NewSubGroup = z.input<typeof NewSubGroup>;

export const WorkingGroup = RecordBase.extend({ name: LocalizedName });
export type WorkingGroup = z.infer<typeof WorkingGroup>;

/**
 * The name a tab shows: the sub-group's name without its quotation marks and the word for
 * "sub-group", e.g. 「聯合政策」專組 → 聯合政策, Sub-group on Joint Policy → Joint Policy.
 */
export function shortSubGroupName(name: string): string {
  const short = name
    .replace(/^sub-group (on|for) /i, '')
    .replace(/(專組|专组)$/, '')
    .replace(/^[「“"](.*)[」”"]$/, '$1')
    .trim();
  return short || name;
}
