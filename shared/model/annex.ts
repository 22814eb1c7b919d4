import { z } from 'zod';
import { scriptFields } from '../script/overrides';
import { CalendarDate, ClauseId } from './action';
import { AttachmentRef } from './meeting';
import { Instant, RecordBase } from './record';

/** 附件 amend or add to the arrangement; 補充協議 are supplementary arrangements beside it (第四條). */
export const AnnexKind = z.enum(['annex', 'supplement']);
export type AnnexKind = z.infer<typeof AnnexKind>;
export const AnnexStatus = z.enum(['underDiscussion', 'agreed', 'signed', 'inForce']);
export type AnnexStatus = z.infer<typeof AnnexStatus>;
export const annexStatuses = AnnexStatus.options;
export const ClauseRelation = z.enum(['amends', 'supplements']);
export type ClauseRelation = z.infer<typeof ClauseRelation>;

export const AnnexClause = z.object({ clauseId: ClauseId, relation: ClauseRelation });
export type AnnexClause = z.infer<typeof AnnexClause>;

/** A draft's wording at one point of the negotiation; versions are only ever added, never replaced. */
export const DraftVersion = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  at: Instant,
  /** What changed in this version, e.g. 深方修訂意見. */
  note: z.string().max(2_000, 'validation.tooLong'),
  text: z.string().max(100_000, 'validation.tooLong'),
  file: AttachmentRef.nullable(),
});
export type DraftVersion = z.infer<typeof DraftVersion>;

const Title = z.object({
  hant: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  hans: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  en: z.string().trim().max(300, 'validation.tooLong'),
});

/** An annex or supplementary arrangement (附件／補充協議) to the 2021 arrangement. */
export const Annex = RecordBase.extend({
  kind: AnnexKind,
  /** 附件一 is number 1 of kind annex; unique within its kind. */
  number: z.number().int().positive(),
  title: Title,
  status: AnnexStatus,
  agreedOn: CalendarDate.nullable(),
  signedOn: CalendarDate.nullable(),
  inForceFrom: CalendarDate.nullable(),
  clauses: z.array(AnnexClause),
  summary: z.string().max(10_000, 'validation.tooLong'),
  /** The signed text, kept in the attachment store. */
  signedPdf: AttachmentRef.nullable(),
  drafts: z.array(DraftVersion),
  ...scriptFields,
});
export type Annex = z.infer<typeof Annex>;

const order = (a: string | null, b: string | null) => !a || !b || a <= b;

/** What a user fills in; checked the same way in the form and in main. */
export const AnnexFields = z
  .object({
    kind: AnnexKind,
    number: z.number({ message: 'validation.required' }).int('validation.wholeNumber').positive('validation.wholeNumber').max(999),
    title: Title,
    status: AnnexStatus,
    agreedOn: z.iso.date('validation.date').nullable(),
    signedOn: z.iso.date('validation.date').nullable(),
    inForceFrom: z.iso.date('validation.date').nullable(),
    clauses: z.array(AnnexClause).refine((list) => new Set(list.map((c) => c.clauseId)).size === list.length, 'validation.clauseTwice'),
    summary: z.string().trim().max(10_000, 'validation.tooLong'),
  })
  .superRefine((fields, ctx) => {
    const reached = annexStatuses.indexOf(fields.status);
    if (reached >= annexStatuses.indexOf('signed') && !fields.signedOn) {
      ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'validation.signedNeedsDate' });
    }
    if (fields.status === 'inForce' && !fields.inForceFrom) {
      ctx.addIssue({ code: 'custom', path: ['inForceFrom'], message: 'validation.inForceNeedsDate' });
    }
    if (!order(fields.agreedOn, fields.signedOn)) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'validation.signedBeforeAgreed' });
    if (!order(fields.signedOn, fields.inForceFrom)) ctx.addIssue({ code: 'custom', path: ['inForceFrom'], message: 'validation.inForceBeforeSigned' });
  });
export type AnnexFields = z.input<typeof AnnexFields>;

export const AnnexEdit = z.object({ id: z.uuid(), revision: z.number().int().positive(), fields: AnnexFields });

export const NewDraftVersion = z.object({
  id: z.uuid(),
  note: z.string().trim().max(2_000, 'validation.tooLong'),
  text: z.string().trim().max(100_000, 'validation.tooLong'),
  /** Asks main to show the open dialog for a file to keep with this version. */
  withFile: z.boolean(),
});
export type NewDraftVersion = z.input<typeof NewDraftVersion>;

/** 附件一 / 附件一 / Annex 1; 補充協議一 / 补充协议一 / Supplement 1. */
export function annexLabel(annex: Pick<Annex, 'kind' | 'number'>, language: 'zh-Hant' | 'zh-Hans' | 'en'): string {
  if (language === 'en') return `${annex.kind === 'annex' ? 'Annex' : 'Supplement'} ${annex.number}`;
  const prefix = annex.kind === 'annex' ? '附件' : language === 'zh-Hant' ? '補充協議' : '补充协议';
  return `${prefix}${chineseNumber(annex.number)}`;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: how annexes are numbered in the documents. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}
