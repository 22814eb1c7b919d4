import { z } from 'zod';
import { scriptFields } from '../script/overrides';
import { CalendarDate, ClauseId } from './action';
import { RecordBase } from './record';

/**
 * One dated entry in a clause's progress log (條文進展): what the working group did under that
 * clause, in the officials' own words. Entries are records of their own, so one can be corrected
 * or deleted (with undo) without touching the others.
 */
export const ClauseNote = RecordBase.extend({
  clauseId: ClauseId,
  /** The day the progress happened, which the report's period is matched against. */
  on: CalendarDate,
  note: z.string().min(1).max(10_000, 'validation.tooLong'),
  byContactId: z.uuid().nullable(),
  ...scriptFields,
});
export type ClauseNote = z.infer<typeof ClauseNote>;

/** What a user fills in; checked the same way in the form and in main. */
export const ClauseNoteFields = z.object({
  clauseId: ClauseId,
  on: z.iso.date('validation.date'),
  note: z.string().trim().min(1, 'validation.required').max(10_000, 'validation.tooLong'),
  byContactId: z.uuid().nullable(),
});
export type ClauseNoteFields = z.input<typeof ClauseNoteFields>;

export const ClauseNoteEdit = z.object({
  id: z.uuid(),
  /** The revision the user edited; a newer one on disk means someone else changed it meanwhile. */
  revision: z.number().int().positive(),
  fields: ClauseNoteFields,
});
