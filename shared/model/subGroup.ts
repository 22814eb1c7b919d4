import { z } from 'zod';
import { RegisterKind } from '../registers/kinds';
import { scriptFields } from '../script/overrides';
import { QuoteMarks } from '../script/quotes';
import { Instant, LocalizedName, RecordBase } from './record';

/** Short code used in action references such as SP-2026-014. */
export const SubGroupCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, 'validation.subGroupCode');

/** The convenor (召集人) on each side: a contact of that side, or none yet. */
export const Convenors = z.object({ HK: z.uuid().nullable(), SZ: z.uuid().nullable() });
export type Convenors = z.infer<typeof Convenors>;
const noConvenors = (): Convenors => ({ HK: null, SZ: null });

export const SubGroup = RecordBase.extend({
  code: SubGroupCode,
  name: LocalizedName,
  remit: z.string().max(2000, 'validation.tooLong'),
  // Added after v1: sub-groups stored without it load with no convenors.
  convenors: Convenors.default(noConvenors),
  sortOrder: z.number().int(),
  /** Set while archived: the tab is hidden and the overview leaves it out; its records are kept. */
  archivedAt: Instant.nullable(),
  /** The registers its tab shows; absent (as in data from before registers), its code's default: see attachedRegisters. */
  registers: z.array(RegisterKind).optional(),
  ...scriptFields,
});
export type SubGroup = z.infer<typeof SubGroup>;

/** What a user fills in to set up or edit a sub-group; checked the same way in the form and in main. */
export const SubGroupFields = z.object({
  code: z.string().trim().toUpperCase().pipe(SubGroupCode),
  name: LocalizedName,
  remit: z.string().trim().max(2000, 'validation.tooLong'),
  convenors: Convenors.default(noConvenors),
});
export type SubGroupFields = z.output<typeof SubGroupFields>;

export const NewSubGroup = SubGroupFields;
export type NewSubGroup = z.input<typeof NewSubGroup>;

export const SubGroupEdit = z.object({
  id: z.uuid(),
  /** The revision the user edited; a newer one on disk means it was changed meanwhile. */
  revision: z.number().int().positive(),
  fields: SubGroupFields,
});
export type SubGroupEdit = z.input<typeof SubGroupEdit>;

/** The tab order: sub-group ids, first tab first; archived ones, not listed, keep their place after. */
export const SubGroupOrder = z.object({
  ids: z
    .array(z.uuid())
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'validation.duplicateId'),
});

export const WorkingGroup = RecordBase.extend({
  name: LocalizedName,
  /** How content's quotation marks are written in each script (Settings); absent in folders from before it existed: 'reader'. */
  quoteMarks: QuoteMarks.optional(),
});
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
